import { describe, expect, it } from 'vitest';
import { boundJson, CUT_MARK } from '../../src/ingest-guard/bound-json.js';
import { eventTimeProblem } from '../../src/ingest-guard/event-time-bounds.js';
import { DAY_MS, DEFAULT_INPUT_LIMITS } from '../../src/ingest-guard/limits.js';

const NOW = Date.parse('2026-01-29T12:00:00Z');
const problem = (text: string) => eventTimeProblem(text, NOW, DEFAULT_INPUT_LIMITS.maxEventAgeMs, DEFAULT_INPUT_LIMITS.maxOffsetMinutes);

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('event time bounds (case 1: impossible offsets; case 2: absurd past)', () => {
  it.each(['2026-01-27T08:00:05+19:00', '2026-01-27T08:00:05-15:00', '2026-01-27T08:00:05+1430', '2026-01-27T08:00:05-18'])(
    'refuses the offset of %s naming the ±14 h bound',
    (text) => {
      expect(problem(text)).toMatch(/offset [+-]\d{2}:\d{2} is beyond ±14 h/);
    },
  );

  it.each([
    '2026-01-27T08:00:05+14:00',
    '2026-01-27T08:00:05-12:00',
    '2026-01-27T08:00:05+05:45',
    '2026-01-27T08:00:05Z',
    '2026-01-27T08:00:05',
    '2026-01-27T08:00:05.123-03:00',
  ])('accepts %s', (text) => {
    expect(problem(text)).toBeNull();
  });

  it.each(['0001-01-01T08:00:00-03:00', '1900-01-27T08:00:00Z', '2024-12-01T08:00:00-03:00'])('refuses %s as older than 400 days', (text) => {
    expect(problem(text)).toMatch(/more than 400 days old \(EVENT_MAX_AGE\)/);
  });

  it('keeps a 399-day-old punch and leaves the future to the evaluator (held, not refused)', () => {
    expect(problem(new Date(NOW - 399 * DAY_MS).toISOString())).toBeNull();
    expect(problem('2099-01-01T08:00:00Z')).toBeNull();
  });
});

describe('bounded raw JSON (case 3: deep nesting; case 4: huge strings)', () => {
  it('cuts a 100,000-deep array without overflowing the stack, and says so', () => {
    const deep = { eventId: 'x', data: { extra: nested(100_000) } };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const { value, cuts } = boundJson(deep, 32, 4096);
    expect(cuts).toEqual(['nesting deeper than 32']);
    const text = JSON.stringify(value);
    expect(text).toContain(CUT_MARK);
    expect(text.length).toBeLessThan(200);
  });

  it('cuts long strings and long keys, keeps everything else as it was', () => {
    const { value, cuts } = boundJson({ a: 'x'.repeat(10_000), ['k'.repeat(5000)]: 1, n: 3, b: true, z: null, list: [1, 'two'] }, 32, 100);
    expect(cuts).toEqual(['2 string(s) longer than 100']);
    const copy = value as Record<string, unknown>;
    expect(copy.a).toBe(`${'x'.repeat(100)}${CUT_MARK}`);
    expect(copy).toMatchObject({ n: 3, b: true, z: null, list: [1, 'two'] });
  });

  it('returns a value unchanged in shape when within the limits', () => {
    const input = { eventId: '1', data: { personName: 'Ana', nested: [{ a: 1 }] } };
    expect(boundJson(input, 32, 4096)).toEqual({ value: input, cuts: [] });
    expect(JSON.stringify(boundJson(input, 32, 4096).value)).toBe(JSON.stringify(input));
  });
});
