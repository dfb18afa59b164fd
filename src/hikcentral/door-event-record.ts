import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AccessEvent } from '../domain/access-event.js';

/**
 * One record of `door/events` `data.list`, as the platform writes it. Lenient where the
 * platform is known to vary (numbers vs numeric strings, missing optional fields), strict where
 * a wrong value would produce a wrong punch (event id, event code, event time).
 */

/** A string id that some versions send as a number. */
const idString = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

/** Optional text: missing, null and "" all mean "none". */
export const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const text = String(value).trim();
    return text === '' ? null : text;
  });

/** Optional integer that may arrive as a numeric string; "" and null mean "none". */
export const optionalInteger = z
  .union([z.number().int(), z.string().regex(/^\s*-?\d*\s*$/)])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return value;
    return value.trim() === '' ? null : Number.parseInt(value, 10);
  });

export const requiredInteger = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\s*-?\d+\s*$/)
    .transform((value) => Number.parseInt(value, 10)),
]);

/** ISO 8601 date-time, kept exactly as sent; the offset (when present) is part of the value. */
export const isoDateTime = z
  .string()
  .trim()
  .refine((value) => DateTime.fromISO(value, { setZone: true }).isValid && /T\d{2}:\d{2}/.test(value), {
    message: 'not an ISO 8601 date-time',
  });

export const doorEventRecordSchema = z.looseObject({
  eventId: idString.pipe(z.string().min(1)),
  eventType: requiredInteger,
  eventTime: isoDateTime,
  personId: optionalText,
  personName: optionalText,
  cardNo: optionalText,
  doorIndexCode: optionalText,
  doorName: optionalText,
  readerIndexCode: optionalText,
  readerName: optionalText,
  checkInAndOutType: optionalInteger,
  inAndOutType: optionalInteger,
});

export type DoorEventRecord = z.output<typeof doorEventRecordSchema>;

export function normaliseDoorEventRecord(record: DoorEventRecord, raw: unknown): AccessEvent {
  return {
    eventId: record.eventId,
    eventCode: record.eventType,
    eventTime: record.eventTime,
    personId: record.personId,
    personCode: null,
    personName: record.personName,
    cardNo: record.cardNo,
    doorIndexCode: record.doorIndexCode,
    doorName: record.doorName,
    readerIndexCode: record.readerIndexCode,
    readerName: record.readerName,
    checkInAndOutType: record.checkInAndOutType,
    inAndOutType: record.inAndOutType,
    raw,
  };
}

const HAS_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an event time, for ordering; a time without an offset is read in `zone`. */
export function eventTimeMillis(eventTime: string, zone: string): number {
  if (HAS_OFFSET.test(eventTime)) {
    const fast = Date.parse(eventTime);
    if (!Number.isNaN(fast)) return fast;
  }
  return DateTime.fromISO(eventTime, { zone, setZone: false }).toMillis();
}
