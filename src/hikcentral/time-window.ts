import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/**
 * The platform refuses windows longer than 31 days. Slices are 30 days so a slice never
 * reaches the limit however the platform counts (calendar days across a DST change, an
 * inclusive end second).
 */
export const MAX_SLICE_MS = 30 * DAY_MS;

export interface TimeSlice {
  readonly startMs: number;
  readonly endMs: number;
  /** ISO 8601 with offset, whole seconds, as the platform expects. */
  readonly startTime: string;
  readonly endTime: string;
}

/** ISO 8601 with an explicit numeric offset (`+00:00`, never `Z`), whole seconds. */
export function formatArtemisTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/**
 * Splits `[startMs, endMs)` into consecutive slices of at most `maxSliceMs`. The platform works
 * in whole seconds, so the start is rounded down and the end up: a slice may ask for up to a
 * second more than the window, never less.
 */
export function sliceWindow(startMs: number, endMs: number, zone: string, maxSliceMs: number = MAX_SLICE_MS): TimeSlice[] {
  const start = Math.floor(startMs / 1000) * 1000;
  const end = Math.ceil(endMs / 1000) * 1000;
  if (!(end > start)) return [];
  const step = Math.max(1000, Math.floor(maxSliceMs / 1000) * 1000);
  const slices: TimeSlice[] = [];
  for (let from = start; from < end; from += step) {
    const to = Math.min(end, from + step);
    slices.push({ startMs: from, endMs: to, startTime: formatArtemisTime(from, zone), endTime: formatArtemisTime(to, zone) });
  }
  return slices;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
