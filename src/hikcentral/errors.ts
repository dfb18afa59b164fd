import { BadInputError, ConfigurationError, TransientError } from '../domain/errors.js';

/**
 * Why a HikCentral call failed, finer than the domain category. Callers decide by
 * `category` (retry or not); `reason` is for messages, metrics and `doctor`.
 */
export type HikFailureReason =
  | 'signature-invalid'
  | 'signature-missing'
  | 'app-key-missing'
  | 'app-key-unknown'
  | 'user-not-authorised'
  | 'plain-http-refused'
  | 'missing-parameter'
  | 'platform-error'
  | 'http-status'
  | 'endpoint-not-found'
  | 'connection-refused'
  | 'dns-unresolved'
  | 'https-expected'
  | 'timeout'
  | 'network'
  | 'malformed-response'
  | 'tls-untrusted'
  | 'tls-hostname-mismatch';

interface HikErrorOptions {
  readonly reason: HikFailureReason;
  /** The platform's `code` (e.g. `0x02401003`), when it answered with one. */
  readonly artemisCode?: string;
  /** A lower-level code (e.g. a TLS error code) for `AppError.code` when there is no Artemis code. */
  readonly detailCode?: string;
  /** The API path that failed (never a full URL with credentials; there are none in it anyway). */
  readonly path?: string;
  readonly hint?: string;
  readonly cause?: unknown;
}

export interface HikCentralFailure {
  readonly reason: HikFailureReason;
  readonly artemisCode: string | undefined;
  readonly path: string | undefined;
}

function baseOptions(options: HikErrorOptions): { hint?: string; code?: string; cause?: unknown } {
  return {
    ...(options.hint !== undefined ? { hint: options.hint } : {}),
    ...(options.artemisCode !== undefined ? { code: options.artemisCode } : options.detailCode !== undefined ? { code: options.detailCode } : {}),
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
  };
}

/** Retrying will not help: a person has to fix a setting (HIK_* variables, certificate, platform permissions). */
export class HikConfigurationError extends ConfigurationError implements HikCentralFailure {
  readonly reason: HikFailureReason;
  readonly artemisCode: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, options: HikErrorOptions) {
    super(message, baseOptions(options));
    this.reason = options.reason;
    this.artemisCode = options.artemisCode;
    this.path = options.path;
  }
}

/** Worth retrying later: the platform or the network is unavailable or answered nonsense. */
export class HikTransientError extends TransientError implements HikCentralFailure {
  readonly reason: HikFailureReason;
  readonly artemisCode: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, options: HikErrorOptions) {
    super(message, baseOptions(options));
    this.reason = options.reason;
    this.artemisCode = options.artemisCode;
    this.path = options.path;
  }
}

/** The request itself is wrong for this platform (e.g. a required parameter is missing). */
export class HikBadInputError extends BadInputError implements HikCentralFailure {
  readonly reason: HikFailureReason;
  readonly artemisCode: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, options: HikErrorOptions) {
    super(message, baseOptions(options));
    this.reason = options.reason;
    this.artemisCode = options.artemisCode;
    this.path = options.path;
  }
}

export type HikCentralError = HikConfigurationError | HikTransientError | HikBadInputError;

export function isHikCentralError(error: unknown): error is HikCentralError {
  return error instanceof HikConfigurationError || error instanceof HikTransientError || error instanceof HikBadInputError;
}
