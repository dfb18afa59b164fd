import type { BackfillProgress } from './backfill-slices.js';
import type { HikCentralClient } from '../hikcentral/client.js';
import type { HumandReachability } from './humand-health.js';
import type { ReprocessResult } from '../pipeline/reprocess.js';
import type { OpenDay } from '../pipeline/open-days.js';
import type { UnreadableInputSummary } from '../ingest-guard/unreadable-inputs.js';
import type { OutstandingProblem } from './outstanding.js';
import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { Clock, AccessEventSourcePort, PersonDirectoryPort, TimeTrackingPort } from '../domain/ports.js';
import type { RateLimitInfo } from '../domain/humand.js';
import type { Logger } from '../logging/logger.js';
import type { AppConfig, HikConnectionConfig, HumandConnectionConfig, RulesConfig, DeliveryConfig, PollConfig } from '../config/types.js';
import type { DeliveryLeaseHolder, LedgerStore } from '../store/store.js';
import type { DeliveryAttempt, PunchOutcome, PunchQuery, PunchRecord } from '../store/punch.js';
import type { PipelineEventListener } from '../pipeline/events.js';
import type { EvaluationSummary } from '../pipeline/evaluator.js';
import type { MappingRefresh } from '../pipeline/mapping-directory.js';
import type { ScanSummary } from '../pipeline/poller.js';
import type { PauseState } from '../pipeline/delivery/engine.js';
import type { RateBudgetSnapshot } from '../pipeline/delivery/rate-budget.js';
import type { TerminalStatus } from '../isapi/terminal-status.js';

/** Programmatic overrides: demo mode (simulator endpoints), tests (ports, clock, store). */
export interface AppOverrides {
  readonly clock?: Clock;
  readonly store?: LedgerStore;
  readonly eventSource?: AccessEventSourcePort;
  readonly personDirectory?: PersonDirectoryPort;
  readonly timeTracking?: TimeTrackingPort;
  /** Merged over config.hik (e.g. a simulator's URL, keys and CA). */
  readonly hik?: Partial<HikConnectionConfig>;
  /** Merged over config.humand. */
  readonly humand?: Partial<HumandConnectionConfig>;
  readonly rules?: Partial<RulesConfig>;
  readonly delivery?: Partial<DeliveryConfig>;
  readonly poll?: Partial<PollConfig>;
  readonly dryRun?: boolean;
  readonly siteTimezone?: string;
  /** Extra wait after an announced rate-limit reset (default 1 s; short windows in tests may use less). */
  readonly rateResetMarginMs?: number;
  /** Jitter source for retry backoff. */
  readonly random?: () => number;
}

export interface CreateAppOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly overrides?: AppOverrides;
}

export interface SyncOptions {
  readonly signal?: AbortSignal;
  /** How long this pass may keep delivering (default DeliveryConfig.syncMaxDeliveryMs). */
  readonly deliverForMs?: number;
  /** Skip reading HikCentral (deliver what is already in the ledger). */
  readonly skipPoll?: boolean;
}

export interface SyncSummary {
  readonly startedMs: number;
  readonly finishedMs: number;
  readonly dryRun: boolean;
  readonly poll: ScanSummary | null;
  readonly pollError: string | null;
  readonly mappings: MappingRefresh;
  readonly evaluation: EvaluationSummary;
  /** Punches that reached a new state in the delivery step. */
  readonly deliverySteps: number;
  readonly paused: PauseState | null;
  /** Whole ledger by outcome, after the pass. */
  readonly counts: Readonly<Record<PunchOutcome, number>>;
  /** Still waiting for delivery (queued, held, sending). */
  readonly pending: number;
  /** The kinds of punch that still need a person, over the whole ledger (a daemon's pass: empty). */
  readonly outstanding: readonly OutstandingProblem[];
  /** True when terminals are read too (ISAPI): a read error then names its own source. */
  readonly readsTerminals: boolean;
  /** False when Humand is not configured (HUMAND_AUTH): nothing can be delivered. */
  readonly deliveryConfigured: boolean;
  /** Something needs a person (paused, not configured, a failed read, a mapping problem, punches outstanding): `sync` exits non-zero. */
  readonly needsPerson: boolean;
}

