import { DateTime } from 'luxon';

/** `2026-01-27T08:00:00-03:00`: whole seconds with the site's offset, as the platform writes times. */
export function formatSiteTime(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/**
 * An event time as the device that recorded it writes it: in the site's zone, or in the zone its
 * reader is set to (`UTC` → `2026-01-27T11:00:00Z`, `UTC+1` → `…+01:00`), the same instant.
 */
export function formatDeviceTime(
  ms: number,
  timezone: string,
  readerIndexCode: string | null,
  readerTimeZones: Readonly<Record<string, string>> | undefined,
): string {
  const zone = readerIndexCode === null ? undefined : readerTimeZones?.[readerIndexCode];
  if (zone === undefined) return formatSiteTime(ms, timezone);
  if (zone.toUpperCase() === 'UTC' || zone.toUpperCase() === 'Z') return DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  return formatSiteTime(ms, zone);
}

/** Epoch ms of an ISO 8601 date-time that carries an offset; null otherwise. */
export function parseTimeWithOffset(text: string): number | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}
