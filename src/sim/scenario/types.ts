/**
 * The world a simulated HikCentral serves: one site, its people, doors with readers, and
 * access events. Times are epoch milliseconds; the site timezone decides how they are written.
 */
export interface SimPerson {
  readonly personId: string;
  /** The employee number (immutable in HikCentral); by default the Humand employeeInternalId. */
  readonly personCode: string;
  readonly personGivenName: string;
  readonly personFamilyName: string;
  readonly orgIndexCode: string;
  readonly phoneNo: string;
  readonly email: string;
  /** Empty for face-only persons. */
  readonly cardNos: readonly string[];
  /** Custom field name → value (e.g. "Legajo"). */
  readonly customFields: Readonly<Record<string, string>>;
}

export interface SimReader {
  readonly readerIndexCode: string;
  readonly readerName: string;
}

export interface SimDoor {
  readonly doorIndexCode: string;
  readonly doorName: string;
  readonly readers: readonly SimReader[];
}

export interface SimEvent {
  readonly eventId: string;
  readonly eventType: number;
  /** When it happened (epoch ms; whole seconds, like the devices record it). */
  readonly eventTime: number;
  /** When the platform received it (epoch ms, ≥ eventTime): invisible to poll and push before. */
  readonly arrivalTime: number;
  readonly personId: string | null;
  readonly doorIndexCode: string;
  /** null for door-state events, which no reader produced. */
  readonly readerIndexCode: string | null;
  /** Device attendance status: 0 unknown, 1 check-in, 2 check-out, 3–6 breaks/overtime. */
  readonly checkInAndOutType: number;
  readonly cardNo: string | null;
  readonly picUri: string | null;
}

export interface SiteInfo {
  readonly timezone: string;
  /**
   * Readers whose devices write event times in another zone than the site's (same instant):
   * `UTC` writes `…Z`, a fixed zone such as `UTC+1` writes `…+01:00`. Absent = the site's zone.
   */
  readonly readerTimeZones?: Readonly<Record<string, string>>;
}

export interface HikScenario {
  readonly site: SiteInfo;
  readonly persons: readonly SimPerson[];
  readonly doors: readonly SimDoor[];
  readonly events: readonly SimEvent[];
}

export type Direction = 'in' | 'out';

/** A reader that is a time clock, with the direction a pipeline must configure for it. */
export interface TimeClockReader {
  readonly readerIndexCode: string;
  readonly readerName: string;
  readonly doorIndexCode: string;
  readonly doorName: string;
  /** In `door` mode the direction of every passage; ignored in `alternate` mode. */
  readonly direction: Direction;
  /** `door` (default): by `direction`; `alternate`: the opposite of the employee's last entry (one-terminal sites). */
  readonly mode?: 'door' | 'alternate';
}

/** An entry written straight into Humand by another source (the app, a kiosk): not an access event. */
export interface AppEntry {
  readonly employeeInternalId: string;
  readonly type: 'START' | 'END';
  /** Epoch ms. */
  readonly time: number;
  /** As written into Humand: milliseconds and the site's offset at that instant. */
  readonly isoTime: string;
  readonly source: 'APP';
}

export interface ExpectedPunch {
  readonly type: 'START' | 'END';
  readonly time: number;
  /** The time clock the entry came from; '' for an entry of another source. */
  readonly readerIndexCode: string;
  /** Another writer's entry (the app): in Humand, not sent by the middleware. Absent = sent by the middleware. */
  readonly source?: 'APP';
}

/**
 * Why a passage is not an entry: `double-tap` (same-direction tap within the window of an entry, or a
 * re-tap within the minimum shift on an alternate-mode clock), `corrected` (the wrong reader of an
 * opposite pair), `covered` (Humand already has that entry from the app).
 */
export type NoiseReason = 'not-time-clock' | 'refused' | 'double-tap' | 'door-state' | 'no-person' | 'corrected' | 'covered';

export type ExpectedEventOutcome =
  | { readonly kind: 'clock-in' | 'clock-out' }
  | { readonly kind: 'noise'; readonly reason: NoiseReason }
  /** Humand would refuse it (END without START, two of a type on one date): not sent, needs a person. */
  | { readonly kind: 'review'; readonly type: 'START' | 'END'; readonly why: 'end-without-start' | 'same-type-same-day' };

export interface GroundTruth {
  /** employeeInternalId (the person's personCode) → Humand's entries in time order (app entries included). */
  readonly timelines: Record<string, ExpectedPunch[]>;
  readonly events: Record<string, ExpectedEventOutcome>;
  /** eventIds of the punches expected in `review`. */
  readonly review: readonly string[];
  /** STARTs (any source) followed by no END within the maximum open shift: flagged for HR, nothing sent. */
  readonly openDays: ReadonlyArray<{ readonly employeeInternalId: string; readonly time: number }>;
}
