import { DateTime, FixedOffsetZone } from 'luxon';

/** ISO 8601 date-time that names its offset (`Z` or ±HH:MM / ±HHMM); seconds and fraction optional. */
const WITH_EXPLICIT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface EntryTime {
  readonly instantMs: number;
  readonly offsetMinutes: number;
  readonly referenceDate: string;
}

/** Reads a `now` as Humand requires it; null when it has no explicit offset or is not a real date-time. */
export function parseEntryTime(text: string): EntryTime | null {
  if (!WITH_EXPLICIT_OFFSET.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) return null;
  return { instantMs: parsed.toMillis(), offsetMinutes: parsed.offset, referenceDate: parsed.toFormat('yyyy-MM-dd') };
}

/** Midnight of a reference day in a fixed offset, as a date-time (what the sim serves as an entry's `date`). */
export function startOfDay(referenceDate: string, offsetMinutes: number): string {
  return DateTime.fromISO(`${referenceDate}T00:00:00.000`, { zone: FixedOffsetZone.instance(offsetMinutes) }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}

/** Last millisecond of a reference day in a fixed offset (where AUTO_CLOSE puts its END). */
export function endOfDay(referenceDate: string, offsetMinutes: number): { time: string; instantMs: number } {
  const end = DateTime.fromISO(`${referenceDate}T23:59:59.999`, { zone: FixedOffsetZone.instance(offsetMinutes) });
  return { time: end.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ"), instantMs: end.toMillis() };
}

export function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
