import { DateTime } from 'luxon';
import type { TimeTrackingEntry } from '../../domain/humand.js';
import type { PunchOutcome, PunchRecord } from '../../store/punch.js';
import { MAX_ATTENDANCE_DAYS, type AttendanceDay, type AttendancePair, type HumandComparison, type IncidentKind } from './attendance-types.js';

/** One employee's day in the attendance view: in/out pairs, hours, incidents, and the comparison with Humand. */

/** Outcomes that are, or will be, entries in Humand. */
export const SENT: readonly PunchOutcome[] = ['delivered', 'sending', 'dry-run'];
export const PENDING = new Set<string>(['queued', 'held', 'waiting', 'received']);
/** Most urgent first. */
export const INCIDENT_ORDER: readonly IncidentKind[] = [
  'open-day',
  'missing-in',
  'review',
  'rejected',
  'dead',
  'unmapped',
  'waiting',
  'pending',
  'corrected',
  'covered',
];
/** A clock-in with no clock-out older than this is an open day (the decision model's maxOpenShiftHours default). */
const OPEN_DAY_AFTER_MS = 16 * 3_600_000;
export const INCIDENT_OUTCOMES = new Set<string>(['review', 'rejected', 'dead', 'unmapped', 'corrected', 'covered', 'waiting']);

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  let day = DateTime.fromISO(from, { zone: 'utc' });
  const last = DateTime.fromISO(to, { zone: 'utc' });
  while (day <= last && dates.length <= MAX_ATTENDANCE_DAYS) {
    dates.push(day.toISODate()!);
    day = day.plus({ days: 1 });
  }
  return dates;
}

export function localDate(punch: PunchRecord, zone: string): string {
  if (punch.workingDay) return punch.workingDay;
  return punch.eventMs === null ? punch.eventTime.slice(0, 10) : DateTime.fromMillis(punch.eventMs, { zone }).toISODate()!;
}

/** The instant sent to Humand (its `now`), else the event's. */
export function entryMs(punch: PunchRecord): number | null {
  if (punch.request?.now) {
    const ms = Date.parse(punch.request.now);
    if (!Number.isNaN(ms)) return ms;
  }
  return punch.eventMs;
}

function hhmm(ms: number | null, zone: string): string | null {
  return ms === null ? null : DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
}

/** In/out pairs from a day's entries in time order: a START opens, an END closes. */
export function pairEntries(entries: readonly PunchRecord[], zone: string): AttendancePair[] {
  const pairs: AttendancePair[] = [];
  let open: PunchRecord | null = null;
  const pendingOf = (...punches: (PunchRecord | null)[]) => punches.some((p) => p !== null && PENDING.has(p.outcome));
  // A clock-in followed by another clock-in, or the day's last: a pair without its out.
  const unclosed = (entry: PunchRecord): AttendancePair => {
    const inMs = entryMs(entry);
    return { in: hhmm(inMs, zone), out: null, inPunchId: entry.id, outPunchId: null, inMs, minutes: null, pending: pendingOf(entry) };
  };
  for (const punch of entries) {
    if (punch.entryType === 'START') {
      if (open) pairs.push(unclosed(open));
      open = punch;
    } else if (punch.entryType === 'END') {
      const outMs = entryMs(punch);
      if (open) {
        const inMs = entryMs(open);
        const minutes = inMs !== null && outMs !== null ? Math.max(0, Math.round((outMs - inMs) / 60_000)) : null;
        pairs.push({ in: hhmm(inMs, zone), out: hhmm(outMs, zone), inPunchId: open.id, outPunchId: punch.id, inMs, minutes, pending: pendingOf(open, punch) });
        open = null;
      } else {
        pairs.push({ in: null, out: hhmm(outMs, zone), inPunchId: null, outPunchId: punch.id, inMs: null, minutes: null, pending: pendingOf(punch) });
      }
    }
  }
  if (open) pairs.push(unclosed(open));
  return pairs;
}

export function buildDay(date: string, punches: readonly PunchRecord[], zone: string, nowMs: number): AttendanceDay {
  const entries = punches
    .filter((p) => p.entryType !== null && (SENT.includes(p.outcome) || PENDING.has(p.outcome)))
    .sort((a, b) => (entryMs(a) ?? 0) - (entryMs(b) ?? 0) || a.id - b.id);
  const pairs = pairEntries(entries, zone);
  const incidents = new Map<IncidentKind, number[]>();
  const add = (kind: IncidentKind, id: number | null) => {
    if (id === null) return;
    incidents.set(kind, [...(incidents.get(kind) ?? []), id]);
  };
  for (const p of punches) if (INCIDENT_OUTCOMES.has(p.outcome)) add(p.outcome as IncidentKind, p.id);
  for (const pair of pairs) {
    if (pair.in === null) add('missing-in', pair.outPunchId);
    // A clock-in with no clock-out is an open day once no shift would still be running (Humand
    // closes open days at about this age too); before that it is a shift in progress.
    else if (pair.out === null && pair.inMs !== null && nowMs - pair.inMs > OPEN_DAY_AFTER_MS) add('open-day', pair.inPunchId);
    if (pair.pending && !incidents.has('waiting')) add('pending', pair.inPunchId ?? pair.outPunchId);
  }
  return {
    date,
    pairs,
    minutes: pairs.reduce((sum, p) => sum + (p.minutes ?? 0), 0),
    incidents: INCIDENT_ORDER.filter((kind) => incidents.has(kind)).map((kind) => ({ kind, punchIds: incidents.get(kind)! })),
    punches: punches.length,
  };
}

/** "→08:01" (clock-in) / "←17:02" (clock-out), local minutes: how an entry is compared with Humand's. */
export function entryKey(ms: number, type: string, zone: string): string {
  return `${type === 'START' ? '→' : '←'}${DateTime.fromMillis(ms, { zone }).toFormat('HH:mm')}`;
}

/**
 * Our working day against Humand. Humand files an entry under its own date, so a night shift's
 * clock-out sits on the next date there: "sent but not in Humand" looks for our entries among
 * all of the employee's entries read (the range and the day after it), and "only in Humand"
 * takes Humand's entries of this date that are none of the entries we sent on any day.
 */
export function compareDay(
  employeeId: string,
  ours: readonly PunchRecord[],
  humandOfDate: readonly TimeTrackingEntry[],
  humandAll: ReadonlySet<string>,
  sentAll: ReadonlySet<string>,
  zone: string,
): HumandComparison {
  const onlyOurs = ours
    .filter((p) => p.outcome === 'delivered' && p.entryType !== null)
    .map((p) => entryKey(entryMs(p) ?? 0, p.entryType!, zone))
    .filter((key) => !humandAll.has(`${employeeId}|${key}`));
  const onlyHumand = humandOfDate.map((e) => entryKey(Date.parse(e.time), e.type, zone)).filter((key) => !sentAll.has(`${employeeId}|${key}`));
  return onlyOurs.length === 0 && onlyHumand.length === 0 ? { state: 'match' } : { state: 'differs', onlyHumand, onlyOurs };
}
