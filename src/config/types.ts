/** Typed, validated configuration carried inward from the edge (env + config file). */
import type { IsapiConfig } from './isapi.js';

export type DirectionMode = 'door' | 'device' | 'alternate';
export type Direction = 'in' | 'out';
export type MappingStrategy = 'personCode' | 'cardNo' | 'customField' | 'csv';
/** What to do with a clock-in while the employee's last entry that working day is a clock-in (or the mirror case). */
export type AlternationPolicy = 'suppress' | 'send';

/** A time clock: a door and/or reader (each by index code or name) and how it decides in/out. */
export interface TimeClockRule {
  /** Door index code or door name; omitted = any door. */
  readonly door: string | null;
  /** Reader index code or reader name; omitted = any reader of the door. */
  readonly reader: string | null;
  readonly mode: DirectionMode;
  /** Direction in `door` mode, and the fallback in `device` mode when the device says 0/unknown. */
  readonly direction: Direction | null;
  /** Per-clock debounce override. */
  readonly debounceMs: number | null;
  /** A label used as the Humand entry comment; defaults to the reader/door name. */
  readonly label: string | null;
}

export interface MappingConfig {
  readonly strategy: MappingStrategy;
  /** `customField`: the HikCentral custom field holding the key. */
  readonly customField: string | null;
  /** `csv`: file with columns `personCode` (or `personId`) and `employeeInternalId`. */
  readonly csvFile: string | null;
  /** When set, the key is matched to this Humand profile field instead of employeeInternalId. */
  readonly humandField: string | null;
}

export interface RulesConfig {
  readonly timeClocks: readonly TimeClockRule[];
  readonly grantedEventCodes: readonly number[];
  readonly refusedEventCodes: readonly number[];
  readonly doorStateEventCodes: readonly number[];
  readonly mapping: MappingConfig;
  readonly debounceMs: number;
  readonly settleDelayMs: number;
  /** Hour (0–23, site time) at which a working day starts; 4 puts a 02:00 clock-out on the previous day. */
  readonly dayBoundaryHour: number;
  /**
   * No longer decides anything (kept so older config files load): since the decision model of
   * issue #9 nothing is suppressed; what Humand would refuse is shown as `review`.
   */
  readonly alternationPolicy: AlternationPolicy;
  /** A clock-in with no clock-out for longer is an open day; an alternate-mode clock flips only against a more recent entry. Default 16 h. */
  readonly maxOpenShiftMs?: number;
  /** An alternate-mode tap this soon after the employee's last entry is a re-tap, never a flip. Default 10 min. */
  readonly minShiftMs?: number;
  /** Event times up to this far ahead of our clock are accepted as clock skew; beyond it a punch is held. */
  readonly futureToleranceMs: number;
  /** Comment sent with each Humand entry; `{door}`, `{reader}` and `{label}` are replaced. */
  readonly commentTemplate: string;
}

export interface HikConnectionConfig {
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly userId: string | null;
  readonly caCertPath: string | null;
  readonly caCertPem: string | null;
  readonly tlsInsecure: boolean;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
}

export interface HumandConnectionConfig {
  readonly baseUrl: string;
  readonly auth: string;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
}

export interface DeliveryConfig {
  /** Budget assumed before Humand's first RateLimit header is seen. */
  readonly assumedRateLimit: number;
  readonly assumedRateWindowMs: number;
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** While paused by 401/403, how often to probe Humand. */
  readonly probeIntervalMs: number;
  /** How long one `sync` pass keeps delivering before it reports what is left. */
  readonly syncMaxDeliveryMs: number;
  /** Several instances on one ledger: how long the delivering instance's lease lasts unrenewed. Default 30 s. */
  readonly leaseTtlMs?: number;
}

export interface PollConfig {
  readonly intervalMs: number;
  /** Each poll re-reads this far behind the cursor: devices upload late. */
  readonly lookbackMs: number;
  /** First run (no cursor): how far back to start. */
  readonly initialLookbackMs: number;
  /** Door index codes to read; empty = every door (non-time-clock events are then recorded as ignored). */
  readonly doorIndexCodes: readonly string[];
  /** Event codes to ask for; empty = all (refusals are then recorded too). */
  readonly eventCodes: readonly number[];
  readonly personsRefreshMs: number;
  readonly usersRefreshMs: number;
}

export interface AppConfig {
  /** `demo` when no credentials are configured: the CLI starts simulators and injects their endpoints. */
  readonly mode: 'live' | 'demo';
  readonly hik: HikConnectionConfig | null;
  readonly humand: HumandConnectionConfig | null;
  readonly dryRun: boolean;
  readonly databasePath: string;
  /** PostgreSQL ledger (several instances); when set it is used instead of the SQLite file at `databasePath`. */
  readonly databaseUrl?: string | null;
  /** Schema of the PostgreSQL ledger. Default `public`. */
  readonly databaseSchema?: string;
  readonly siteTimezone: string;
  readonly logLevel: string;
  readonly configFile: string | null;
  readonly poll: PollConfig;
  readonly delivery: DeliveryConfig;
  readonly rules: RulesConfig;
  /** EVENT_MAX_AGE: events older than this are set aside as unreadable, never delivered. Default 400 days. */
  readonly maxEventAgeMs?: number;
  /** Hikvision terminals read directly over ISAPI; null/absent when none is configured. */
  readonly isapi?: IsapiConfig | null;
}
