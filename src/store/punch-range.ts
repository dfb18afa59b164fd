import { PUNCH_OUTCOMES, type PunchOutcome } from './punch.js';

/**
 * Punches over a range of days, for the attendance view, the explorer's pages and exports.
 * Every given filter must hold; `employeeIds` and `personIds` together mean "either".
 */
export interface PunchRangeQuery {
  /** First and last day (YYYY-MM-DD, inclusive): the working day, or the event's own date while none is decided. */
  readonly from?: string;
  readonly to?: string;
  /** Humand employees (employee id, or the person code a punch carries). */
  readonly employeeIds?: readonly string[];
  /** HikCentral persons. */
  readonly personIds?: readonly string[];
  /** Part of a door's or reader's name or index code, compared without regard to case. */
  readonly door?: string;
  readonly outcomes?: readonly PunchOutcome[];
  /** E.g. `ignored` for "time clocks only". */
  readonly excludeOutcomes?: readonly PunchOutcome[];
}

export interface PunchPageQuery extends PunchRangeQuery {
  /** By event time (ties by id); default ascending. */
  readonly order?: 'asc' | 'desc';
  readonly limit: number;
  readonly offset?: number;
}

/** One person's punches in a range: a row of the attendance view. */
export interface PunchPerson {
  /** The Humand employee; null while the punches are unmapped. */
  readonly employeeId: string | null;
  /** Set only when `employeeId` is null: the punches are grouped by HikCentral person. */
  readonly personId: string | null;
  readonly personName: string | null;
  readonly personCode: string | null;
  readonly punches: number;
}

/**
 * The WHERE conditions of a range query, in SQL both ledgers read alike; `param` adds a value
 * and returns its placeholder (`?` or `$n`).
 */
export function punchRangeConditions(query: PunchRangeQuery, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  const list = (values: readonly unknown[]) => values.map(param).join(',');
  if (query.from !== undefined || query.to !== undefined) {
    const from = query.from ?? '0000-01-01';
    const to = query.to ?? '9999-12-31';
    where.push(`(working_day BETWEEN ${param(from)} AND ${param(to)}
      OR (working_day IS NULL AND substr(event_time, 1, 10) BETWEEN ${param(from)} AND ${param(to)}))`);
    // The same days as instants, loosely: a working day starts at most a day before its punches'
    // own date, and a local date lies within ±14 h of UTC's. Redundant for the result, but it lets
    // both ledgers read the (outcome, event_ms) and event_ms indexes instead of every row of the
    // range — above all the undecided and `ignored` rows, whose working day is NULL.
    where.push(`(event_ms BETWEEN ${param(dayMs(from, -2))} AND ${param(dayMs(to, 3))} OR event_ms IS NULL)`);
  }
  const who: string[] = [];
  if (query.employeeIds !== undefined && query.employeeIds.length > 0) {
    who.push(`employee_id IN (${list(query.employeeIds)})`, `person_code IN (${list(query.employeeIds)})`);
  }
  if (query.personIds !== undefined && query.personIds.length > 0) who.push(`person_id IN (${list(query.personIds)})`);
  if (who.length > 0) where.push(`(${who.join(' OR ')})`);
  else if (query.employeeIds !== undefined || query.personIds !== undefined) where.push('1 = 0');
  if (query.door !== undefined && query.door !== '') {
    const pattern = `%${query.door.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      `(${['door_name', 'door_index_code', 'reader_name', 'reader_index_code']
        .map((column) => `lower(${column}) LIKE ${param(pattern)} ESCAPE '\\'`)
        .join(' OR ')})`,
    );
  }
  if (query.outcomes !== undefined) where.push(query.outcomes.length > 0 ? `outcome IN (${list(query.outcomes)})` : '1 = 0');
  if (query.excludeOutcomes !== undefined && query.excludeOutcomes.length > 0) {
    // Named as the outcomes that remain (an index range each), not NOT IN (a scan of every row).
    const excluded = new Set(query.excludeOutcomes);
    where.push(`outcome IN (${list(PUNCH_OUTCOMES.filter((o) => !excluded.has(o)))})`);
  }
  return where;
}

/** Epoch ms of UTC midnight `days` after the date (clamped to the instants a ledger can hold). */
function dayMs(date: string, days: number): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? (days < 0 ? -8.64e15 : 8.64e15) : ms + days * 86_400_000;
}

export function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** Groups by employee, or by person while unmapped (the SELECT list both ledgers use). */
export const PUNCH_PEOPLE_SELECT = `employee_id, CASE WHEN employee_id IS NULL THEN person_id END AS person_id,
  MAX(person_name) AS person_name, MAX(person_code) AS person_code, COUNT(*) AS n`;

export interface PunchPersonRow {
  readonly employee_id: string | null;
  readonly person_id: string | null;
  readonly person_name: string | null;
  readonly person_code: string | null;
  readonly n: number | string;
}

export function punchPersonFromRow(row: PunchPersonRow): PunchPerson {
  return { employeeId: row.employee_id, personId: row.person_id, personName: row.person_name, personCode: row.person_code, punches: Number(row.n) };
}
