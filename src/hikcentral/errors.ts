import { AppError, type ErrorCategory } from '../domain/errors.js';

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
  | 'http-refused'
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

/** What each reason means for the caller: retry later, or a person fixes a setting / the request. */
const CATEGORY_OF: Readonly<Record<HikFailureReason, ErrorCategory>> = {
  'signature-invalid': 'configuration',
  'signature-missing': 'configuration',
  'app-key-missing': 'configuration',
  'app-key-unknown': 'configuration',
  'user-not-authorised': 'configuration',
  'plain-http-refused': 'configuration',
  'https-expected': 'configuration',
  'endpoint-not-found': 'configuration',
  'http-refused': 'configuration',
  'tls-untrusted': 'configuration',
  'tls-hostname-mismatch': 'configuration',
  'missing-parameter': 'bad-input',
  'platform-error': 'transient',
  'http-status': 'transient',
  'connection-refused': 'transient',
  'dns-unresolved': 'transient',
  timeout: 'transient',
  network: 'transient',
  'malformed-response': 'transient',
};

/**
 * Every failure of a HikCentral call: its category (retry, or a person fixes a setting or the
 * request) follows from its reason, so one table decides it for every caller.
 */
export class HikCentralError extends AppError implements HikCentralFailure {
  readonly reason: HikFailureReason;
  readonly artemisCode: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, options: HikErrorOptions) {
    super(CATEGORY_OF[options.reason], message, {
      ...(options.hint !== undefined ? { hint: options.hint } : {}),
      ...(options.artemisCode !== undefined ? { code: options.artemisCode } : options.detailCode !== undefined ? { code: options.detailCode } : {}),
      ...(options.cause !== undefined ? { cause: options.cause } : {}),
    });
    this.reason = options.reason;
    this.artemisCode = options.artemisCode;
    this.path = options.path;
  }
}

export function isHikCentralError(error: unknown): error is HikCentralError {
  return error instanceof HikCentralError;
}
