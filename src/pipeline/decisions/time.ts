import { DateTime } from 'luxon';
import { formatHumandTime } from '../../humand/time-format.js';

export interface EventInstant {
  readonly ms: number;
  /** Minutes east of UTC of the time as written (or of SITE_TIMEZONE when it had no offset). */
  readonly offsetMinutes: number;
}

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Reads a source event time. A time with an offset keeps it; one without is read in the
 * site's timezone. Null when the text is not a date-time at all.
 */
export function readEventTime(text: string, siteTimezone: string): EventInstant | null {
  const trimmed = text.trim();
  const parsed = HAS_OFFSET.test(trimmed)
    ? DateTime.fromISO(trimmed, { setZone: true })
    : DateTime.fromISO(trimmed, { zone: siteTimezone });
  if (!parsed.isValid) return null;
  return { ms: parsed.toMillis(), offsetMinutes: parsed.offset };
}

/** Humand's `now` for a punch: the event's own instant in the event's own offset. */
export function entryTimeOf(instant: EventInstant): string {
  return formatHumandTime(instant.ms, instant.offsetMinutes);
}

/**
 * The working day a punch belongs to: the site-local date after moving the day start to
 * `boundaryHour` (a 02:00 clock-out with boundary 4 belongs to the previous day).
 */
export function workingDayOf(ms: number, siteTimezone: string, boundaryHour: number): string {
  const shifted = DateTime.fromMillis(ms, { zone: siteTimezone }).minus({ hours: boundaryHour });
  return shifted.toFormat('yyyy-MM-dd');
}

/** Epoch ms bounds [start, end) of a working day. */
export function workingDayBounds(day: string, siteTimezone: string, boundaryHour: number): { startMs: number; endMs: number } {
  const start = DateTime.fromISO(day, { zone: siteTimezone }).plus({ hours: boundaryHour });
  return { startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() };
}

/** A time further ahead of our clock than the skew tolerance: held until it is no longer future. */
export function isBeyondSkew(eventMs: number, nowMs: number, toleranceMs: number): boolean {
  return eventMs > nowMs + toleranceMs;
}

/** Local calendar date (YYYY-MM-DD) of an instant in a fixed offset. */
export function localDateOf(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms, { zone: 'UTC' }).plus({ minutes: offsetMinutes }).toFormat('yyyy-MM-dd');
}
