import type { EventSource } from '../domain/access-event.js';
import type { HikPerson } from '../domain/hik-person.js';
import type { HumandUser } from '../domain/humand.js';
import type { DeliveryAttempt, IngestBookkeeping, IngestItem, IngestResult, PunchOutcome, PunchQuery, PunchRecord, PunchUpdate } from './punch.js';
import type { PunchPageQuery, PunchPerson, PunchRangeQuery } from './punch-range.js';

/**
 * The durable ledger the pipeline depends on. Async so that a PostgreSQL
 * implementation can follow without touching the pipeline. Every method that writes
 * more than one row does so in one transaction; a failure to commit throws
 * `StoreError` (transient) and leaves nothing half-written.
 */
export interface LedgerStore {
  /**
   * Records events atomically (all or nothing). A copy of a punch already in the ledger,
   * recognised by eventId or by natural key (person, second, door), is not a new punch;
   * its eventId is remembered so a later copy with the same id is recognised too.
   * `bookkeeping` meta keys are written in the same transaction (none when it fails).
   */
  ingest(items: readonly IngestItem[], source: EventSource, nowMs: number, bookkeeping?: IngestBookkeeping): Promise<IngestResult>;

  getPunch(id: number): Promise<PunchRecord | null>;
  findPunches(query: PunchQuery): Promise<PunchRecord[]>;
  /** Punches in the given outcomes, oldest event first. */
  listByOutcome(outcomes: readonly PunchOutcome[], limit?: number): Promise<PunchRecord[]>;
  /** Applies all updates in one transaction. */
  updatePunches(updates: readonly PunchUpdate[], nowMs: number): Promise<void>;
  /** Applies an update and records an attempt in one transaction. */
  updateWithAttempt(update: PunchUpdate, attempt: DeliveryAttempt, nowMs: number): Promise<void>;
  recordAttempt(attempt: DeliveryAttempt): Promise<void>;
  attemptsOf(punchId: number): Promise<DeliveryAttempt[]>;
  /** The attempts of several punches in one read, oldest first, by punch id (ids without any are absent). */
  attemptsOfMany(punchIds: readonly number[]): Promise<Map<number, DeliveryAttempt[]>>;

  /**
   * For every employee with punches awaiting delivery, the earliest one (by event time):
   * delivery is strictly in event-time order per employee.
   */
  deliveryHeads(): Promise<PunchRecord[]>;
  /** An employee's punches whose event instant lies in [fromMs, toMs], in the given outcomes, by event time. */
  employeePunches(employeeId: string, fromMs: number, toMs: number, outcomes: readonly PunchOutcome[]): Promise<PunchRecord[]>;

  /**
   * Punches by outcome; with `day` (YYYY-MM-DD), only that day's, matched like `findPunches({date})`
   * (the working day, or the event's own date while no working day is decided). Counted in
   * the database, so the dashboard need not load a busy day's rows to show its numbers.
   */
  countsByOutcome(day?: string): Promise<Record<PunchOutcome, number>>;
  /** Event instant of the oldest punch in the given outcomes, null when there is none. */
  oldestEventMs(outcomes: readonly PunchOutcome[]): Promise<number | null>;
  /** When the longest-waiting punch in the given outcomes was recorded (how long it has waited), null when there is none. */
  oldestReceivedMs(outcomes: readonly PunchOutcome[]): Promise<number | null>;
  /** Moves every punch in `from` to `to` (e.g. dry-run → received for a real run); returns how many. */
  resetOutcome(from: PunchOutcome, to: PunchOutcome, reason: string | null, nowMs: number): Promise<number>;

  /** Poll cursor (epoch ms) per source name. */
  getCursor(name: string): Promise<number | null>;
  setCursor(name: string, valueMs: number, nowMs: number): Promise<void>;

  /** Replaces the HikCentral persons cache (a full listing). */
  replacePersons(persons: readonly HikPerson[], nowMs: number): Promise<void>;
  upsertPerson(person: HikPerson, nowMs: number): Promise<void>;
  getPerson(personId: string): Promise<HikPerson | null>;
  listPersons(): Promise<HikPerson[]>;
  personsRefreshedAt(): Promise<number | null>;

  /** Replaces the Humand users cache (a full listing). */
  replaceUsers(users: readonly HumandUser[], nowMs: number): Promise<void>;
  getUser(employeeInternalId: string): Promise<HumandUser | null>;
  listUsers(): Promise<HumandUser[]>;
  /** Users whose custom field `field` equals `value`. */
  findUsersByField(field: string, value: string): Promise<HumandUser[]>;
  usersRefreshedAt(): Promise<number | null>;

  /** Small key/value state (pause reason, last errors, ...). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string | null): Promise<void>;
  /**
   * Read-modify-write of one meta value as one step: `change` sees the value as it is (another
   * instance sharing the ledger waits meanwhile) and returns the new one (null removes it).
   * `change` may run more than once (a retried transaction): it must have no side effects.
   */
  updateMeta(key: string, change: (current: string | null) => string | null): Promise<string | null>;

  /**
   * Delivery lease, for ledgers shared by several instances: only its holder delivers.
   * Takes the lease when it is free or expired (by `nowMs`), renews it when `ownerId` holds it;
   * true when `ownerId` holds it until `nowMs + ttlMs`. Optional: a store without it is
   * single-process and its one process always delivers.
   */
  tryAcquireDeliveryLease?(ownerId: string, ttlMs: number, nowMs: number): Promise<boolean>;
  /** Gives the lease up at once if `ownerId` holds it (a graceful stop), so another instance takes over. */
  releaseDeliveryLease?(ownerId: string): Promise<void>;
  /** Who holds the delivery lease and until when, for status pages; null when nobody does. */
  deliveryLeaseHolder?(): Promise<DeliveryLeaseHolder | null>;

  close(): Promise<void>;

  // ---- Range reads for the dashboard (attendance, explorer pages, exports) ----
  /** One page of the punches matching `query`, by event time (ties by id). */
  findPunchPage(query: PunchPageQuery): Promise<PunchRecord[]>;
  /** How many punches match `query` (the "of 1,050" of a page). */
  countPunchRange(query: PunchRangeQuery): Promise<number>;
  /** Who has punches matching `query`: one row per employee, or per person while unmapped. */
  punchPeople(query: PunchRangeQuery): Promise<PunchPerson[]>;
  /** Event instants (epoch ms) of the punches matching `query` (the clock punches per hour chart). */
  punchInstants(query: PunchRangeQuery): Promise<number[]>;
}

export interface DeliveryLeaseHolder {
  readonly ownerId: string;
  readonly acquiredMs: number;
  readonly expiresMs: number;
  /**
   * The fencing token: grows by one each time another owner takes the lease (never on renewal,
   * never back to 0 on release). A holder whose epoch is no longer the lease's stops delivering.
   */
  readonly epoch: number;
  /**
   * Whom this holder took the lease from, when it was not a renewal: `expiredMs` is when that
   * holder's lease ran out (it stopped renewing: crashed, frozen, cut off), null when it gave it
   * up (a graceful stop). acquiredMs − expiredMs is how long delivery waited for the takeover.
   */
  readonly previousHolder: { readonly ownerId: string; readonly expiredMs: number | null } | null;
}
