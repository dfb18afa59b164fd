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

export interface HikScenario {
  readonly site: { readonly timezone: string };
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
  readonly direction: Direction;
}

export interface ExpectedPunch {
  readonly type: 'START' | 'END';
  readonly time: number;
  readonly readerIndexCode: string;
}

export type NoiseReason = 'not-time-clock' | 'refused' | 'double-tap' | 'door-state' | 'no-person';

export type ExpectedEventOutcome =
  | { readonly kind: 'clock-in' | 'clock-out' }
  | { readonly kind: 'noise'; readonly reason: NoiseReason };

export interface GroundTruth {
  /** employeeInternalId (the person's personCode) → punches in time order. */
  readonly timelines: Record<string, ExpectedPunch[]>;
  readonly events: Record<string, ExpectedEventOutcome>;
}
