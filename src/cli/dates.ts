import { DateTime } from 'luxon';
import type { CliLanguage } from './i18n/language.js';
import { cliText } from './i18n/text.js';
import { ConfigProblems } from './settings.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** How a date is written in Argentina and most of Latin America and Europe: day first. */
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Words a person types for a day, in English and Spanish, as days back from today. */
const DAY_WORDS: Readonly<Record<string, number>> = { today: 0, hoy: 0, yesterday: 1, ayer: 1 };

/**
 * A day a person typed: `YYYY-MM-DD`, `dd/mm/yyyy`, or today/yesterday (hoy/ayer) in `zone`,
 * as `YYYY-MM-DD`; null when it is none of these.
 */
function dayOf(text: string, zone: string, nowMs: number): string | null {
  const value = text.trim();
  const back = DAY_WORDS[value.toLowerCase()];
  if (back !== undefined) return DateTime.fromMillis(nowMs, { zone }).minus({ days: back }).toISODate();
  if (DATE_ONLY.test(value)) return DateTime.fromISO(value).isValid ? value : null;
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst === null) return null;
  const date = DateTime.fromObject({ day: Number(dayFirst[1]), month: Number(dayFirst[2]), year: Number(dayFirst[3]) });
  return date.isValid ? date.toISODate() : null;
}

function notADay(key: 'flag.day' | 'flag.instant', flag: string, value: string, zone: string, language: CliLanguage): ConfigProblems {
  return new ConfigProblems([cliText(language).t(key, { flag, value, zone })], language);
}

/**
 * A command-line instant: a day as `dayOf` reads it (a whole day in the site zone: its start,
 * or for an end bound the start of the next day, so `--to 2026-01-27` includes the 27th), or
 * ISO 8601 date-time (with an offset, or read in the site zone without one).
 */
export function parseInstant(flag: string, text: string, zone: string, bound: 'start' | 'end', nowMs = Date.now(), language: CliLanguage = 'en'): number {
  const day = dayOf(text, zone, nowMs);
  if (day !== null) {
    const start = DateTime.fromISO(day, { zone });
    return (bound === 'end' ? start.plus({ days: 1 }) : start).startOf('day').toMillis();
  }
  const instant = DateTime.fromISO(text.trim(), { zone, setZone: true });
  if (instant.isValid) return instant.toMillis();
  throw notADay('flag.instant', flag, text, zone, language);
}

/** A day option (`YYYY-MM-DD`, `dd/mm/yyyy`, today/yesterday, hoy/ayer), checked, as `YYYY-MM-DD`. */
export function parseDay(flag: string, text: string, zone: string, nowMs = Date.now(), language: CliLanguage = 'en'): string {
  const day = dayOf(text, zone, nowMs);
  if (day !== null) return day;
  throw notADay('flag.day', flag, text, zone, language);
}

export function today(zone: string, nowMs: number): string {
  return DateTime.fromMillis(nowMs, { zone }).toISODate() ?? '1970-01-01';
}
