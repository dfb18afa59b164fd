import type { HikPerson } from '../../domain/hik-person.js';
import type { EventSource } from '../../domain/access-event.js';
import type { DeliveryAttempt, IngestItem, PunchOutcome, PunchQuery, PunchUpdate } from '../punch.js';
import { PUNCH_PEOPLE_SELECT, punchRangeConditions, whereClause, type PunchPageQuery, type PunchRangeQuery } from '../punch-range.js';
import { Params, type SqlDialect, type Statement } from './dialect.js';

/**
 * Every statement the SQLite and the PostgreSQL ledgers both run, one function per query,
 * written once over a dialect. What each ledger tunes for itself (the batched ingest, the
 * delivery heads' index scan, the lease, bulk directory writes) stays in its own store.
 */

/** The punch's day: its working day, or the event's own date while none is decided. */
function dayIs(p: Params, day: string): string {
  return `(working_day = ${p.add(day)} OR (working_day IS NULL AND substr(event_time, 1, 10) = ${p.add(day)}))`;
}

export function punchById(d: SqlDialect, id: number): Statement {
  return { sql: `SELECT * FROM ${d.tables.punches} WHERE id = ${d.placeholder(1)}`, params: [id] };
}

export function findPunches(d: SqlDialect, query: PunchQuery): Statement {
  const p = new Params(d);
  const where: string[] = [];
  if (query.employeeId !== undefined) where.push(`(employee_id = ${p.add(query.employeeId)} OR person_code = ${p.add(query.employeeId)})`);
  if (query.date !== undefined) where.push(dayIs(p, query.date));
  if (query.door !== undefined) {
    const door = query.door;
    where.push(`(${['door_index_code', 'door_name', 'reader_index_code', 'reader_name'].map((column) => `${column} = ${p.add(door)}`).join(' OR ')})`);
  }
  if (query.personId !== undefined) where.push(`person_id = ${p.add(query.personId)}`);
  if (query.outcome !== undefined) where.push(d.oneOf('outcome', typeof query.outcome === 'string' ? [query.outcome] : query.outcome, p.add, 'text'));
  if (query.ids !== undefined) where.push(d.oneOf('id', query.ids, p.add, 'bigint'));
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  return p.statement(
    `SELECT * FROM ${d.tables.punches} ${whereClause(where)} ORDER BY event_ms ${d.nullsAsSqlite(query.order ?? 'asc')}, id ${direction} LIMIT ${p.add(query.limit ?? 1000)}`,
  );
}

/** One punch moved on; with `expectedOutcome`, only if it is still in that state. */
export function updatePunch(d: SqlDialect, update: PunchUpdate, nowMs: number): Statement {
  const p = new Params(d);
  const sets = [`outcome = ${p.add(update.outcome)}`, `updated_ms = ${p.add(nowMs)}`];
  const put = (column: string, value: unknown) => sets.push(`${column} = ${p.add(value)}`);
  if (update.reason !== undefined) put('reason', update.reason);
  if (update.employeeId !== undefined) put('employee_id', update.employeeId);
  if (update.personCode !== undefined) put('person_code', update.personCode);
  if (update.entryType !== undefined) put('entry_type', update.entryType);
  if (update.workingDay !== undefined) put('working_day', update.workingDay);
  if (update.request !== undefined) put('request', update.request === null ? null : JSON.stringify(update.request));
  if (update.humandEntryId !== undefined) put('humand_entry_id', update.humandEntryId);
  if (update.attempts !== undefined) put('attempts', update.attempts);
  if (update.nextAttemptMs !== undefined) put('next_attempt_ms', update.nextAttemptMs);
  if (update.reconcileNeeded !== undefined) put('reconcile_needed', d.bool(update.reconcileNeeded));
  if (update.priority !== undefined) put('priority', update.priority);
  let condition = `id = ${p.add(update.id)}`;
  if (update.expectedOutcome !== undefined) condition += ` AND outcome = ${p.add(update.expectedOutcome)}`;
  return p.statement(`UPDATE ${d.tables.punches} SET ${sets.join(', ')} WHERE ${condition}`);
}

export function punchExists(d: SqlDialect, id: number): Statement {
  return { sql: `SELECT 1 AS found FROM ${d.tables.punches} WHERE id = ${d.placeholder(1)}`, params: [id] };
}

