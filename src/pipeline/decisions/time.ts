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
  const parsed = HAS_OFFSET.test(trimmed) ? DateTime.fromISO(trimmed, { setZone: true }) : DateTime.fromISO(trimmed, { zone: siteTimezone });
  if (!parsed.isValid) return null;
  return { ms: parsed.toMillis(), offsetMinutes: parsed.offset };
}

/**
 * Humand's `now` for a punch: its instant in the site's offset at that instant, whatever offset
 * the source wrote. Humand files an entry under the local date of `now`, so a reader writing UTC
 * (`Z`) must not move a 22:00 clock-in to the next day; the zone makes it DST-correct.
 */
export function entryTimeOf(ms: number, siteTimezone: string): string {
  return formatHumandTime(ms, siteTimezone);
}

/** The site-local calendar date of an instant: the date Humand files an entry sent by {@link entryTimeOf} under. */
export function siteDateOf(ms: number, siteTimezone: string): string {
  return DateTime.fromMillis(ms, { zone: siteTimezone }).toFormat('yyyy-MM-dd');
}

/**
 * The working day a punch belongs to, on the local wall clock: before `boundaryHour` (site time)
 * a punch belongs to the previous date (a 02:00 clock-out with boundary 4 belongs to the previous
 * day). Read from the wall clock, not by subtracting elapsed hours, so DST days are right.
 */
export function workingDayOf(ms: number, siteTimezone: string, boundaryHour: number): string {
  const local = DateTime.fromMillis(ms, { zone: siteTimezone });
  const day = local.hour < boundaryHour ? local.startOf('day').minus({ days: 1 }) : local;
  return day.toFormat('yyyy-MM-dd');
}

/** Epoch ms bounds [start, end) of a working day. */
export function workingDayBounds(day: string, siteTimezone: string, boundaryHour: number): { startMs: number; endMs: number } {
  // Wall-clock hours (set, not plus): on a DST day the boundary is still at boundaryHour local time.
  const midnight = DateTime.fromISO(day, { zone: siteTimezone });
  const start = midnight.set({ hour: boundaryHour });
  const end = midnight.plus({ days: 1 }).set({ hour: boundaryHour });
  return { startMs: start.toMillis(), endMs: end.toMillis() };
}

/** A time further ahead of our clock than the skew tolerance: held until it is no longer future. */
export function isBeyondSkew(eventMs: number, nowMs: number, toleranceMs: number): boolean {
  return eventMs > nowMs + toleranceMs;
}

/** The local date written in a Humand time (`2026-01-27T22:00:00.000-03:00` → 2026-01-27), null when unreadable. */
export function dateInOwnOffset(text: string): string | null {
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toFormat('yyyy-MM-dd') : null;
}
