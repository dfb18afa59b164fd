import { DateTime } from 'luxon';

/** `2026-01-27T08:00:00-03:00`: whole seconds with the site's offset, as the platform writes times. */
export function formatSiteTime(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** Epoch ms of an ISO 8601 date-time that carries an offset; null otherwise. */
export function parseTimeWithOffset(text: string): number | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}
