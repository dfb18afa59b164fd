/**
 * Bounds on what enters the ledger from HikCentral (poll, push and backfill alike).
 * A real zone is never more than 14 h from UTC; a site never needs a punch older than its
 * payroll history; no HikCentral field is megabytes long or thousands of levels deep.
 */
export interface InputLimits {
  /** Events older than this (by their own time, against our clock) are refused. */
  readonly maxEventAgeMs: number;
  /** Offsets beyond ±this many minutes are not a real zone. */
  readonly maxOffsetMinutes: number;
  /** Nesting deeper than this is cut from the stored raw event. */
  readonly maxJsonDepth: number;
  /** Longer strings are cut, in the stored raw event and in the event's fields. */
  readonly maxStringLength: number;
}

export const DAY_MS = 86_400_000;

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxEventAgeMs: 400 * DAY_MS,
  maxOffsetMinutes: 14 * 60,
  maxJsonDepth: 32,
  maxStringLength: 4096,
};
