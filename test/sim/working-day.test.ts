import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ACCESS_GRANTED_CODES, computeGroundTruth, DOOR_STATE_CODES, generateWorkingDay } from '../../src/sim/scenario/index.js';

const ZONE = 'America/Argentina/Buenos_Aires';
const options = { date: '2026-01-27', timezone: ZONE, employees: 200, seed: 20260127 };

describe('generateWorkingDay', () => {
  const day = generateWorkingDay(options);
  const { scenario, expected, timeClockReaders } = day;
  const clockReaders = new Set(timeClockReaders.map((r) => r.readerIndexCode));
  const clockDoors = new Set(timeClockReaders.map((r) => r.doorIndexCode));
  const localDate = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toISODate();

  it('is deterministic: the same options give the same day; another seed gives another', () => {
    expect(generateWorkingDay(options)).toEqual(day);
    const other = generateWorkingDay({ ...options, seed: options.seed + 1 });
    expect(other.scenario.events.map((e) => e.eventId)).not.toEqual(scenario.events.map((e) => e.eventId));
  });

  it('generates 200 employees well under a second (best of 3, so a busy shared machine does not decide)', () => {
    const timings = [7, 8, 9].map((seed) => {
      const started = performance.now();
      generateWorkingDay({ ...options, seed });
      return performance.now() - started;
    });
    expect(Math.min(...timings)).toBeLessThan(1000);
  });

  it('has two time-clock readers, Facial Entrada (in, status 1) and Facial Salida (out, status 2)', () => {
    expect(timeClockReaders.map((r) => [r.readerName, r.direction])).toEqual([
      ['Facial Entrada', 'in'],
      ['Facial Salida', 'out'],
    ]);
    for (const reader of timeClockReaders) {
      const statuses = new Set(scenario.events.filter((e) => e.readerIndexCode === reader.readerIndexCode).map((e) => e.checkInAndOutType));
      expect([...statuses]).toEqual([reader.direction === 'in' ? 1 : 2]);
    }
  });

  it('gives every present employee a timeline that alternates START/END, starting with START and ending with END', () => {
    const timelines = Object.entries(expected.timelines);
    expect(timelines.length).toBeGreaterThanOrEqual(180);
    for (const [, punches] of timelines) {
      expect(punches.length % 2).toBe(0);
      punches.forEach((punch, i) => expect(punch.type).toBe(i % 2 === 0 ? 'START' : 'END'));
      punches.forEach((punch, i) => i > 0 && expect(punch.time).toBeGreaterThan(punches[i - 1]?.time ?? 0));
    }
    const absent = day.employees.filter((e) => e.shift === 'absent').map((e) => e.employeeInternalId);
    expect(absent.length).toBeGreaterThan(0);
    for (const id of absent) expect(expected.timelines[id]).toBeUndefined();
  });

  it('keys timelines by employee number (personCode), which never equals a personId', () => {
    const codes = new Set(scenario.persons.map((p) => p.personCode));
    const ids = new Set(scenario.persons.map((p) => p.personId));
    for (const key of Object.keys(expected.timelines)) expect(codes.has(key)).toBe(true);
    for (const id of ids) expect(codes.has(id)).toBe(false);
    expect(day.employees.map((e) => e.employeeInternalId).sort()).toEqual([...codes].sort());
  });

  it('sends ~90% of traffic through doors that are not time clocks', () => {
    const share = scenario.events.filter((e) => !clockDoors.has(e.doorIndexCode)).length / scenario.events.length;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.95);
  });

  it('has a night shift that starts on the day and ends the next morning', () => {
    const night = Object.values(expected.timelines).filter(
      (punches) => localDate(punches[0]?.time ?? 0) === '2026-01-27' && localDate(punches.at(-1)?.time ?? 0) === '2026-01-28',
    );
    expect(night.length).toBeGreaterThanOrEqual(10);
  });

  it('has lunch exits and re-entries through the time clocks (4 punches) for some', () => {
    expect(Object.values(expected.timelines).some((punches) => punches.length === 4)).toBe(true);
  });

  it('contains every kind of noise a middleware must ignore', () => {
    const reasons = new Map<string, number>();
    for (const outcome of Object.values(expected.events)) if (outcome.kind === 'noise') reasons.set(outcome.reason, (reasons.get(outcome.reason) ?? 0) + 1);
    for (const reason of ['not-time-clock', 'refused', 'double-tap', 'door-state', 'no-person']) expect(reasons.get(reason) ?? 0).toBeGreaterThan(0);
    const doubleTaps = scenario.events.filter(
      (e) => expected.events[e.eventId]?.kind === 'noise' && (expected.events[e.eventId] as { reason: string }).reason === 'double-tap',
    );
    for (const tap of doubleTaps) {
      const first = scenario.events.find(
        (e) =>
          e.personId === tap.personId &&
          e.readerIndexCode === tap.readerIndexCode &&
          e.eventTime < tap.eventTime &&
          tap.eventTime - e.eventTime <= 60_000 &&
          ACCESS_GRANTED_CODES.includes(e.eventType),
      );
      expect(first).toBeDefined();
    }
    expect(scenario.events.some((e) => DOOR_STATE_CODES.includes(e.eventType) && e.personId === null)).toBe(true);
  });

  it('classifies every event, and the classification agrees with the rules recomputed from the scenario', () => {
    expect(Object.keys(expected.events).sort()).toEqual(scenario.events.map((e) => e.eventId).sort());
    expect(computeGroundTruth(scenario, timeClockReaders)).toEqual(expected);
  });

  it('has face-only persons whose events carry no card number', () => {
    const faceOnly = new Set(scenario.persons.filter((p) => p.cardNos.length === 0).map((p) => p.personId));
    expect(faceOnly.size).toBeGreaterThan(10);
    const theirPunches = scenario.events.filter((e) => e.personId !== null && faceOnly.has(e.personId) && clockReaders.has(e.readerIndexCode ?? ''));
    expect(theirPunches.length).toBeGreaterThan(0);
    expect(theirPunches.every((e) => e.cardNo === null)).toBe(true);
  });

  it('has devices that upload late: time-clock events arriving minutes to an hour after they happened', () => {
    const lateness = scenario.events.filter((e) => clockReaders.has(e.readerIndexCode ?? '')).map((e) => e.arrivalTime - e.eventTime);
    expect(lateness.every((ms) => ms >= 0)).toBe(true);
    expect(lateness.filter((ms) => ms > 5 * 60_000).length).toBeGreaterThan(5);
    expect(Math.max(...lateness)).toBeLessThanOrEqual(65 * 60_000);
    expect(generateWorkingDay({ ...options, lateDevices: false }).scenario.events.every((e) => e.arrivalTime - e.eventTime <= 15 * 60_000)).toBe(true);
  });

  it('gives some persons the Legajo custom field, equal to their employee number', () => {
    const withLegajo = scenario.persons.filter((p) => p.customFields.Legajo !== undefined);
    expect(withLegajo.length).toBeGreaterThan(20);
    expect(withLegajo.every((p) => p.customFields.Legajo === p.personCode)).toBe(true);
  });

  it('writes event times in whole seconds, inside the announced window', () => {
    expect(scenario.events.every((e) => e.eventTime % 1000 === 0 && e.eventTime >= day.window.startMs && e.eventTime < day.window.endMs)).toBe(true);
  });

  it('refuses bad options with a message naming them', () => {
    expect(() => generateWorkingDay({ ...options, date: '27/01/2026' })).toThrow(/date/);
    expect(() => generateWorkingDay({ ...options, timezone: 'Mars/Olympus' })).toThrow(/timezone/);
    expect(() => generateWorkingDay({ ...options, employees: -1 })).toThrow(/employees/);
  });

  it('works for tiny sites too (1 and 2 employees; 2 already include a night shift)', () => {
    expect(Object.keys(generateWorkingDay({ ...options, employees: 1 }).expected.timelines).length).toBeLessThanOrEqual(1);
    const two = generateWorkingDay({ ...options, employees: 2 });
    expect(two.employees.some((e) => e.shift === 'night')).toBe(true);
  });
});
