import type { ReprocessResult } from '../pipeline/reprocess.js';
import type { HikPerson } from '../domain/hik-person.js';
import type { HumandUser, RateLimitInfo } from '../domain/humand.js';
import type { UnreadableInputSummary } from '../ingest-guard/unreadable-inputs.js';
import type { DeliveryAttempt, PunchOutcome, PunchQuery, PunchRecord } from '../store/punch.js';
import type { LedgerStore } from '../store/store.js';
import type { HumandDaySource } from './views/humand-days.js';

/**
 * What the operations surface needs from the running service. The admin server, the
 * metrics and the alerts read only this; `fromApp` adapts the real App to it.
 */
export interface OpsDataSource {
  /** SITE_TIMEZONE: "today", working days and times on the page are in this zone. */
  readonly timezone: string;
  status(): Promise<OpsStatus>;
  punches(query: PunchQuery): Promise<PunchRecord[]>;
  /** Punches of one day (working day, or event date while undecided) by outcome, counted by the ledger. */
  countsForDay(day: string): Promise<Readonly<Record<PunchOutcome, number>>>;
  /** The cached HikCentral persons and Humand users (to find an employee by name). */
  persons(): Promise<readonly HikPerson[]>;
  users(): Promise<readonly HumandUser[]>;
  attemptsOf(punchId: number): Promise<DeliveryAttempt[]>;
  mappingCoverage(): Promise<MappingCoverage>;
  /** Sends the chosen problem punches (`all`: every DEAD one, not rejected or review) through delivery again; returns how many were re-queued. */
  redrive(selection: RedriveSelection): Promise<number>;
  /** A person fixed these in Humand by hand: close them; returns how many were closed. Absent when not wired. */
  markFixed?(ids: readonly number[], by: string): Promise<number>;
  /** Decides a range of days again under the current rules (with `dryRun`, only says what would change). */
  reprocess?(range: { readonly from: string; readonly to: string; readonly dryRun: boolean }): Promise<ReprocessResult>;
  /** Throws when the ledger cannot commit a write. */
  probeStoreWritable(): Promise<void>;
  /** Inputs set aside as unreadable (impossible times, unreadable pushed events), newest first. */
  unreadableInputs?(): Promise<UnreadableInputSummary>;
  /** Live notifications for the metrics counters; returns an unsubscribe function. */
  subscribe?(listener: OpsEventListener): () => void;
  /** Range reads of the ledger: the attendance view, the explorer's pages, exports. */
  readonly ranges: DashboardLedger;
  /** What Humand has for employees' days, beside what was sent; absent when not wired. */
  readonly humandDays?: HumandDaySource;
}

export type DashboardLedger = Pick<LedgerStore, 'findPunchPage' | 'countPunchRange' | 'punchPeople' | 'punchInstants'>;

/** By id (any problem punch), or `all`: every dead punch — rejected and review ones need their cause fixed and are chosen by id. */
export type RedriveSelection = { readonly ids: readonly number[] } | { readonly all: true };

export type DeliveryStateName = 'running' | 'paused' | 'dry-run' | 'stopped';

export interface DeliveryState {
  readonly state: DeliveryStateName;
  /** Why it is paused/stopped, e.g. "Humand answered 403 ACCESS_DENIED". */
  readonly reason: string | null;
  readonly hint: string | null;
  readonly sinceMs: number | null;
}

export interface PollState {
  /** False when the service only receives pushes. */
  readonly enabled: boolean;
  readonly lastAttemptMs: number | null;
  readonly lastSuccessMs: number | null;
  readonly lastError: string | null;
  /** Events up to this instant have been read. */
  readonly cursorMs: number | null;
}

export interface OpsError {
  /** Last seen. */
  readonly atMs: number;
  readonly message: string;
  readonly hint: string | null;
  readonly code: string | null;
  /** Seen this many times in a row, the first at firstMs. */
  readonly count?: number;
  readonly firstMs?: number;
}

export interface OpsStatus {
  readonly startedMs: number;
  readonly delivery: DeliveryState;
  readonly rateLimit: RateLimitInfo | null;
  /** Humand's documented budget, used until a RateLimit header has been seen. */
  readonly assumedRateLimit: { readonly limit: number; readonly windowSeconds: number };
  readonly poll: PollState;
  readonly lastPushMs: number | null;
  /** Last time an access event (any source) was received. */
  readonly lastEventMs: number | null;
  readonly recentErrors: readonly OpsError[];
  /** Whole ledger, by outcome. */
  readonly counts: Readonly<Record<PunchOutcome, number>>;
  /** Event instant of the oldest punch still waiting for delivery. */
  readonly oldestPendingEventMs: number | null;
  /** When the longest-waiting punch was recorded: how long delivery has kept someone waiting (a backfill of last week has not waited a week). */
  readonly oldestPendingReceivedMs?: number | null;
  /** Whether Humand answers: failing from the first request that got no answer; null when not configured. */
  readonly humand?: {
    readonly failingSinceMs: number | null;
    readonly failures: number;
    readonly lastFailureMs: number | null;
    readonly lastError: string | null;
    readonly lastOkMs: number | null;
  } | null;
  /** Inputs set aside as unreadable: how many ever, and when the last came. */
  readonly unreadableInputs?: { readonly total: number; readonly lastMs: number | null };
  /** Settings that weaken the service (e.g. HIK_TLS_INSECURE): shown in the dashboard banner. */
  readonly warnings?: readonly string[];
  /** Who holds the delivery lease and its epoch (ledgers shared by several instances). */
  readonly deliveryLease?: {
    readonly ownerId: string;
    readonly epoch: number;
    readonly acquiredMs: number;
    readonly expiresMs: number;
    /** Whom it was taken from; expiredMs null when that holder released it. */
    readonly previousHolder?: { readonly ownerId: string; readonly expiredMs: number | null } | null;
  } | null;
}

export interface CoveragePerson {
  readonly personId: string;
  readonly personCode: string | null;
  readonly personName: string | null;
  readonly reason: string;
}

export interface CoverageUser {
  readonly employeeInternalId: string;
  readonly name: string;
  readonly status: string;
}

export interface MappingCoverage {
  readonly personsRefreshedMs: number | null;
  readonly usersRefreshedMs: number | null;
  readonly hikPersons: number;
  readonly activeHumandUsers: number;
  /** HikCentral persons that map to exactly one active Humand user. */
  readonly mapped: number;
  readonly unmappedPersons: readonly CoveragePerson[];
  /** Active Humand users no HikCentral person maps to. */
  readonly usersWithoutPerson: readonly CoverageUser[];
}

export type OpsEvent =
  | { readonly type: 'events-received'; readonly source: string; readonly fresh: number; readonly duplicates: number }
  | { readonly type: 'punch-outcome'; readonly outcome: PunchOutcome; readonly source: string }
  | { readonly type: 'humand-response'; readonly result: string; readonly status: number | null; readonly rateLimit: RateLimitInfo | null }
  | { readonly type: 'poll-completed'; readonly ok: boolean; readonly events: number }
  | { readonly type: 'delivery-paused' | 'delivery-resumed' };

export type OpsEventListener = (event: OpsEvent) => void;
