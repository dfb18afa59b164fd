/** What the attendance view is asked and what it answers (the dashboard reads it as JSON). */

export interface AttendanceQuery {
  /** First and last day (YYYY-MM-DD, inclusive). */
  readonly from: string;
  readonly to: string;
  /** Name, surname (either order), employee id, code or card; case and accents do not matter. */
  readonly employee?: string;
  /** Part of a door's or reader's name. */
  readonly door?: string;
  /** Part of the department (a HikCentral or Humand field named department, area, sector...). */
  readonly department?: string;
  /** Only time-clock passages (default): not the `ignored` access of every other door. */
  readonly timeClocksOnly?: boolean;
  /** Employees per page; 0 with `all` for an export. */
  readonly offset?: number;
  readonly limit?: number;
  /** Whether to read what Humand has for the page's days (costs rate budget; cached). */
  readonly compareWithHumand?: boolean;
}

/** An incident a person should look at (or know about) on one employee's day. */
export type IncidentKind = 'open-day' | 'missing-in' | 'review' | 'rejected' | 'dead' | 'unmapped' | 'corrected' | 'covered' | 'waiting' | 'pending';

export interface AttendancePair {
  /** Local HH:mm as sent to Humand; null for an END with no START before it. */
  readonly in: string | null;
  readonly out: string | null;
  readonly inPunchId: number | null;
  readonly outPunchId: number | null;
  /** The clock-in's instant (epoch ms). */
  readonly inMs: number | null;
  readonly minutes: number | null;
  /** Not in Humand yet (queued, held, waiting...). */
  readonly pending: boolean;
}

export interface AttendanceDay {
  readonly date: string;
  readonly pairs: readonly AttendancePair[];
  readonly minutes: number;
  readonly incidents: readonly { readonly kind: IncidentKind; readonly punchIds: readonly number[] }[];
  /** Time-clock punches that day (all outcomes shown by the filter). */
  readonly punches: number;
  readonly humand?: HumandComparison;
}

export type HumandComparison =
  | { readonly state: 'match' }
  | { readonly state: 'differs'; readonly onlyHumand: readonly string[]; readonly onlyOurs: readonly string[] }
  | { readonly state: 'unknown'; readonly reason: string };

export interface AttendanceRow {
  readonly key: string;
  readonly employeeId: string | null;
  readonly personId: string | null;
  readonly name: string;
  readonly code: string | null;
  readonly department: string | null;
  readonly days: readonly AttendanceDay[];
  readonly minutes: number;
  readonly incidents: number;
}

export interface AttendanceView {
  /** The site's date now: the page's "today", "this week" and "this month" count from it. */
  readonly today: string;
  readonly from: string;
  readonly to: string;
  readonly dates: readonly string[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly rows: readonly AttendanceRow[];
  /** Why Humand's days are not shown beside ours, when asked for and not read. */
  readonly humand: { readonly state: 'off' | 'read' | 'unavailable'; readonly reason: string | null };
}

/** Longest range one view covers (a month and a bit; longer ranges are several exports). */
export const MAX_ATTENDANCE_DAYS = 62;
