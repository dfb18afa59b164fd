import { DateTime } from 'luxon';
import type { DeliveryAttempt, PunchOutcome, PunchRecord } from '../../store/punch.js';

/** One punch as the dashboard shows it. Times are ISO in the site's zone. */
export interface PunchView {
  readonly id: number;
  readonly correlationId: string;
  readonly eventId: string;
  readonly source: string;
  readonly eventTime: string;
  readonly eventLocal: string | null;
  readonly personId: string | null;
  readonly personCode: string | null;
  readonly personName: string | null;
  readonly cardNo: string | null;
  readonly employeeId: string | null;
  readonly door: string | null;
  readonly doorIndexCode: string | null;
  readonly reader: string | null;
  readonly outcome: PunchOutcome;
  readonly reason: string | null;
  readonly entryType: string | null;
  readonly workingDay: string | null;
  /** The `now` sent (or to be sent) to Humand. */
  readonly sentTime: string | null;
  readonly comment: string | null;
  readonly humandEntryId: string | null;
  readonly attempts: number;
  readonly receivedLocal: string;
}

export interface AttemptView {
  readonly atLocal: string;
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly result: string;
  readonly message: string | null;
  readonly requestBody: unknown;
}

export function localIso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}

export function punchView(punch: PunchRecord, zone: string): PunchView {
  return {
    id: punch.id,
    correlationId: punch.correlationId,
    eventId: punch.eventId,
    source: punch.source,
    eventTime: punch.eventTime,
    eventLocal: punch.eventMs === null ? null : localIso(punch.eventMs, zone),
    personId: punch.personId,
    personCode: punch.personCode,
    personName: punch.personName,
    cardNo: punch.cardNo,
    employeeId: punch.employeeId,
    door: punch.doorName ?? punch.doorIndexCode,
    doorIndexCode: punch.doorIndexCode,
    reader: punch.readerName ?? punch.readerIndexCode,
    outcome: punch.outcome,
    reason: punch.reason,
    entryType: punch.entryType,
    workingDay: punch.workingDay,
    sentTime: punch.request?.now ?? null,
    comment: punch.request?.comment ?? null,
    humandEntryId: punch.humandEntryId,
    attempts: punch.attempts,
    receivedLocal: localIso(punch.receivedMs, zone),
  };
}

export function attemptView(attempt: DeliveryAttempt, zone: string): AttemptView {
  return {
    atLocal: localIso(attempt.atMs, zone),
    kind: attempt.kind,
    method: attempt.method,
    path: attempt.path,
    status: attempt.status,
    result: attempt.result,
    message: attempt.message,
    requestBody: attempt.requestBody,
  };
}
