import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { ClockRequest, EntryType } from '../domain/humand.js';

/**
 * Where a punch stands. `received` → evaluated into one of the others; only
 * `queued`/`held`/`sending` are waiting for delivery; `unmapped` waits for a mapping; `waiting`
 * waits behind an earlier punch of the same employee that could not be delivered (`dead`).
 * `debounced` (a double tap), `corrected` (the wrong reader of two opposite taps), `covered`
 * (Humand has it from another source) are not entries by design; `review` is a passage Humand
 * would refuse, shown to a person with its reason. `suppressed` is kept for ledgers written by
 * the model before issue #9 (the alternation guard); nothing decides it any more.
 */
export type PunchOutcome =
  | 'received'
  | 'ignored'
  | 'unmapped'
  | 'held'
  | 'queued'
  | 'waiting'
  | 'sending'
  | 'debounced'
  | 'corrected'
  | 'covered'
  | 'suppressed'
  | 'delivered'
  | 'review'
  | 'rejected'
  | 'dead'
  | 'dry-run';

export const PUNCH_OUTCOMES: readonly PunchOutcome[] = [
  'received',
  'ignored',
  'unmapped',
  'held',
  'queued',
  'waiting',
  'sending',
  'debounced',
  'corrected',
  'covered',
  'suppressed',
  'delivered',
  'review',
  'rejected',
  'dead',
  'dry-run',
];

/** Punches a person must look at: not sent, and not sendable without a decision or a fix. */
export const NEEDS_REVIEW: readonly PunchOutcome[] = ['review', 'unmapped', 'rejected', 'dead', 'waiting'];

/**
 * Punches whose decision can be made again from the facts (nothing Humand accepted, nothing in
 * flight): the decision model re-derives them when an earlier punch arrives, when a problem before
 * them is resolved, or when a person asks (reprocess).
 */
export const REDERIVABLE: readonly PunchOutcome[] = ['waiting', 'debounced', 'corrected', 'covered', 'suppressed', 'review'];

/** Outcomes that still wait for the delivery engine. */
export const AWAITING_DELIVERY: readonly PunchOutcome[] = ['queued', 'held', 'sending'];

export type PunchPriority = 'live' | 'backfill';

/** One access event as the ledger holds it (copies with other eventIds collapse into one). */
export interface PunchRecord {
  readonly id: number;
  /** Carried on every log line about this punch. */
  readonly correlationId: string;
  readonly eventId: string;
  readonly source: EventSource;
  readonly priority: PunchPriority;
  readonly eventCode: number;
  /** Event time exactly as the source gave it. */
  readonly eventTime: string;
  /** Event instant (epoch ms), null when the source time could not be read. */
  readonly eventMs: number | null;
  /** UTC offset of the event's own time (minutes east of UTC). */
  readonly utcOffsetMinutes: number | null;
  readonly personId: string | null;
  readonly personCode: string | null;
  readonly personName: string | null;
  readonly cardNo: string | null;
  readonly doorIndexCode: string | null;
  readonly doorName: string | null;
  readonly readerIndexCode: string | null;
  readonly readerName: string | null;
  readonly checkInAndOutType: number | null;
  readonly inAndOutType: number | null;
  readonly raw: unknown;
  readonly outcome: PunchOutcome;
  readonly reason: string | null;
  readonly employeeId: string | null;
  readonly entryType: EntryType | null;
  /** Working day (YYYY-MM-DD) the punch belongs to, once decided. */
  readonly workingDay: string | null;
  /** Exact body sent (or that would be sent) to Humand. */
  readonly request: ClockRequest | null;
  readonly humandEntryId: string | null;
  /** Delivery attempts that reached (or may have reached) Humand. */
  readonly attempts: number;
  readonly nextAttemptMs: number | null;
  /** An earlier attempt's answer is unknown: read Humand before sending again. */
  readonly reconcileNeeded: boolean;
  readonly receivedMs: number;
  readonly updatedMs: number;
}

/** An event ready to be recorded: the instant is computed by the caller (it knows SITE_TIMEZONE). */
export interface IngestItem {
  readonly event: AccessEvent;
  readonly eventMs: number | null;
  readonly utcOffsetMinutes: number | null;
}

/**
 * Small bookkeeping written in the ingest's own transaction, so that a push costs one commit
 * (one fsync) rather than one per key.
 */
export interface IngestBookkeeping {
  /** Meta keys written whatever the batch held (e.g. when a push last arrived). */
  readonly meta?: Readonly<Record<string, string>>;
  /** Meta keys written only when at least one punch of the batch was new (e.g. the last new event). */
  readonly metaWhenNew?: Readonly<Record<string, string>>;
}

export interface IngestResult {
  /** Ledger ids of punches seen for the first time. */
  readonly newPunchIds: readonly number[];
  /** Copies of punches already in the ledger (same eventId, or same person/second/door). */
  readonly duplicates: number;
}

/** A change of state of one punch; omitted fields are left as they are. */
export interface PunchUpdate {
  readonly id: number;
  readonly outcome: PunchOutcome;
  readonly reason?: string | null;
  readonly employeeId?: string | null;
  /** Filled from the HikCentral person when the event itself did not carry it. */
  readonly personCode?: string | null;
  readonly entryType?: EntryType | null;
  readonly workingDay?: string | null;
  readonly request?: ClockRequest | null;
  readonly humandEntryId?: string | null;
  readonly attempts?: number;
  readonly nextAttemptMs?: number | null;
  readonly reconcileNeeded?: boolean;
  readonly priority?: PunchPriority;
  /**
   * Apply only while the punch is still in this outcome; otherwise skip it silently (another
   * instance sharing the ledger got there first). Without it the update always applies.
   */
  readonly expectedOutcome?: PunchOutcome;
}

export type AttemptKind = 'clock' | 'reconcile' | 'dry-run' | 'probe';

/** One request made (or, in dry run, not made) on behalf of a punch. */
export interface DeliveryAttempt {
  readonly punchId: number;
  readonly atMs: number;
  readonly kind: AttemptKind;
  readonly method: string;
  readonly path: string;
  readonly requestBody: unknown;
  /** HTTP status when one came back. */
  readonly status: number | null;
  /** `ok`, or the failure kind (`transient`, `rejected-by-rule`, ...). */
  readonly result: string;
  readonly message: string | null;
}

export interface PunchQuery {
  readonly employeeId?: string;
  /** Working day or local event date (YYYY-MM-DD). */
  readonly date?: string;
  /** Door index code or door name. */
  readonly door?: string;
  readonly outcome?: PunchOutcome | readonly PunchOutcome[];
  readonly personId?: string;
  readonly ids?: readonly number[];
  readonly limit?: number;
  /** Ascending by event time (default) or newest first. */
  readonly order?: 'asc' | 'desc';
}

export function correlationIdOf(id: number): string {
  return `p-${id}`;
}
