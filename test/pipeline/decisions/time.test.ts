import { describe, expect, it } from 'vitest';
import { entryTimeOf, isBeyondSkew, readEventTime, workingDayBounds, workingDayOf } from '../../../src/pipeline/decisions/time.js';

const BA = 'America/Argentina/Buenos_Aires';

describe('event time', () => {
  it.each<[string, string, string | null]>([
    ['2026-01-27T08:00:05-03:00', BA, '2026-01-27T08:00:05.000-03:00'],
    ['2026-01-27T08:00:05+05:30', BA, '2026-01-27T08:00:05.000+05:30'],
    ['2026-01-27T11:00:05.250Z', BA, '2026-01-27T11:00:05.250+00:00'],
    // No offset: SITE_TIMEZONE applies.
    ['2026-01-27T08:00:05', BA, '2026-01-27T08:00:05.000-03:00'],
    ['2026-07-01T08:00:05', 'Europe/Madrid', '2026-07-01T08:00:05.000+02:00'],
    ['not a time', BA, null],
  ])('%s in %s → now %s', (text, zone, expected) => {
    const instant = readEventTime(text, zone);
    expect(instant === null ? null : entryTimeOf(instant)).toBe(expected);
  });

  it('keeps the instant: an offset-carrying time does not depend on the site zone', () => {
    expect(readEventTime('2026-01-27T08:00:05-03:00', 'Asia/Tokyo')?.ms).toBe(Date.UTC(2026, 0, 27, 11, 0, 5));
  });
});

describe('working day with a day-boundary hour', () => {
  it.each<[string, number, string]>([
    ['2026-01-27T08:00:00-03:00', 4, '2026-01-27'],
    ['2026-01-28T02:30:00-03:00', 4, '2026-01-27'], // night shift clock-out after midnight
    ['2026-01-28T04:00:00-03:00', 4, '2026-01-28'],
    ['2026-01-28T02:30:00-03:00', 0, '2026-01-28'],
    ['2026-01-27T23:30:00Z', 4, '2026-01-27'], // 20:30 local
  ])('%s with boundary %i → %s', (text, boundary, day) => {
    expect(workingDayOf(Date.parse(text), BA, boundary)).toBe(day);
  });

  it('gives the bounds of a working day', () => {
    const { startMs, endMs } = workingDayBounds('2026-01-27', BA, 4);
    expect(new Date(startMs).toISOString()).toBe('2026-01-27T07:00:00.000Z');
    expect(endMs - startMs).toBe(24 * 3600_000);
  });
});

describe('future hold', () => {
  it.each<[number, number, number, boolean]>([
    [1_000, 1_000, 0, false],
    [61_000, 1_000, 60_000, false],
    [61_001, 1_000, 60_000, true],
    [0, 1_000, 0, false],
  ])('event %i at now %i with tolerance %i → held %s', (eventMs, nowMs, tolerance, held) => {
    expect(isBeyondSkew(eventMs, nowMs, tolerance)).toBe(held);
  });
});
