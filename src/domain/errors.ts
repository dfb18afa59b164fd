/**
 * Typed, classified errors. Every error that crosses a module boundary is one of these,
 * so callers decide by `category`, never by matching message text.
 */
export type ErrorCategory = 'transient' | 'rate-limited' | 'configuration' | 'rejected-by-rule' | 'bad-input';

export class AppError extends Error {
  readonly category: ErrorCategory;
  /** What a person can do about it. */
  readonly hint: string | undefined;
  readonly code: string | undefined;

  constructor(category: ErrorCategory, message: string, options: { hint?: string; code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.category = category;
    this.hint = options.hint;
    this.code = options.code;
  }
}

export class TransientError extends AppError {
  constructor(message: string, options: { hint?: string; code?: string; cause?: unknown } = {}) {
    super('transient', message, options);
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number, options: { hint?: string; code?: string; cause?: unknown } = {}) {
    super('rate-limited', message, options);
    this.retryAfterMs = retryAfterMs;
  }
}

export class ConfigurationError extends AppError {
  constructor(message: string, options: { hint?: string; code?: string; cause?: unknown } = {}) {
    super('configuration', message, options);
  }
}

export class RejectedByRuleError extends AppError {
  constructor(message: string, options: { hint?: string; code?: string; cause?: unknown } = {}) {
    super('rejected-by-rule', message, options);
  }
}

export class BadInputError extends AppError {
  constructor(message: string, options: { hint?: string; code?: string; cause?: unknown } = {}) {
    super('bad-input', message, options);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
