import { DateTime } from 'luxon';
import type { AccessEvent } from '../domain/access-event.js';
import { isapiDoorCode, isapiReaderCode } from '../config/isapi.js';
import { isapiEventCode } from '../config/isapi-event-codes.js';
import { TERMINAL_PERSON_PREFIX } from './terminal-persons.js';

/** `attendanceStatus` → the checkInAndOutType codes the `device` direction mode reads (1/4/5 in, 2/3/6 out). */
export const ATTENDANCE_STATUS_CODES: Readonly<Record<string, number>> = {
  checkIn: 1,
  checkOut: 2,
  breakOut: 3,
  breakIn: 4,
  overtimeIn: 5,
  overtimeOut: 6,
};

/** One terminal event, from a search record or a push, in the fields both carry. */
export interface TerminalRecord {
  readonly major: number;
  readonly minor: number;
  /** Device time as written (with offset). */
  readonly time: string;
  readonly serialNo: number;
  readonly employeeNoString?: string | undefined;
  readonly employeeNo?: string | undefined;
  readonly cardNo?: string | undefined;
  readonly name?: string | undefined;
  readonly cardReaderNo?: number | undefined;
  readonly doorNo?: number | undefined;
  readonly attendanceStatus?: string | undefined;
}

const text = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());

/**
 * The event id of a terminal event: device name, its serialNo, and the second it happened —
 * the same for a poll and a push of the same event, and still unique if a reset device
 * numbers its events from 1 again.
 */
export function terminalEventId(device: string, serialNo: number, time: string, timeZone: string): string {
  const parsed = DateTime.fromISO(time, { setZone: true, zone: timeZone });
  return `isapi:${device}:${serialNo}@${parsed.isValid ? Math.floor(parsed.toSeconds()) : time}`;
}

/**
 * A terminal event as the pipeline's AccessEvent: the person is the device's employee number
 * (personId `isapi:<employeeNo>` so it never meets a HikCentral personId; personCode the
 * number itself, the usual mapping key), the door and reader carry the device name so the
 * time-clock allowlist can name them, and attendanceStatus becomes checkInAndOutType.
 */
export function toAccessEvent(device: string, record: TerminalRecord, raw: unknown, timeZone: string): AccessEvent {
  const employeeNo = text(record.employeeNoString) ?? text(record.employeeNo);
  const status = text(record.attendanceStatus);
  const readerNo = record.cardReaderNo ?? null;
  const doorNo = record.doorNo ?? null;
  return {
    eventId: terminalEventId(device, record.serialNo, record.time, timeZone),
    eventCode: isapiEventCode(record.major, record.minor),
    eventTime: record.time,
    personId: employeeNo === null ? null : `${TERMINAL_PERSON_PREFIX}${employeeNo}`,
    personCode: employeeNo,
    personName: text(record.name),
    cardNo: text(record.cardNo),
    doorIndexCode: isapiDoorCode(device, doorNo),
    doorName: doorNo === null ? device : `${device} door ${doorNo}`,
    readerIndexCode: isapiReaderCode(device, readerNo),
    readerName: readerNo === null ? null : `${device} reader ${readerNo}`,
    checkInAndOutType: status === null ? null : (ATTENDANCE_STATUS_CODES[status] ?? 0),
    inAndOutType: null,
    raw,
  };
}
