import { describe, expect, it } from 'vitest';
import { formatHumandTime, isHumandTime } from '../../src/humand/index.js';

const instant = Date.parse('2026-01-27T11:12:45.123Z');

describe('formatHumandTime', () => {
  it.each([
    ['-03:00', '2026-01-27T08:12:45.123-03:00'],
    ['-0300', '2026-01-27T08:12:45.123-03:00'],
    ['+05:30', '2026-01-27T16:42:45.123+05:30'],
    ['UTC', '2026-01-27T11:12:45.123+00:00'],
    ['Z', '2026-01-27T11:12:45.123+00:00'],
    [-180, '2026-01-27T08:12:45.123-03:00'],
    ['America/Argentina/Buenos_Aires', '2026-01-27T08:12:45.123-03:00'],
  ] as const)('in %s', (zone, expected) => {
    expect(formatHumandTime(instant, zone)).toBe(expected);
  });

  it('follows daylight saving in an IANA zone', () => {
    expect(formatHumandTime(Date.parse('2026-01-15T12:00:00.000Z'), 'Europe/Madrid')).toBe('2026-01-15T13:00:00.000+01:00');
    expect(formatHumandTime(Date.parse('2026-07-15T12:00:00.000Z'), 'Europe/Madrid')).toBe('2026-07-15T14:00:00.000+02:00');
  });

  it('always writes milliseconds, even when they are zero', () => {
    expect(formatHumandTime(Date.parse('2026-01-27T11:00:00Z'), '-03:00')).toBe('2026-01-27T08:00:00.000-03:00');
  });

  it('refuses unknown zones and impossible offsets with a hint', () => {
    expect(() => formatHumandTime(instant, 'Mars/Olympus')).toThrow(/Unknown time zone/);
    expect(() => formatHumandTime(instant, '+25:00')).toThrow(/Invalid UTC offset/);
    expect(() => formatHumandTime(Number.NaN, '-03:00')).toThrow(RangeError);
  });

  it('produces what isHumandTime accepts', () => {
    expect(isHumandTime(formatHumandTime(instant, 'Asia/Kolkata'))).toBe(true);
    expect(isHumandTime('2026-01-27T08:12:45.123Z')).toBe(false);
    expect(isHumandTime('2026-01-27T08:12:45-03:00')).toBe(false);
    expect(isHumandTime('2026-13-27T08:12:45.123-03:00')).toBe(false);
  });
});
