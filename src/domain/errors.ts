/**
 * Typed, classified errors. Every error that crosses a module boundary is one of these,
 * so callers decide by `category`, never by matching message text.
 */
import type { ErrorCode } from './error-table.js';

export type ErrorCategory = 'transient' | 'rate-limited' | 'configuration' | 'rejected-by-rule' | 'bad-input';

export class AppError extends Error {
  readonly category: ErrorCategory;
  /** What a person can do about it. */
  readonly hint: string | undefined;
  readonly code: string | undefined;

  /** `code`: one of ERROR_CODES, or a code an outside system sent (HikCentral's, a socket's). */
  constructor(category: ErrorCategory, message: string, options: { hint?: string; code?: string; upstreamCode?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.category = category;
    this.hint = options.hint;
    this.code = options.code ?? options.upstreamCode;
  }
}

/** The product's own errors: their code is in the table (src/domain/error-table.ts). */
export interface ProductErrorOptions {
  readonly hint?: string;
  readonly code?: ErrorCode;
  /** A code the outside system sent instead (Humand's `code`), when the product has none of its own. */
  readonly upstreamCode?: string;
  readonly cause?: unknown;
}

export class TransientError extends AppError {
  constructor(message: string, options: ProductErrorOptions = {}) {
    super('transient', message, options);
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number, options: ProductErrorOptions = {}) {
    super('rate-limited', message, options);
    this.retryAfterMs = retryAfterMs;
  }
}

export class ConfigurationError extends AppError {
  constructor(message: string, options: ProductErrorOptions = {}) {
    super('configuration', message, options);
  }
}

export class RejectedByRuleError extends AppError {
  constructor(message: string, options: ProductErrorOptions = {}) {
    super('rejected-by-rule', message, options);
  }
}

export class BadInputError extends AppError {
  constructor(message: string, options: ProductErrorOptions = {}) {
    super('bad-input', message, options);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
