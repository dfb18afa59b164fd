import { DateTime } from 'luxon';
import type { HumandUser } from '../../domain/humand.js';
import type { PunchOutcome, PunchRecord } from '../../store/punch.js';
import type { PunchPerson, PunchRangeQuery } from '../../store/punch-range.js';
import type { OpsDataSource } from '../data-source.js';
import { humandDayKey, type HumandDaysAnswer } from './humand-days.js';
import { departmentOf, peopleMatching, userName } from './people-search.js';
import { compareNames, matchesWords, searchWords } from './text-match.js';
import { buildDay, compareDay, datesBetween, entryKey, entryMs, localDate } from './attendance-day.js';
import { MAX_ATTENDANCE_DAYS, type AttendanceQuery, type AttendanceRow, type AttendanceView, type HumandComparison } from './attendance-types.js';

export * from './attendance-types.js';
export { datesBetween, pairEntries } from './attendance-day.js';

type Person = Pick<AttendanceRow, 'key' | 'employeeId' | 'personId' | 'name' | 'code' | 'department'>;

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