export function insertAttempt(d: SqlDialect, attempt: DeliveryAttempt): Statement {
  const p = new Params(d);
  const values = [
    attempt.punchId,
    attempt.atMs,
    attempt.kind,
    attempt.method,
    attempt.path,
    attempt.requestBody === undefined ? null : JSON.stringify(attempt.requestBody),
    attempt.status,
    attempt.result,
    attempt.message,
  ].map(p.add);
  return p.statement(
    `INSERT INTO ${d.tables.attempts}(punch_id, at_ms, kind, method, path, request_body, status, result, message) VALUES (${values.join(', ')})`,
  );
}

export function attemptsOf(d: SqlDialect, punchId: number): Statement {
  return { sql: `SELECT * FROM ${d.tables.attempts} WHERE punch_id = ${d.placeholder(1)} ORDER BY id`, params: [punchId] };
}

export function attemptsOfMany(d: SqlDialect, punchIds: readonly number[]): Statement {
  const p = new Params(d);
  return p.statement(`SELECT * FROM ${d.tables.attempts} WHERE ${d.oneOf('punch_id', punchIds, p.add, 'bigint')} ORDER BY punch_id, id`);
}

export function employeePunches(d: SqlDialect, employeeId: string, fromMs: number, toMs: number, outcomes: readonly PunchOutcome[]): Statement {
  const p = new Params(d);
  return p.statement(
    `SELECT * FROM ${d.tables.punches} WHERE employee_id = ${p.add(employeeId)} AND event_ms BETWEEN ${p.add(fromMs)} AND ${p.add(toMs)}
      AND ${d.oneOf('outcome', outcomes, p.add, 'text')} ORDER BY event_ms, id`,
  );
}

/** Punches by outcome: the whole ledger, or one day (working day, else the event's own date). */
export function countsByOutcome(d: SqlDialect, day?: string): Statement {
  const p = new Params(d);
  const where = day === undefined ? '' : `WHERE ${dayIs(p, day)}`;
  return p.statement(`SELECT outcome, COUNT(*) AS n FROM ${d.tables.punches} ${where} GROUP BY outcome`);
}

export function oldest(d: SqlDialect, column: 'event_ms' | 'received_ms', outcomes: readonly PunchOutcome[]): Statement {
  const p = new Params(d);
  return p.statement(`SELECT MIN(${column}) AS m FROM ${d.tables.punches} WHERE ${d.oneOf('outcome', outcomes, p.add, 'text')}`);
}

export function resetOutcome(d: SqlDialect, from: PunchOutcome, to: PunchOutcome, reason: string | null, nowMs: number): Statement {
  const p = new Params(d);
  return p.statement(
    `UPDATE ${d.tables.punches} SET outcome = ${p.add(to)}, reason = ${p.add(reason)}, updated_ms = ${p.add(nowMs)} WHERE outcome = ${p.add(from)}`,
  );
}

export function getCursor(d: SqlDialect, name: string): Statement {
  return { sql: `SELECT value_ms FROM ${d.tables.cursors} WHERE name = ${d.placeholder(1)}`, params: [name] };
}

export function setCursor(d: SqlDialect, name: string, valueMs: number, nowMs: number): Statement {
  const p = new Params(d);
  return p.statement(
    `INSERT INTO ${d.tables.cursors}(name, value_ms, updated_ms) VALUES (${p.add(name)}, ${p.add(valueMs)}, ${p.add(nowMs)})
      ON CONFLICT (name) DO UPDATE SET value_ms = excluded.value_ms, updated_ms = excluded.updated_ms`,
  );
}

export function upsertPerson(d: SqlDialect, person: HikPerson, nowMs: number): Statement {
  const p = new Params(d);
  const values = [person.personId, person.personCode, person.personName, JSON.stringify(person.cardNos), JSON.stringify(person.customFields), nowMs].map(p.add);
  return p.statement(
    `INSERT INTO ${d.tables.persons}(person_id, person_code, person_name, card_nos, custom_fields, refreshed_ms) VALUES (${values.join(', ')})
      ON CONFLICT (person_id) DO UPDATE SET person_code = excluded.person_code, person_name = excluded.person_name,
        card_nos = excluded.card_nos, custom_fields = excluded.custom_fields, refreshed_ms = excluded.refreshed_ms`,
  );
}

export function personById(d: SqlDialect, personId: string): Statement {
  return { sql: `SELECT * FROM ${d.tables.persons} WHERE person_id = ${d.placeholder(1)}`, params: [personId] };
}

