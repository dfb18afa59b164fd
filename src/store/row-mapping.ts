import type { EventSource } from '../domain/access-event.js';
import type { HikPerson } from '../domain/hik-person.js';
import type { ClockRequest, EntryType, HumandUser } from '../domain/humand.js';
import { correlationIdOf, type DeliveryAttempt, type PunchOutcome, type PunchPriority, type PunchRecord, type AttemptKind } from './punch.js';

/**
 * Row shapes both ledgers return (SQLite as stored, node-postgres with BIGINT parsed to number)
 * and their mapping to domain records. Only the dialect-specific columns stay in each store's rows.ts.
 */
export interface PunchRowColumns {
  id: number;
  event_id: string;
  source: string;
  priority: string;
  event_code: number;
  event_time: string;
  event_ms: number | null;
  utc_offset_minutes: number | null;
  person_id: string | null;
  person_code: string | null;
  person_name: string | null;
  card_no: string | null;
  door_index_code: string | null;
  door_name: string | null;
  reader_index_code: string | null;
  reader_name: string | null;
  check_in_out_type: number | null;
  in_out_type: number | null;
  raw: string;
  outcome: string;
  reason: string | null;
  employee_id: string | null;
  entry_type: string | null;
  working_day: string | null;
  request: string | null;
  humand_entry_id: string | null;
  attempts: number;
  next_attempt_ms: number | null;
  received_ms: number;
  updated_ms: number;
}

/** `reconcileNeeded` comes from the dialect's own boolean column (INTEGER 0/1 in SQLite, BOOLEAN in PostgreSQL). */
export function punchFromColumns(row: PunchRowColumns, reconcileNeeded: boolean): PunchRecord {
  return {
    id: row.id,
    correlationId: correlationIdOf(row.id),
    eventId: row.event_id,
    source: row.source as EventSource,
    priority: row.priority as PunchPriority,
    eventCode: row.event_code,
    eventTime: row.event_time,
    eventMs: row.event_ms,
    utcOffsetMinutes: row.utc_offset_minutes,
    personId: row.person_id,
    personCode: row.person_code,
    personName: row.person_name,
    cardNo: row.card_no,
    doorIndexCode: row.door_index_code,
    doorName: row.door_name,
    readerIndexCode: row.reader_index_code,
    readerName: row.reader_name,
    checkInAndOutType: row.check_in_out_type,
    inAndOutType: row.in_out_type,
    raw: JSON.parse(row.raw) as unknown,
    outcome: row.outcome as PunchOutcome,
    reason: row.reason,
    employeeId: row.employee_id,
    entryType: row.entry_type as EntryType | null,
    workingDay: row.working_day,
    request: row.request === null ? null : (JSON.parse(row.request) as ClockRequest),
    humandEntryId: row.humand_entry_id,
    attempts: row.attempts,
    nextAttemptMs: row.next_attempt_ms,
    reconcileNeeded,
    receivedMs: row.received_ms,
    updatedMs: row.updated_ms,
  };
}

export interface AttemptRow {
  punch_id: number;
  at_ms: number;
  kind: string;
  method: string;
  path: string;
  request_body: string | null;
  status: number | null;
  result: string;
  message: string | null;
}

export function attemptFromRow(row: AttemptRow): DeliveryAttempt {
  return {
    punchId: row.punch_id,
    atMs: row.at_ms,
    kind: row.kind as AttemptKind,
    method: row.method,
    path: row.path,
    requestBody: row.request_body === null ? null : (JSON.parse(row.request_body) as unknown),
    status: row.status,
    result: row.result,
    message: row.message,
  };
}

export interface PersonRow {
  person_id: string;
  person_code: string | null;
  person_name: string | null;
  card_nos: string;
  custom_fields: string;
}

export function personFromRow(row: PersonRow): HikPerson {
  return {
    personId: row.person_id,
    personCode: row.person_code,
    personName: row.person_name,
    cardNos: JSON.parse(row.card_nos) as string[],
    customFields: JSON.parse(row.custom_fields) as Record<string, string>,
  };
}

export interface UserRow {
  employee_internal_id: string;
  user_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  status: string;
  fields: string;
}

export function userFromRow(row: UserRow): HumandUser {
  return {
    id: row.user_id,
    employeeInternalId: row.employee_internal_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    status: row.status,
    fields: JSON.parse(row.fields) as Record<string, string>,
  };
}

/** Attempts read in punch order, grouped by punch id. */
export function groupAttempts(attempts: readonly DeliveryAttempt[]): Map<number, DeliveryAttempt[]> {
  const byPunch = new Map<number, DeliveryAttempt[]>();
  for (const attempt of attempts) {
    const list = byPunch.get(attempt.punchId);
    if (list === undefined) byPunch.set(attempt.punchId, [attempt]);
    else list.push(attempt);
  }
  return byPunch;
}