export interface BackfillOptions {
  readonly fromMs: number;
  readonly toMs: number;
  readonly signal?: AbortSignal;
  /** After each page and each day read: the counts so far and up to when the range is read. */
  readonly onProgress?: (progress: BackfillProgress) => void;
  /** Deliver after reading (default true); backfill punches queue behind live ones. */
  readonly deliver?: boolean;
  readonly deliverForMs?: number;
}

export interface BackfillSummary {
  readonly scan: ScanSummary;
  readonly evaluation: EvaluationSummary;
  readonly deliverySteps: number;
  readonly counts: Readonly<Record<PunchOutcome, number>>;
  readonly paused: PauseState | null;
}

export interface AppIngestResult {
  /** Punches seen for the first time. */
  readonly inserted: number;
  /** Copies of punches already in the ledger. */
  readonly duplicates: number;
  readonly newPunchIds: readonly number[];
  /** Events set aside as unreadable (impossible time), not stored as punches. */
  readonly refused?: number;
}

export interface RecentError {
  /** When it was last seen. */
  readonly atMs: number;
  readonly message: string;
  readonly hint: string | null;
  readonly code: string | null;
  /** The same error seen again in a row is one entry: how many times, and since when. */
  readonly count?: number;
  readonly firstMs?: number;
}

export interface StatusReport {
  readonly startedMs: number;
  readonly mode: 'live' | 'demo';
  readonly dryRun: boolean;
  readonly timezone: string;
  readonly delivery: {
    readonly state: 'running' | 'paused' | 'dry-run' | 'stopped';
    readonly reason: string | null;
    readonly hint: string | null;
    readonly sinceMs: number | null;
  };
  /** Last RateLimit header seen from Humand (any process using this ledger). */
  readonly rateLimit: RateLimitInfo | null;
  readonly assumedRateLimit: { readonly limit: number; readonly windowSeconds: number };
  readonly budget: RateBudgetSnapshot;
  readonly poll: {
    readonly enabled: boolean;
    readonly lastAttemptMs: number | null;
    readonly lastSuccessMs: number | null;
    readonly lastError: string | null;
    readonly cursorMs: number | null;
  };
  /** Hikvision terminals read directly (ISAPI), when configured. */
  readonly terminals?: readonly TerminalStatus[];
  readonly lastPushMs: number | null;
  readonly lastEventMs: number | null;
  readonly recentErrors: readonly RecentError[];
  readonly counts: Readonly<Record<PunchOutcome, number>>;
  readonly oldestPendingEventMs: number | null;
  /** When the longest-waiting punch was recorded (its wait), not when it happened. */
  readonly oldestPendingReceivedMs?: number | null;
  /** Whether Humand answers (from every response, not from punches dying); null when delivery is not configured. */
  readonly humand?: HumandReachability | null;
  /** Inputs set aside as unreadable (src/ingest-guard): how many ever, and when the last one came. */
  readonly unreadableInputs?: { readonly total: number; readonly lastMs: number | null };
  /** Settings that work but weaken the service (e.g. HIK_TLS_INSECURE), for status and the dashboard banner. */
  readonly warnings?: readonly string[];
  /** Clock-ins of the last 7 days with no clock-out after the longest shift (HR closes them in Humand). */
  readonly openDays?: readonly OpenDay[];
  /** The last heartbeat of a `run` service on this ledger (any process), null when none ever ran. */
  readonly service?: ServiceHeartbeat | null;
  /** Who holds the delivery lease (ledgers shared by several instances), null when nobody does. */
  readonly deliveryLease?: DeliveryLeaseHolder | null;
}

export interface ServiceHeartbeat {
  readonly host: string;
  readonly pid: number;
  readonly startedMs: number;
  readonly lastSeenMs: number;
  /** Set by a graceful stop. */
  readonly stoppedMs: number | null;
}

/** A punch with its delivery history (requests made, Humand's answers). */
export interface PunchView extends PunchRecord {
  readonly history: readonly DeliveryAttempt[];
}

