import { describe, expect, it } from 'vitest';
import { computeGroundTruth, type HikScenario, type SimEvent, type TimeClockReader } from '../../src/sim/scenario/index.js';

const readers: TimeClockReader[] = [
  { readerIndexCode: 'R-IN', readerName: 'Facial Entrada', doorIndexCode: 'D1', doorName: 'Reloj', direction: 'in' },
  { readerIndexCode: 'R-OUT', readerName: 'Facial Salida', doorIndexCode: 'D1', doorName: 'Reloj', direction: 'out' },
];
const T = Date.parse('2026-01-27T08:00:00-03:00');

function event(eventId: string, seconds: number, extra: Partial<SimEvent> = {}): SimEvent {
  return {
    eventId,
    eventType: 196893,
    eventTime: T + seconds * 1000,
    arrivalTime: T + seconds * 1000,
    personId: 'p1',
    doorIndexCode: 'D1',
    readerIndexCode: 'R-IN',
    checkInAndOutType: 1,
    cardNo: null,
    picUri: null,
    ...extra,
  };
}

function truth(events: SimEvent[]) {
  const scenario: HikScenario = {
    site: { timezone: 'America/Argentina/Buenos_Aires' },
    persons: [
      {
        personId: 'p1',
        personCode: '20001',
        personGivenName: 'A',
        personFamilyName: 'B',
        orgIndexCode: '1',
        phoneNo: '',
        email: '',
        cardNos: [],
        customFields: {},
      },
      {
        personId: 'p2',
        personCode: '20002',
        personGivenName: 'C',
        personFamilyName: 'D',
        orgIndexCode: '1',
        phoneNo: '',
        email: '',
        cardNos: [],
        customFields: {},
      },
    ],
    doors: [
      {
        doorIndexCode: 'D1',
        doorName: 'Reloj',
        readers: [
          { readerIndexCode: 'R-IN', readerName: 'in' },
          { readerIndexCode: 'R-OUT', readerName: 'out' },
          { readerIndexCode: 'R-X', readerName: 'x' },
        ],
      },
    ],
    events,
  };
  return computeGroundTruth(scenario, readers);
}

