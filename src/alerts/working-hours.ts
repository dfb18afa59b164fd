import { DateTime } from 'luxon';
import { ConfigurationError } from '../domain/errors.js';

/**
 * The site's working hours in its own timezone, e.g. days `mon-fri`, hours `07:00-19:00`.
 * A window whose end is not after its start runs past midnight and belongs to the day it
 * starts on (`22:00-06:00` on `mon` covers Monday night into Tuesday morning).
 */
export interface WorkingHours {
  readonly timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly days: ReadonlySet<number>;
  readonly startMinute: number;
  readonly endMinute: number;
}

const DAY_NAMES: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  lun: 1,
  mar: 2,
  mie: 3,
  mié: 3,
  jue: 4,
  vie: 5,
  sab: 6,
  sáb: 6,
  dom: 7,
};

function dayNumber(token: string, setting: string): number {
  const key = token.trim().toLowerCase().slice(0, 3);
  const byName = DAY_NAMES[key];
  if (byName !== undefined) return byName;
  const numeric = Number(token.trim());
  if (Number.isInteger(numeric) && numeric >= 1 && numeric <= 7) return numeric;
  throw new ConfigurationError(`${setting}: "${token}" is not a weekday`, {
    hint: `write days like "mon-fri", "mon,wed,fri" or "1-5" (1 = Monday)`,
  });
}

export function parseWorkingDays(text: string, setting = 'ALERT_WORKING_DAYS'): Set<number> {
  const days = new Set<number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)) {
    const [from, to, extra] = part.split('-');
    if (extra !== undefined || from === undefined)
      throw new ConfigurationError(`${setting}: "${part}" is not a day or a day range`, { hint: 'e.g. "mon-fri"' });
    const first = dayNumber(from, setting);
    const last = to === undefined ? first : dayNumber(to, setting);
    // Ranges may wrap the week (sat-mon).
    for (let d = first, guard = 0; guard < 7; d = (d % 7) + 1, guard++) {
      days.add(d);
      if (d === last) break;
    }
  }
  if (days.size === 0) throw new ConfigurationError(`${setting} names no day`, { hint: 'e.g. "mon-fri"' });
  return days;
}

function minuteOfDay(text: string, setting: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new ConfigurationError(`${setting}: "${text}" is not a time of day`, { hint: 'write hours like "07:00-19:00"' });
  }
  return hours * 60 + minutes;
}

export function parseWorkingHours(hours: string, days: string, timezone: string): WorkingHours {
  if (!DateTime.local().setZone(timezone).isValid) {
    throw new ConfigurationError(`SITE_TIMEZONE "${timezone}" is not a known timezone`, { hint: 'use an IANA name such as America/Argentina/Buenos_Aires' });
  }
  const [start, end, extra] = hours.split('-');
  if (start === undefined || end === undefined || extra !== undefined) {
    throw new ConfigurationError(`ALERT_WORKING_HOURS: "${hours}" is not a range`, { hint: 'write hours like "07:00-19:00"' });
  }
  const startMinute = minuteOfDay(start, 'ALERT_WORKING_HOURS');
  const endMinute = minuteOfDay(end, 'ALERT_WORKING_HOURS');
  if (startMinute === endMinute) {
    throw new ConfigurationError(`ALERT_WORKING_HOURS: "${hours}" is an empty range`, { hint: 'use 00:00-24:00 for all day' });
  }
  return { timezone, days: parseWorkingDays(days), startMinute, endMinute };
}

/** The start (epoch ms) of the working window that contains `atMs`, or null when `atMs` is outside working hours. */
export function workingWindowStart(hours: WorkingHours, atMs: number): number | null {
  const local = DateTime.fromMillis(atMs, { zone: hours.timezone });
  const overnight = hours.endMinute <= hours.startMinute;
  // The window may have started today or, when it runs past midnight, yesterday.
  for (const daysBack of overnight ? [0, 1] : [0]) {
    const day = local.minus({ days: daysBack }).startOf('day');
    if (!hours.days.has(day.weekday)) continue;
    const start = day.plus({ minutes: hours.startMinute });
    const end = overnight ? day.plus({ days: 1, minutes: hours.endMinute }) : day.plus({ minutes: hours.endMinute });
    if (local >= start && local < end) return start.toMillis();
  }
  return null;
}

export function isWorkingTime(hours: WorkingHours, atMs: number): boolean {
  return workingWindowStart(hours, atMs) !== null;
}
