import { DateTime } from 'luxon';
import type { HumandUser, TimeTrackingEntry } from '../../domain/humand.js';
import type { PunchOutcome, PunchRecord } from '../../store/punch.js';
import type { PunchPerson, PunchRangeQuery } from '../../store/punch-range.js';
import type { OpsDataSource } from '../data-source.js';
import { humandDayKey, type HumandDaysAnswer } from './humand-days.js';
import { departmentOf, peopleMatching, userName } from './people-search.js';
import { compareNames, matchesWords, searchWords } from './text-match.js';

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

/** Outcomes that are, or will be, entries in Humand. */
const SENT: readonly PunchOutcome[] = ['delivered', 'sending', 'dry-run'];
const PENDING = new Set<string>(['queued', 'held', 'waiting', 'received']);
/** Most urgent first. */
const INCIDENT_ORDER: readonly IncidentKind[] = [
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
const INCIDENT_OUTCOMES = new Set<string>(['review', 'rejected', 'dead', 'unmapped', 'corrected', 'covered', 'waiting']);

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

function localDate(punch: PunchRecord, zone: string): string {
  if (punch.workingDay) return punch.workingDay;
  return punch.eventMs === null ? punch.eventTime.slice(0, 10) : DateTime.fromMillis(punch.eventMs, { zone }).toISODate()!;
}

/** The instant sent to Humand (its `now`), else the event's. */
function entryMs(punch: PunchRecord): number | null {
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
  for (const punch of entries) {
    if (punch.entryType === 'START') {
      if (open)
        pairs.push({
          in: hhmm(entryMs(open), zone),
          out: null,
          inPunchId: open.id,
          outPunchId: null,
          inMs: entryMs(open),
          minutes: null,
          pending: pendingOf(open),
        });
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
  if (open)
    pairs.push({
      in: hhmm(entryMs(open), zone),
      out: null,
      inPunchId: open.id,
      outPunchId: null,
      inMs: entryMs(open),
      minutes: null,
      pending: pendingOf(open),
    });
  return pairs;
}

function buildDay(date: string, punches: readonly PunchRecord[], zone: string, nowMs: number): AttendanceDay {
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
function entryKey(ms: number, type: string, zone: string): string {
  return `${type === 'START' ? '→' : '←'}${DateTime.fromMillis(ms, { zone }).toFormat('HH:mm')}`;
}

/**
 * Our working day against Humand. Humand files an entry under its own date, so a night shift's
 * clock-out sits on the next date there: "sent but not in Humand" looks for our entries among
 * all of the employee's entries read (the range and the day after it), and "only in Humand"
 * takes Humand's entries of this date that are none of the entries we sent on any day.
 */
function compareDay(
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

interface Person {
  readonly key: string;
  readonly employeeId: string | null;
  readonly personId: string | null;
  readonly name: string;
  readonly code: string | null;
  readonly department: string | null;
}

function describePeople(
  rows: readonly PunchPerson[],
  users: ReadonlyMap<string, HumandUser>,
  personFields: ReadonlyMap<string, Readonly<Record<string, string>>>,
): Person[] {
  return rows.map((row) => {
    const user = row.employeeId === null ? undefined : users.get(row.employeeId);
    const name = (user ? userName(user) : '') || row.personName || row.personCode || row.employeeId || row.personId || '?';
    return {
      key: row.employeeId !== null ? `e:${row.employeeId}` : `p:${row.personId ?? ''}`,
      employeeId: row.employeeId,
      personId: row.personId,
      name,
      code: row.personCode ?? row.employeeId,
      department: departmentOf(user?.fields) ?? (row.personId ? departmentOf(personFields.get(row.personId)) : null),
    };
  });
}

/**
 * The attendance view: one row per employee (or unmapped person) with punches in the range,
 * sorted by name, paged; each with the range's days — in/out pairs as sent to Humand, hours
 * worked, incidents — and, when asked, what Humand has for those days.
 */
export async function buildAttendance(data: OpsDataSource, query: AttendanceQuery, nowMs: number): Promise<AttendanceView> {
  const zone = data.timezone;
  const today = DateTime.fromMillis(nowMs, { zone }).toISODate()!;
  const dates = datesBetween(query.from, query.to).slice(0, MAX_ATTENDANCE_DAYS);
  const to = dates[dates.length - 1] ?? query.from;
  const [persons, users] = await Promise.all([data.persons(), data.users()]);
  const base: PunchRangeQuery = {
    from: query.from,
    to,
    ...(query.timeClocksOnly === false ? {} : { excludeOutcomes: ['ignored'] as PunchOutcome[] }),
    ...(query.door ? { door: query.door } : {}),
  };
  const term = query.employee?.trim() ?? '';
  const who = term === '' ? {} : peopleMatching(term, persons, users);
  const usersById = new Map(users.map((u) => [u.employeeInternalId, u]));
  const personFields = new Map(persons.map((p) => [p.personId, p.customFields]));
  let people = describePeople(await data.ranges.punchPeople({ ...base, ...who }), usersById, personFields);
  if (query.department?.trim()) {
    const words = searchWords(query.department);
    people = people.filter((p) => matchesWords(words, p.department));
  }
  people.sort((a, b) => compareNames(a.name, b.name) || a.key.localeCompare(b.key));
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(1, query.limit ?? 50);
  const page = people.slice(offset, offset + limit);

  const employeeIds = page.flatMap((p) => (p.employeeId === null ? [] : [p.employeeId]));
  const personIds = page.flatMap((p) => (p.employeeId === null && p.personId !== null ? [p.personId] : []));
  const punches = page.length === 0 ? [] : await data.ranges.findPunchPage({ ...base, employeeIds, personIds, limit: 1_000_000 });
  const byRow = new Map<string, PunchRecord[]>(page.map((p) => [p.key, []]));
  for (const punch of punches) {
    const key = punch.employeeId !== null ? `e:${punch.employeeId}` : `p:${punch.personId ?? ''}`;
    byRow.get(key)?.push(punch);
  }

  let humand: AttendanceView['humand'] = { state: 'off', reason: null };
  let answer: HumandDaysAnswer | null = null;
  if (query.compareWithHumand && !data.humandDays) {
    humand = { state: 'unavailable', reason: 'Humand is not configured (HUMAND_AUTH)' };
  } else if (query.compareWithHumand && data.humandDays && employeeIds.length > 0) {
    // The day after the range too: a night shift's clock-out is filed under it in Humand.
    answer = await data.humandDays.days(employeeIds, query.from, DateTime.fromISO(to, { zone: 'utc' }).plus({ days: 1 }).toISODate()!);
    humand = answer.state === 'read' ? { state: 'read', reason: null } : { state: 'unavailable', reason: answer.reason };
  }

  // Every entry Humand holds and every entry we delivered, per employee, "employee|→08:01".
  const humandAll = new Set<string>();
  if (answer?.state === 'read') {
    for (const [key, day] of answer.days) {
      const employeeId = key.slice(0, key.lastIndexOf('|'));
      for (const e of day.entries) humandAll.add(`${employeeId}|${entryKey(Date.parse(e.time), e.type, zone)}`);
    }
  }
  const sentAll = new Set(
    punches.filter((p) => p.outcome === 'delivered' && p.entryType !== null).map((p) => `${p.employeeId}|${entryKey(entryMs(p) ?? 0, p.entryType!, zone)}`),
  );

  const rows = page.map((person): AttendanceRow => {
    const byDate = new Map<string, PunchRecord[]>();
    for (const punch of byRow.get(person.key) ?? []) {
      const date = localDate(punch, zone);
      byDate.set(date, [...(byDate.get(date) ?? []), punch]);
    }
    const days = [...byDate]
      .filter(([date]) => date >= query.from && date <= to)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, dayPunches]) => {
        const day = buildDay(date, dayPunches, zone, nowMs);
        if (answer === null || person.employeeId === null) return day;
        const humandDay: HumandComparison =
          answer.state === 'read'
            ? compareDay(person.employeeId, dayPunches, answer.days.get(humandDayKey(person.employeeId, date))?.entries ?? [], humandAll, sentAll, zone)
            : { state: 'unknown', reason: answer.reason };
        return { ...day, humand: humandDay };
      });
    return {
      ...person,
      days,
      minutes: days.reduce((sum, d) => sum + d.minutes, 0),
      incidents: days.reduce((sum, d) => sum + d.incidents.filter((i) => i.kind !== 'corrected' && i.kind !== 'covered').length, 0),
    };
  });
  return { today, from: query.from, to, dates, total: people.length, offset, limit, rows, humand };
}