describe('computeGroundTruth: the counting rules', () => {
  it.each([
    ['a granted face at the entry clock is a clock-in', [event('e', 0)], { kind: 'clock-in' }],
    [
      'a valid card at the exit clock after a clock-in is a clock-out',
      [event('in', -3600), event('e', 0, { eventType: 198914, readerIndexCode: 'R-OUT' })],
      { kind: 'clock-out' },
    ],
    [
      'a clock-out with no clock-in before it needs review (Humand refuses an END without START)',
      [event('e', 0, { readerIndexCode: 'R-OUT' })],
      { kind: 'review', type: 'END', why: 'end-without-start' },
    ],
    ['a combined mode (196887) counts', [event('e', 0, { eventType: 196887 })], { kind: 'clock-in' }],
    ['a refused face never counts', [event('e', 0, { eventType: 197151 })], { kind: 'noise', reason: 'refused' }],
    ['a reader that is not a time clock never counts', [event('e', 0, { readerIndexCode: 'R-X' })], { kind: 'noise', reason: 'not-time-clock' }],
    ['a door-state event never counts', [event('e', 0, { eventType: 198913, personId: null, readerIndexCode: null })], { kind: 'noise', reason: 'door-state' }],
    ['a granted event naming nobody is no-person', [event('e', 0, { personId: null })], { kind: 'noise', reason: 'no-person' }],
    ['a personId the site does not know is no-person', [event('e', 0, { personId: 'ghost' })], { kind: 'noise', reason: 'no-person' }],
  ] as const)('%s', (_name, events, outcome) => {
    expect(truth([...events]).events.e).toEqual(outcome);
  });

  it('an opposite tap within 60 s of the same person is the wrong reader (corrected); at 61 s it counts', () => {
    const result = truth([
      event('first', 0),
      event('tap', 60, { readerIndexCode: 'R-OUT' }),
      event('other-person', 30, { personId: 'p2' }),
      event('later', 121, { readerIndexCode: 'R-OUT' }),
    ]);
    expect(result.events.tap).toEqual({ kind: 'noise', reason: 'corrected' });
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

/** Hand-checked small days for the decision model's rules (issue #9, DECISION-SPEC rules 2–6, 12). */
describe('computeGroundTruth: the decision model on hand-checked days', () => {
  const ZONE = 'America/Argentina/Buenos_Aires';
  const at = (local: string) => Date.parse(`${local}-03:00`);
  const tap = (eventId: string, local: string, reader: 'R-IN' | 'R-OUT' | 'R-ONE', personId = 'p1'): SimEvent => ({
    eventId,
    eventType: 196893,
    eventTime: at(local),
    arrivalTime: at(local),
    personId,
    doorIndexCode: 'D1',
    readerIndexCode: reader,
    checkInAndOutType: 0,
    cardNo: null,
    picUri: null,
  });
  const app = (type: 'START' | 'END', local: string) => ({
    employeeInternalId: '20001',
    type,
    time: at(local),
    isoTime: `${local}.000-03:00`,
    source: 'APP' as const,
  });
  const scenario = (events: SimEvent[], zone = ZONE): HikScenario => ({
    site: { timezone: zone },
    persons: [
      {
        personId: 'p1',
        personCode: '20001',
        personGivenName: 'A',
        personFamilyName: 'B',
        orgIndexCode: '1',
        phoneNo: '',
        email: '',
        cardNos: [],
        customFields: {},
      },
    ],
    doors: [
      {
        doorIndexCode: 'D1',
        doorName: 'Reloj',
        readers: [
          { readerIndexCode: 'R-IN', readerName: 'in' },
          { readerIndexCode: 'R-OUT', readerName: 'out' },
          { readerIndexCode: 'R-ONE', readerName: 'one' },
        ],
      },
    ],
    events,
  });
  const oneTerminal: TimeClockReader[] = [
    { readerIndexCode: 'R-ONE', readerName: 'Reloj', doorIndexCode: 'D1', doorName: 'Reloj', direction: 'in', mode: 'alternate' },
  ];
  const lines = (truth: ReturnType<typeof computeGroundTruth>) =>
    (truth.timelines['20001'] ?? []).map((p) => `${p.type} ${new Date(p.time).toLocaleTimeString('en-GB', { timeZone: ZONE })}${p.source ? ' app' : ''}`);

  it('wrong reader at the end of a shift (issue case 1): clocked in, so the clock-out was meant', () => {
    const truth = computeGroundTruth(
      scenario([tap('in', '2026-01-27T06:01:00', 'R-IN'), tap('wrong', '2026-01-27T14:03:00', 'R-IN'), tap('meant', '2026-01-27T14:03:40', 'R-OUT')]),
      readers,
    );
    expect(lines(truth)).toEqual(['START 06:01:00', 'END 14:03:40']);
    expect(truth.events.wrong).toEqual({ kind: 'noise', reason: 'corrected' });
    expect(truth.review).toEqual([]);
  });

  it('its mirror at the start of a shift: not clocked in, so the clock-in was meant', () => {
    const truth = computeGroundTruth(
      scenario([tap('wrong', '2026-01-27T06:00:00', 'R-OUT'), tap('meant', '2026-01-27T06:00:40', 'R-IN'), tap('out', '2026-01-27T14:00:00', 'R-OUT')]),
      readers,
    );
    expect(lines(truth)).toEqual(['START 06:00:40', 'END 14:00:00']);
    expect(truth.events.wrong).toEqual({ kind: 'noise', reason: 'corrected' });
  });

  it('a same-reader double tap of a corrected tap is not debounced against it', () => {
    const truth = computeGroundTruth(
      scenario([tap('in', '2026-01-27T06:00:00', 'R-IN'), tap('meant', '2026-01-27T14:00:00', 'R-OUT'), tap('again', '2026-01-27T14:00:10', 'R-OUT')]),
      readers,
    );
    expect(truth.events.again).toEqual({ kind: 'noise', reason: 'double-tap' });
    expect(lines(truth)).toEqual(['START 06:00:00', 'END 14:00:00']);
  });

  it('app entries count (issue case 2): terminal START, app END, terminal START, terminal END all stand', () => {
    const truth = computeGroundTruth(
      scenario([tap('s1', '2026-01-27T06:01:00', 'R-IN'), tap('s2', '2026-01-27T11:00:00', 'R-IN'), tap('e2', '2026-01-27T14:03:00', 'R-OUT')]),
      readers,
      {},
      [app('END', '2026-01-27T10:00:00')],
    );
    expect(lines(truth)).toEqual(['START 06:01:00', 'END 10:00:00 app', 'START 11:00:00', 'END 14:03:00']);
    expect(truth.events.s2).toEqual({ kind: 'clock-in' });
  });

  it('a terminal tap seconds after the same entry in the app is covered', () => {
    const truth = computeGroundTruth(scenario([tap('s', '2026-01-27T06:00:30', 'R-IN'), tap('e', '2026-01-27T14:00:00', 'R-OUT')]), readers, {}, [
      app('START', '2026-01-27T06:00:00'),
    ]);
    expect(truth.events.s).toEqual({ kind: 'noise', reason: 'covered' });
    expect(lines(truth)).toEqual(['START 06:00:00 app', 'END 14:00:00']);
  });

  it('a forgotten clock-out, then an early shift before the 04:00 boundary (issue case 2): all three sent, the open day flagged', () => {
    const truth = computeGroundTruth(
      scenario([tap('s1', '2026-01-27T14:00:00', 'R-IN'), tap('s2', '2026-01-28T03:45:00', 'R-IN'), tap('e2', '2026-01-28T12:00:00', 'R-OUT')]),
      readers,
    );
    expect(lines(truth)).toEqual(['START 14:00:00', 'START 03:45:00', 'END 12:00:00']);
    expect(truth.openDays).toEqual([{ employeeInternalId: '20001', time: at('2026-01-27T14:00:00') }]);
  });

  it('two clock-ins on one Humand date, or a clock-out with no clock-in: review, not sent', () => {
    const truth = computeGroundTruth(
      scenario([tap('s1', '2026-01-27T06:00:00', 'R-IN'), tap('s2', '2026-01-27T09:00:00', 'R-IN'), tap('e', '2026-01-27T14:00:00', 'R-OUT')]),
      readers,
    );
    expect(truth.events.s2).toEqual({ kind: 'review', type: 'START', why: 'same-type-same-day' });
    expect(truth.review).toEqual(['s2']);
    expect(lines(truth)).toEqual(['START 06:00:00', 'END 14:00:00']);
  });

  it('one terminal in alternate mode: a night shift closes the next morning, a re-tap never flips the day (issue case 5)', () => {
    const truth = computeGroundTruth(
      scenario([
        tap('n-in', '2026-01-27T22:00:00', 'R-ONE'),
        tap('n-out', '2026-01-28T06:05:00', 'R-ONE'),
        tap('d-in', '2026-01-28T22:00:00', 'R-ONE'),
        tap('retap', '2026-01-28T22:02:00', 'R-ONE'),
        tap('d-out', '2026-01-29T06:00:00', 'R-ONE'),
      ]),
      oneTerminal,
    );
    expect(lines(truth)).toEqual(['START 22:00:00', 'END 06:05:00', 'START 22:00:00', 'END 06:00:00']);
    expect(truth.events.retap).toEqual({ kind: 'noise', reason: 'double-tap' });
  });

  it('alternate mode starts afresh after the maximum open shift (16 h)', () => {
    const truth = computeGroundTruth(
      scenario([tap('a', '2026-01-27T06:00:00', 'R-ONE'), tap('b', '2026-01-28T00:30:00', 'R-ONE'), tap('c', '2026-01-28T08:00:00', 'R-ONE')]),
      oneTerminal,
    );
    expect(lines(truth)).toEqual(['START 06:00:00', 'START 00:30:00', 'END 08:00:00']);
    expect(truth.openDays.map((d) => d.time)).toEqual([at('2026-01-27T06:00:00')]);
    // 16 h later on the same Humand date it would be a second START that day: review.
    const sameDay = computeGroundTruth(scenario([tap('a', '2026-01-27T06:00:00', 'R-ONE'), tap('b', '2026-01-27T22:30:00', 'R-ONE')]), oneTerminal);
    expect(sameDay.review).toEqual(['b']);
  });

  it('files entries under the local date on a DST night (Europe/Madrid, 2026-03-29 02:00 → 03:00)', () => {
    const madrid = (local: string, offset: string) => Date.parse(`${local}${offset}`);
    const events: SimEvent[] = [
      { ...tap('in', '2026-03-28T22:00:00', 'R-IN'), eventTime: madrid('2026-03-28T22:00:00', '+01:00'), arrivalTime: madrid('2026-03-28T22:00:00', '+01:00') },
      {
        ...tap('out', '2026-03-29T06:00:00', 'R-OUT'),
        eventTime: madrid('2026-03-29T06:00:00', '+02:00'),
        arrivalTime: madrid('2026-03-29T06:00:00', '+02:00'),
      },
      // 03:30 local is after the jump: a clock-in the same night would be on the 29th in Humand, not a twin of the 28th's
      {
        ...tap('late', '2026-03-29T07:00:00', 'R-IN'),
        eventTime: madrid('2026-03-29T07:00:00', '+02:00'),
        arrivalTime: madrid('2026-03-29T07:00:00', '+02:00'),
      },
    ];
    const truth = computeGroundTruth(scenario(events, 'Europe/Madrid'), readers);
    expect(truth.events.out).toEqual({ kind: 'clock-out' });
    expect(truth.events.late).toEqual({ kind: 'clock-in' });
    expect(truth.timelines['20001']?.map((p) => p.time)).toEqual([
      madrid('2026-03-28T22:00:00', '+01:00'),
      madrid('2026-03-29T06:00:00', '+02:00'),
      madrid('2026-03-29T07:00:00', '+02:00'),
    ]);
  });
});
