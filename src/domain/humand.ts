/** Humand-facing domain types shared by the Humand client (adapter) and the pipeline. */

export type EntryType = 'START' | 'END';

export interface TimeTrackingEntry {
  readonly id: string | number;
  readonly employeeInternalId: string | null;
  /** ISO date-time of the entry as Humand reports it. */
  readonly time: string;
  readonly date: string | null;
  readonly type: EntryType;
  readonly source: string | null;
  readonly comment: string | null;
}

/**
 * One employee's entries on one Humand reference date, from every source (the Humand app, a kiosk,
 * this integration, Humand's own AUTO_CLOSE / DAY_CHANGE), in time order.
 */
export interface HumandDay {
  readonly employeeId: string;
  /** Humand's reference date (YYYY-MM-DD). */
  readonly date: string;
  readonly entries: readonly TimeTrackingEntry[];
}

export interface HumandUser {
  readonly id: string | number;
  readonly employeeInternalId: string;
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly status: 'ACTIVE' | 'DEACTIVATED' | 'UNCLAIMED' | string;
  /** Custom profile fields, flattened to name → value. */
  readonly fields: Readonly<Record<string, string>>;
}

/** Parsed `RateLimit` / `RateLimit-Policy` headers. */
export interface RateLimitInfo {
  readonly limit: number | null;
  readonly remaining: number | null;
  /** Seconds until the window resets. */
  readonly resetSeconds: number | null;
  /** Window length in seconds (from RateLimit-Policy `w=`). */
  readonly windowSeconds: number | null;
  /** Client clock (epoch ms) when the headers were read. */
  readonly observedAt: number;
}

export interface ClockRequest {
  readonly employeeId: string;
  /** ISO 8601 with explicit offset and milliseconds, e.g. 2026-01-27T08:12:45.123-03:00 */
  readonly now: string;
  readonly comment: string;
}

/**
 * Every Humand call ends in exactly one of these. The pipeline switches on `kind`;
 * nobody outside the Humand client matches strings in error messages.
 */
export type HumandFailure =
  | { readonly kind: 'rejected-by-rule'; readonly status: number; readonly code: string | null; readonly message: string }
  | { readonly kind: 'unauthorised'; readonly status: 401; readonly code: string | null; readonly message: string }
  | { readonly kind: 'forbidden'; readonly status: 403; readonly code: string | null; readonly message: string }
  | { readonly kind: 'rate-limited'; readonly status: 429; readonly retryAfterMs: number; readonly message: string }
  | { readonly kind: 'transient'; readonly status: number | null; readonly message: string }
  | { readonly kind: 'bad-request'; readonly status: number; readonly code: string | null; readonly message: string }
  | { readonly kind: 'not-found'; readonly status: 404; readonly code: string | null; readonly message: string };

export type HumandResult<T> =
  | { readonly ok: true; readonly value: T; readonly status: number; readonly rateLimit: RateLimitInfo | null }
  | { readonly ok: false; readonly failure: HumandFailure; readonly rateLimit: RateLimitInfo | null };
