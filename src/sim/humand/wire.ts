import { isoUtc, startOfDay } from './entry-time.js';
import type { SimEntry, SimUser } from './types.js';

const ON_SITE_SOURCES: ReadonlySet<string> = new Set(['APP', 'KIOSK', 'QR', 'FACE_ID', 'GPS', 'BEACON', 'NFC']);

/** An entry as Humand's `TimeTrackingEntry` schema describes it. */
export function entryToWire(entry: SimEntry): Record<string, unknown> {
  return {
    id: entry.id,
    userId: entry.userId,
    employeeInternalId: entry.employeeInternalId,
    // The spec types `date` as a date-time and says nothing more: we serve the start of the reference day in the entry's offset.
    date: startOfDay(entry.referenceDate, entry.offsetMinutes),
    referenceDate: entry.referenceDate,
    type: entry.type,
    source: entry.source,
    // Field notes: entries made on site (app, kiosk, QR, face…) name the site they were made at.
    ...(ON_SITE_SOURCES.has(entry.source) ? { site: { id: 1, name: 'Sede central' } } : {}),
    ...(entry.comment === undefined ? {} : { comment: entry.comment }),
    createdAt: isoUtc(entry.createdAtMs),
    updatedAt: isoUtc(entry.createdAtMs),
    time: entry.time,
  };
}

/** A user as Humand's `User` schema describes it. */
export function userToWire(user: SimUser): Record<string, unknown> {
  return {
    id: user.id,
    createdAt: isoUtc(user.createdAtMs),
    updatedAt: isoUtc(user.updatedAtMs),
    deleted: false,
    status: user.status,
    segmentation: [],
    relationships: [],
    fields: user.fields.map((field) => ({ id: field.id, name: field.name, value: field.value })),
    employeeInternalId: user.employeeInternalId,
    ...(user.email === undefined ? {} : { email: user.email }),
    firstName: user.firstName,
    lastName: user.lastName,
  };
}