export function allPersons(d: SqlDialect): Statement {
  return { sql: `SELECT * FROM ${d.tables.persons} ORDER BY person_id${d.byteOrder}`, params: [] };
}

export function userById(d: SqlDialect, employeeInternalId: string): Statement {
  return { sql: `SELECT * FROM ${d.tables.users} WHERE employee_internal_id = ${d.placeholder(1)}`, params: [employeeInternalId] };
}

export function allUsers(d: SqlDialect): Statement {
  return { sql: `SELECT * FROM ${d.tables.users} ORDER BY employee_internal_id${d.byteOrder}`, params: [] };
}

export function usersByField(d: SqlDialect, field: string, value: string): Statement {
  const p = new Params(d);
  return p.statement(
    `SELECT u.* FROM ${d.tables.users} u JOIN ${d.tables.userFields} f ON f.employee_internal_id = u.employee_internal_id
      WHERE f.name = ${p.add(field)} AND f.value = ${p.add(value)} ORDER BY u.employee_internal_id${d.byteOrder}`,
  );
}

export function getMeta(d: SqlDialect, key: string): Statement {
  return { sql: `SELECT value FROM ${d.tables.meta} WHERE key = ${d.placeholder(1)}`, params: [key] };
}

/** A meta value written, or removed when null. */
export function setMeta(d: SqlDialect, key: string, value: string | null): Statement {
  if (value === null) return { sql: `DELETE FROM ${d.tables.meta} WHERE key = ${d.placeholder(1)}`, params: [key] };
  return {
    sql: `INSERT INTO ${d.tables.meta}(key, value) VALUES (${d.placeholder(1)}, ${d.placeholder(2)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    params: [key, value],
  };
}

function rangeWhere(d: SqlDialect, query: PunchRangeQuery): { p: Params; where: string } {
  const p = new Params(d);
  return { p, where: whereClause(punchRangeConditions(query, p.add)) };
}

export function punchPage(d: SqlDialect, query: PunchPageQuery): Statement {
  const { p, where } = rangeWhere(d, query);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  return p.statement(
    `SELECT * FROM ${d.tables.punches} ${where} ORDER BY event_ms ${d.nullsAsSqlite(query.order ?? 'asc')}, id ${direction} LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset ?? 0)}`,
  );
}

export function countPunchRange(d: SqlDialect, query: PunchRangeQuery): Statement {
  const { p, where } = rangeWhere(d, query);
  return p.statement(`SELECT COUNT(*) AS n FROM ${d.tables.punches} ${where}`);
}

export function punchPeople(d: SqlDialect, query: PunchRangeQuery): Statement {
  const { p, where } = rangeWhere(d, query);
  const ascending = d.nullsAsSqlite('asc');
  return p.statement(`SELECT ${PUNCH_PEOPLE_SELECT} FROM ${d.tables.punches} ${where} GROUP BY 1, 2 ORDER BY 1 ${ascending}, 2 ${ascending}`);
}

export function punchInstants(d: SqlDialect, query: PunchRangeQuery): Statement {
  const { p, where } = rangeWhere(d, query);
  return p.statement(`SELECT event_ms FROM ${d.tables.punches} ${where}${where ? ' AND' : ' WHERE'} event_ms IS NOT NULL ORDER BY event_ms`);
}

/** The columns a new punch is inserted with (outcome `received`, received and updated now). */
export const PUNCH_INSERT_COLUMNS = `natural_key, event_id, source, priority, event_code, event_time, event_ms, utc_offset_minutes,
  person_id, person_code, person_name, card_no, door_index_code, door_name, reader_index_code, reader_name,
  check_in_out_type, in_out_type, raw, outcome, received_ms, updated_ms`;

/** The values of PUNCH_INSERT_COLUMNS but `outcome` (a literal), in order: 21 values. */
export function punchInsertValues(item: IngestItem, naturalKey: string | null, source: EventSource, nowMs: number): unknown[] {
  const { event, eventMs, utcOffsetMinutes } = item;
  return [
    naturalKey,
    event.eventId,
    source,
    source === 'backfill' ? 'backfill' : 'live',
    event.eventCode,
    event.eventTime,
    eventMs,
    utcOffsetMinutes,
    event.personId,
    event.personCode,
    event.personName,
    event.cardNo,
    event.doorIndexCode,
    event.doorName,
    event.readerIndexCode,
    event.readerName,
    event.checkInAndOutType,
    event.inAndOutType,
    JSON.stringify(event.raw ?? null),
    nowMs,
    nowMs,
  ];
}
