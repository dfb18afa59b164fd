import { DateTime } from 'luxon';
import { ConfigProblems } from './settings.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A command-line instant: `YYYY-MM-DD` (a whole day in the site zone: its start, or for an
 * end bound the start of the next day, so `--to 2026-01-27` includes the 27th), or ISO 8601
 * date-time (with an offset, or read in the site zone without one).
 */
export function parseInstant(flag: string, text: string, zone: string, bound: 'start' | 'end'): number {
  const value = text.trim();
  if (DATE_ONLY.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    if (day.isValid) return (bound === 'end' ? day.plus({ days: 1 }) : day).startOf('day').toMillis();
  } else {
    const instant = DateTime.fromISO(value, { zone, setZone: true });
    if (instant.isValid) return instant.toMillis();
  }
  throw new ConfigProblems([`${flag}: "${text}" is not a date or date-time — use e.g. ${flag} 2026-01-27 (a whole day in ${zone}) or ${flag} 2026-01-27T06:00:00-03:00`]);
}

/** A `YYYY-MM-DD` option, checked. */
export function parseDay(flag: string, text: string): string {
  const value = text.trim();
  if (DATE_ONLY.test(value) && DateTime.fromISO(value).isValid) return value;
  throw new ConfigProblems([`${flag}: "${text}" is not a date — use e.g. ${flag} 2026-01-27`]);
}

export function today(zone: string, nowMs: number): string {
  return DateTime.fromMillis(nowMs, { zone }).toISODate() ?? '1970-01-01';
}
