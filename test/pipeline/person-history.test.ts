import { describe, expect, it } from 'vitest';
import type { HikPerson } from '../../src/domain/hik-person.js';
import { codeAt, personAt, personFromPunches, updatePersonHistory } from '../../src/pipeline/person-history.js';

const person = (personId: string, personCode: string | null): HikPerson => ({
  personId,
  personCode,
  personName: `P${personId}`,
  cardNos: [],
  customFields: {},
});
const NOON = Date.parse('2026-01-27T15:00:00Z');
const LATER = NOON + 3_600_000;

describe('person history (issue #9, rule 11: people)', () => {
  it('keeps nothing while HikCentral lists the same persons', () => {
    expect(updatePersonHistory({}, [person('1', '100')], [person('1', '100')], NOON)).toEqual({});
  });

  it('keeps a person missing from the listing with their last known code', () => {
    const history = updatePersonHistory({}, [person('1', '100'), person('2', '200')], [person('2', '200')], NOON);
    expect(history['1']).toEqual({ last: person('1', '100'), codes: [{ code: '100', fromMs: null }], removedMs: NOON });
    expect(personAt(history['1']!, LATER).personCode).toBe('100');
    // The next listing no longer has them in the cache either: nothing is forgotten.
    expect(updatePersonHistory(history, [person('2', '200')], [person('2', '200')], LATER)).toEqual(history);
  });

  it('applies a code change from the listing that saw it: punches before keep the old code', () => {
    const history = updatePersonHistory({}, [person('1', '100')], [person('1', '101')], NOON);
    const entry = history['1']!;
    expect(codeAt(entry, NOON - 1)).toBe('100');
    expect(codeAt(entry, NOON)).toBe('101');
    expect(codeAt(entry, null)).toBe('101');
  });

  it('a person listed again is no longer removed (and a code they came back with applies from then)', () => {
    const removed = updatePersonHistory({}, [person('1', '100')], [], NOON);
    const back = updatePersonHistory(removed, [], [person('1', '111')], LATER);
    expect(back['1']?.removedMs).toBeNull();
    expect(codeAt(back['1']!, NOON)).toBe('100');
    expect(codeAt(back['1']!, LATER)).toBe('111');
  });

  it.each([
    { why: 'the latest code at or before the punch', at: NOON, expected: '100' },
    { why: 'a punch before every recorded one: the earliest code', at: NOON - 10 * 3_600_000, expected: '099' },
    { why: 'no instant: the latest code', at: null, expected: '102' },
  ])("from the person's own punches: $why", ({ at, expected }) => {
    const punches = [
      { eventMs: LATER, personCode: '102', personName: 'P' },
      { eventMs: NOON - 60_000, personCode: '100', personName: 'P' },
      { eventMs: NOON - 120_000, personCode: null, personName: 'P' },
      { eventMs: NOON - 3_600_000, personCode: '099', personName: 'P' },
    ];
    expect(personFromPunches('7', punches, at)?.personCode).toBe(expected);
  });

  it('no punch ever recorded a code: unknown', () => {
    expect(personFromPunches('7', [{ eventMs: NOON, personCode: null, personName: null }], NOON)).toBeNull();
  });
});
