import { describe, expect, it } from 'vitest';
import { dateInOwnOffset, entryTimeOf, isBeyondSkew, readEventTime, siteDateOf, workingDayBounds, workingDayOf } from '../../../src/pipeline/decisions/time.js';

const BA = 'America/Argentina/Buenos_Aires';

describe('event time', () => {
  // Humand's `now` is always the site's offset at that instant, whatever offset the source wrote:
  // Humand files an entry under the local date of `now`.
  it.each<[string, string, string | null]>([
    ['2026-01-27T08:00:05-03:00', BA, '2026-01-27T08:00:05.000-03:00'],
    ['2026-01-27T08:00:05+05:30', BA, '2026-01-26T23:30:05.000-03:00'],
    ['2026-01-27T11:00:05.250Z', BA, '2026-01-27T08:00:05.250-03:00'],
    // A 22:00 local clock-in written in UTC stays on its own day.
    ['2026-01-28T01:00:00Z', BA, '2026-01-27T22:00:00.000-03:00'],
    // No offset: SITE_TIMEZONE applies.
    ['2026-01-27T08:00:05', BA, '2026-01-27T08:00:05.000-03:00'],
    ['2026-07-01T08:00:05', 'Europe/Madrid', '2026-07-01T08:00:05.000+02:00'],
    ['2026-07-01T06:00:05Z', 'Europe/Madrid', '2026-07-01T08:00:05.000+02:00'],
    ['not a time', BA, null],
  ])('%s in %s → now %s', (text, zone, expected) => {
    const instant = readEventTime(text, zone);
    expect(instant === null ? null : entryTimeOf(instant.ms, zone)).toBe(expected);
  });

  it('files the entry under the site date, and reads the date a Humand time was written for', () => {
    expect(siteDateOf(Date.parse('2026-01-28T01:00:00Z'), BA)).toBe('2026-01-27');
    expect(dateInOwnOffset('2026-01-27T22:00:00.000-03:00')).toBe('2026-01-27');
    expect(dateInOwnOffset('2026-01-28T01:00:00.000+00:00')).toBe('2026-01-28');
    expect(dateInOwnOffset('nonsense')).toBeNull();
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

  // DST: the boundary is 04:00 on the wall clock, also on the nights the clocks move.
  it.each<[string, string, string]>([
    ['2026-03-29T03:30:00+02:00', 'Europe/Madrid', '2026-03-28'], // clocks went 02:00 → 03:00 that night
    ['2026-03-29T04:10:00+02:00', 'Europe/Madrid', '2026-03-29'],
    ['2026-10-25T03:30:00+01:00', 'Europe/Madrid', '2026-10-24'], // 03:00 → 02:00, 03:30 is before the boundary
    ['2026-10-25T04:05:00+01:00', 'Europe/Madrid', '2026-10-25'],
    ['2026-09-06T03:50:00-03:00', 'America/Santiago', '2026-09-05'],
    ['2026-09-06T04:05:00-03:00', 'America/Santiago', '2026-09-06'],
  ])('%s in %s (a DST night) → working day %s', (text, zone, day) => {
    expect(workingDayOf(Date.parse(text), zone, 4)).toBe(day);
  });

  it('bounds a DST working day at 04:00 local on both ends (23 h when the clocks go forward)', () => {
    const { startMs, endMs } = workingDayBounds('2026-03-28', 'Europe/Madrid', 4);
    expect(new Date(startMs).toISOString()).toBe('2026-03-28T03:00:00.000Z');
    expect(new Date(endMs).toISOString()).toBe('2026-03-29T02:00:00.000Z');
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