/** Problem punches by id, or all of them — or all of those outcomes only (the dashboard's "Re-drive all dead": `outcomes: ['dead']`). */
export type DeadLetterSelection = { readonly ids: readonly number[] } | { readonly all: true; readonly outcomes?: readonly PunchOutcome[] };

export interface MappingCoverage {
  readonly personsRefreshedMs: number | null;
  readonly usersRefreshedMs: number | null;
  readonly hikPersons: number;
  readonly activeHumandUsers: number;
  readonly mapped: number;
  readonly unmappedPersons: readonly { personId: string; personCode: string | null; personName: string | null; reason: string }[];
  readonly usersWithoutPerson: readonly { employeeInternalId: string; name: string; status: string }[];
}

/** The application: what the CLI, the webhook receiver and the dashboard call. */
export interface App {
  readonly config: AppConfig;
  readonly store: LedgerStore;
  /** The HikCentral client the App polls with (null when not configured or a port was injected); push subscriptions share its connection pool. */
  readonly hikCentral: HikCentralClient | null;
  /** One poll + mapping refresh + evaluation + delivery pass. */
  syncOnce(options?: SyncOptions): Promise<SyncSummary>;
  /** Polls every POLL_INTERVAL and delivers continuously until `signal` aborts; returns after a graceful stop. */
  runDaemon(options: { readonly signal: AbortSignal; readonly onPass?: (summary: SyncSummary) => void }): Promise<void>;
  /** Reads HikCentral over [fromMs, toMs) as source `backfill` (delivered after live punches). */
  backfill(options: BackfillOptions): Promise<BackfillSummary>;
  /** Records events durably (resolves once committed; rejects with StoreError when it cannot), then decides and delivers in the background. */
  ingest(events: readonly AccessEvent[], source: EventSource): Promise<AppIngestResult>;
  /** Notes an input that could not be read (e.g. a push body that failed validation). */
  recordRejectedInput(raw: unknown, reason: string): Promise<void>;
  /** The same for a whole batch: one write and one log line. */
  recordRejectedInputs(inputs: readonly { readonly raw: unknown; readonly reason: string }[], source: string): Promise<void>;
  /** The newest unreadable inputs (bounded list) and how many there were. */
  unreadableInputs(): Promise<UnreadableInputSummary>;
  status(): Promise<StatusReport>;
  punches(query?: PunchQuery): Promise<PunchView[]>;
  readonly deadLetters: {
    /** Punches that need a person: `dead` (gave up), `rejected` (Humand or a rule refused them), `review` (Humand would refuse them as they are). */
    list(): Promise<PunchView[]>;
    /** Re-drives them: dead ones are sent again, the others decided again; the rest of each employee's day follows. Returns how many. */
    retry(selection: DeadLetterSelection): Promise<number>;
    /** A person fixed these in Humand by hand: the problem is closed (`covered`), nothing is sent for it, the employee's later punches are decided again. */
    markFixed(selection: DeadLetterSelection, by: string): Promise<number>;
  };
  /** Decides the punches of a range of days again under the current rules and mapping; with `dryRun`, only says what would change. */
  reprocess(range: { readonly from: string; readonly to: string; readonly dryRun: boolean }): Promise<ReprocessResult>;
  /** Reloads HikCentral persons, Humand users and the mapping file now, and re-evaluates unmapped punches. */
  refreshMappings(options?: { readonly signal?: AbortSignal }): Promise<MappingRefresh & { readonly evaluation: EvaluationSummary }>;
  mappingCoverage(): Promise<MappingCoverage>;
  /** Delivers what is waiting (no poll) until idle or until the deadline. */
  deliverPending(options?: {
    readonly signal?: AbortSignal;
    readonly deliverForMs?: number;
  }): Promise<{ readonly steps: number; readonly paused: PauseState | null }>;
  /** Clears a 401/403 pause by hand and lets delivery try again. */
  resumeDelivery(): Promise<void>;
  /** Throws when the ledger cannot commit a write. */
  probeStoreWritable(): Promise<void>;
  /** Subscribes to pipeline events (punch-outcome, humand-response, poll-completed, delivery-paused, delivery-resumed, events-received). */
  subscribe(listener: PipelineEventListener): () => void;
  close(): Promise<void>;
}
