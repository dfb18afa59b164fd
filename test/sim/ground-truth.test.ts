import { describe, expect, it } from 'vitest';
import { computeGroundTruth, type HikScenario, type SimEvent, type TimeClockReader } from '../../src/sim/scenario/index.js';

const readers: TimeClockReader[] = [
  { readerIndexCode: 'R-IN', readerName: 'Facial Entrada', doorIndexCode: 'D1', doorName: 'Reloj', direction: 'in' },
  { readerIndexCode: 'R-OUT', readerName: 'Facial Salida', doorIndexCode: 'D1', doorName: 'Reloj', direction: 'out' },
];
const T = Date.parse('2026-01-27T08:00:00-03:00');

function event(eventId: string, seconds: number, extra: Partial<SimEvent> = {}): SimEvent {
  return { eventId, eventType: 196893, eventTime: T + seconds * 1000, arrivalTime: T + seconds * 1000, personId: 'p1', doorIndexCode: 'D1', readerIndexCode: 'R-IN', checkInAndOutType: 1, cardNo: null, picUri: null, ...extra };
}

function truth(events: SimEvent[]) {
  const scenario: HikScenario = {
    site: { timezone: 'America/Argentina/Buenos_Aires' },
    persons: [
      { personId: 'p1', personCode: '20001', personGivenName: 'A', personFamilyName: 'B', orgIndexCode: '1', phoneNo: '', email: '', cardNos: [], customFields: {} },
      { personId: 'p2', personCode: '20002', personGivenName: 'C', personFamilyName: 'D', orgIndexCode: '1', phoneNo: '', email: '', cardNos: [], customFields: {} },
    ],
    doors: [{ doorIndexCode: 'D1', doorName: 'Reloj', readers: [{ readerIndexCode: 'R-IN', readerName: 'in' }, { readerIndexCode: 'R-OUT', readerName: 'out' }, { readerIndexCode: 'R-X', readerName: 'x' }] }],
    events,
  };
  return computeGroundTruth(scenario, readers);
}

describe('computeGroundTruth: the counting rules', () => {
  it.each([
    ['a granted face at the entry clock is a clock-in', [event('e', 0)], { kind: 'clock-in' }],
    ['a valid card at the exit clock is a clock-out', [event('e', 0, { eventType: 198914, readerIndexCode: 'R-OUT' })], { kind: 'clock-out' }],
    ['a combined mode (196887) counts', [event('e', 0, { eventType: 196887 })], { kind: 'clock-in' }],
    ['a refused face never counts', [event('e', 0, { eventType: 197151 })], { kind: 'noise', reason: 'refused' }],
    ['a reader that is not a time clock never counts', [event('e', 0, { readerIndexCode: 'R-X' })], { kind: 'noise', reason: 'not-time-clock' }],
    ['a door-state event never counts', [event('e', 0, { eventType: 198913, personId: null, readerIndexCode: null })], { kind: 'noise', reason: 'door-state' }],
    ['a granted event naming nobody is no-person', [event('e', 0, { personId: null })], { kind: 'noise', reason: 'no-person' }],
    ['a personId the site does not know is no-person', [event('e', 0, { personId: 'ghost' })], { kind: 'noise', reason: 'no-person' }],
  ] as const)('%s', (_name, events, outcome) => {
    expect(truth([...events]).events.e).toEqual(outcome);
  });

  it('a second passage within 60 s of the same person collapses into the first; at 61 s it counts', () => {
    const result = truth([event('first', 0), event('tap', 60, { readerIndexCode: 'R-OUT' }), event('other-person', 30, { personId: 'p2' }), event('later', 121, { readerIndexCode: 'R-OUT' })]);
    expect(result.events.tap).toEqual({ kind: 'noise', reason: 'double-tap' });
    expect(result.events['other-person']).toEqual({ kind: 'clock-in' });
    expect(result.events.later).toEqual({ kind: 'clock-out' });
    expect(result.timelines['20001']?.map((p) => p.type)).toEqual(['START', 'END']);
  });

  it('a refusal just before a granted passage does not make the passage a double tap', () => {
    const result = truth([event('refused', 0, { eventType: 197151 }), event('granted', 5)]);
    expect(result.events.granted).toEqual({ kind: 'clock-in' });
  });

  it('orders by event time, not by arrival or list order, and keys timelines by personCode', () => {
    const result = truth([event('out', 3600, { readerIndexCode: 'R-OUT', arrivalTime: T }), event('in', 0, { arrivalTime: T + 7200_000 })]);
    expect(result.timelines).toEqual({
      '20001': [
        { type: 'START', time: T, readerIndexCode: 'R-IN' },
        { type: 'END', time: T + 3600_000, readerIndexCode: 'R-OUT' },
      ],
    });
  });
});
