import type { EntryType, HumandUser, TimeTrackingEntry } from '../domain/humand.js';
import type { EntryWire, UserWire } from './response-schemas.js';

/**
 * `date` in the domain is the entry's day (YYYY-MM-DD). Humand's `referenceDate` is exactly
 * that; without it, the day is read from `time`, which carries the offset it was sent with.
 */
export function toDomainEntry(
  wire: EntryWire,
  fallback: { readonly employeeInternalId?: string; readonly time?: string; readonly type?: EntryType } = {},
): TimeTrackingEntry | null {
  const time = wire.time ?? wire.date ?? fallback.time;
  if (time === undefined || time === null) return null;
  const day = wire.referenceDate ?? (/^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : null);
  return {
    id: wire.id,
    employeeInternalId: wire.employeeInternalId ?? fallback.employeeInternalId ?? null,
    time,
    date: day,
    type: wire.type,
    source: wire.source ?? null,
    comment: wire.comment ?? null,
  };
}

export function toDomainUser(wire: UserWire): HumandUser {
  return {
    id: wire.id,
    employeeInternalId: wire.employeeInternalId,
    email: wire.email ?? null,
    firstName: wire.firstName ?? null,
    lastName: wire.lastName ?? null,
    status: wire.status ?? 'UNKNOWN',
    fields: flattenFields(wire.fields),
  };
}

type FieldValue = string | number | boolean | null | ReadonlyArray<string | number> | undefined;

function flattenFields(fields: UserWire['fields']): Record<string, string> {
  const flat: Record<string, string> = {};
  if (!fields) return flat;
  if (Array.isArray(fields)) {
    for (const field of fields) {
      if (field.name) flat[field.name] = fieldValueToString(field.value);
    }
    return flat;
  }
  for (const [name, value] of Object.entries(fields)) flat[name] = fieldValueToString(value);
  return flat;
}

function fieldValueToString(value: FieldValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}
