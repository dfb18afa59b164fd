import { describe, expect, it } from 'vitest';
import { classifyPassage, type PassageFacts } from '../../../src/pipeline/decisions/passage.js';
import { clockRule, rules } from '../rules-fixture.js';

const atEntrance: PassageFacts = {
  eventCode: 196893,
  personId: 'p1',
  doorIndexCode: 'door-1',
  doorName: 'Lobby',
  readerIndexCode: 'reader-in',
  readerName: 'Facial Entrada',
};

describe('is it a time-clock passage?', () => {
  it.each<[string, Partial<PassageFacts>, string]>([
    ['face authenticated at a time clock (by reader name)', {}, 'time-clock'],
    ['valid card at the out reader (by reader code)', { eventCode: 198914, readerIndexCode: 'reader-out', readerName: 'Facial Salida' }, 'time-clock'],
    ['combined mode code', { eventCode: 196887 }, 'time-clock'],
    ['canteen door', { readerIndexCode: 'r-canteen', readerName: 'Canteen', doorName: 'Canteen' }, 'ignored: not a time-clock door'],
    ['refused face at a time clock', { eventCode: 197151 }, 'ignored: refused access'],
    ['anti-passback failed', { eventCode: 197383 }, 'ignored: refused access'],
    ['unknown code', { eventCode: 12345 }, 'ignored: event code 12345 is not an access-granted passage'],
    ['door forced open', { eventCode: 198657, personId: null, readerIndexCode: null, readerName: null }, 'ignored: door-state event, nobody passed'],
    ['granted but nobody named', { personId: null }, 'ignored: the event names no person'],
    ['granted but empty person id', { personId: '' }, 'ignored: the event names no person'],
  ])('%s', (_name, overrides, expected) => {
    const decision = classifyPassage({ ...atEntrance, ...overrides }, rules());
    expect(decision.kind === 'time-clock' ? 'time-clock' : decision.reason).toBe(expected);
  });

  it('matches a clock by door and reader together, and uses the configured event codes', () => {
    const custom = rules({ timeClocks: [clockRule({ door: 'door-1', reader: 'reader-x', direction: 'out' })], grantedEventCodes: [5] });
    expect(classifyPassage({ ...atEntrance, eventCode: 5, readerIndexCode: 'reader-x' }, custom).kind).toBe('time-clock');
    expect(classifyPassage({ ...atEntrance, eventCode: 5, readerIndexCode: 'reader-y', readerName: 'y' }, custom).kind).toBe('ignored');
    expect(classifyPassage({ ...atEntrance, readerIndexCode: 'reader-x' }, custom)).toEqual({
      kind: 'ignored',
      reason: 'ignored: event code 196893 is not an access-granted passage',
    });
  });

  it('a door-only clock covers all its readers', () => {
    const custom = rules({ timeClocks: [clockRule({ door: 'Lobby', direction: 'in' })] });
    const decision = classifyPassage({ ...atEntrance, readerIndexCode: 'any', readerName: 'any' }, custom);
    expect(decision.kind === 'time-clock' && decision.clock.direction).toBe('in');
  });
});
