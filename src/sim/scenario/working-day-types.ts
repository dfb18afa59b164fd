import type { AppEntry, GroundTruth, HikScenario, TimeClockReader } from './types.js';

/** What a generated working day is asked for and what it holds. */

export type ShiftKind = 'morning' | 'afternoon' | 'office' | 'night' | 'absent' | 'early';

/**
 * What real employees do that the plain day leaves out (issue #9). Every behaviour is off by
 * default, and a day generated without any is exactly the day generated before they existed.
 * Rates are shares of the employees a behaviour can apply to; each employee gets at most one.
 */
export interface DayBehaviours {
  /** Shift starts and ends preceded by a tap on the opposite time clock 15–45 s earlier (both mirrors). */
  readonly wrongReaderRate?: number;
  /**
   * Employees who also use the Humand app (entries in `appEntries`, source APP): clock in by app
   * instead of the terminal; by app and terminal seconds apart; leave by app mid-morning and come
   * back through the terminal; clock out by app.
   */
  readonly appRate?: number;
  /** Employees who forget to clock out; some afternoon ones come back for an early shift the next day (03:30–03:55). */
  readonly forgottenClockOutRate?: number;
  /** Employees who forget to clock in (their clock-out is an END without START: review). */
  readonly forgottenClockInRate?: number;
  /** Morning employees moved to an early shift (03:30–03:55 to about 12:00: before the 04:00 day boundary). */
  readonly earlyShiftRate?: number;
  /** One time clock in `alternate` mode instead of an entry and an exit clock (night shifts stay). */
  readonly oneTerminal?: boolean;
  /** On a one-terminal site: arrivals tapped again 2–8 minutes later (a re-tap, never a flip). */
  readonly reTapRate?: number;
  /** Readers whose device writes times in another zone (`UTC` → `Z`, `UTC+1` → `+01:00`). */
  readonly readerTimeZones?: Readonly<Record<string, string>>;
  /** Morning and office employees deleted in HikCentral at 12:00 (still on shift). */
  readonly deletedAtNoonRate?: number;
}

/** Every behaviour at once, at rates that give each a few employees in a 200-person day. */
export const ALL_BEHAVIOURS: DayBehaviours = {
  wrongReaderRate: 0.06,
  appRate: 0.08,
  forgottenClockOutRate: 0.04,
  forgottenClockInRate: 0.02,
  earlyShiftRate: 0.1,
  readerTimeZones: { '201': 'UTC' },
  deletedAtNoonRate: 0.04,
};

export interface WorkingDayOptions {
  /** The working day, YYYY-MM-DD, in the site timezone. Night shifts end the next morning. */
  readonly date: string;
  /** IANA zone, e.g. America/Argentina/Buenos_Aires. */
  readonly timezone: string;
  readonly employees: number;
  readonly seed: number;
  /** Target share of events at doors that are not time clocks (the real site: 0.91). Default 0.9. */
  readonly nonTimeClockShare?: number;
  /** Chance that a punch is followed by a second tap on the same reader seconds later. Default 0.08. */
  readonly doubleTapRate?: number;
  /** Chance that a punch is preceded by a refused face at the same reader. Default 0.06. */
  readonly refusalRate?: number;
  /** Share of persons without a card (face only). Default 0.15. */
  readonly faceOnlyRate?: number;
  /** Share of persons carrying the "Legajo" custom field (= their employee number). Default 0.3. */
  readonly customFieldRate?: number;
  /** Devices that go offline and upload late (minutes to an hour). Default true. */
  readonly lateDevices?: boolean;
  /** Issue #9's behaviours; none by default. */
  readonly behaviours?: DayBehaviours;
}

export interface GeneratedEmployee {
  /** = the person's personCode (employee number). */
  readonly employeeInternalId: string;
  readonly personId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly shift: ShiftKind;
}

export interface GeneratedWorkingDay {
  readonly scenario: HikScenario;
  /** What a correct middleware must produce (see computeGroundTruth for the rules). */
  readonly expected: GroundTruth;
  /** Configure the pipeline with exactly these readers and directions. */
  readonly timeClockReaders: readonly TimeClockReader[];
  /** Everyone on the site, e.g. to create the matching Humand users. */
  readonly employees: readonly GeneratedEmployee[];
  /** [startMs, endMs): local midnight of `date` to local midnight two days later; holds every eventTime. */
  readonly window: { readonly startMs: number; readonly endMs: number };
  /** Entries the employees make in the Humand app: write each into Humand once its time has come. */
  readonly appEntries: readonly AppEntry[];
  /** Persons deleted in HikCentral during the day: remove each once its time has come. */
  readonly deletions: ReadonlyArray<{ readonly personId: string; readonly atMs: number }>;
}
