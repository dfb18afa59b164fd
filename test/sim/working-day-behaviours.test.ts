import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ALL_BEHAVIOURS, generateWorkingDay, type GeneratedWorkingDay } from '../../src/sim/scenario/working-day.js';
import { HumandSimState } from '../../src/sim/humand/index.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';

const ZONE = 'America/Argentina/Buenos_Aires';
const base = { date: '2026-01-27', timezone: ZONE, employees: 200, seed: 7 };
const fingerprint = (day: GeneratedWorkingDay) =>
  createHash('sha256')
    .update(JSON.stringify({ s: day.scenario, t: day.expected.timelines, e: day.expected.events }))
    .digest('hex')
    .slice(0, 16);
const verdicts = (day: GeneratedWorkingDay) => Object.values(day.expected.events);
const count = (day: GeneratedWorkingDay, reason: string) => verdicts(day).filter((v) => v.kind === 'noise' && v.reason === reason).length;

/** Feeds every expected timeline into a Humand simulator that enforces its rules: nothing may be refused. */
function humandAccepts(day: GeneratedWorkingDay): void {
  const state = new HumandSimState({ clock: new AutoAdvanceClock(day.window.endMs + 86_400_000), futureToleranceMs: 0, autoCloseOpenDays: false });
  for (const employee of day.employees)
    state.addUser({ employeeInternalId: employee.employeeInternalId, firstName: employee.firstName, lastName: employee.lastName });
  for (const [employee, punches] of Object.entries(day.expected.timelines)) {
    for (const punch of punches) {
      const time = DateTime.fromMillis(punch.time, { zone: day.scenario.site.timezone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
      state.addAppEntry({ employeeInternalId: employee, time, type: punch.type, enforceRules: true });
    }
  }
}

describe('generateWorkingDay with issue #9 behaviours', () => {
  it("uploads each reader's events first in, first out: none reaches the platform before an earlier one of its reader", () => {
    for (const day of [
      generateWorkingDay(base),
      generateWorkingDay({ ...base, behaviours: ALL_BEHAVIOURS }),
      generateWorkingDay({ ...base, behaviours: { oneTerminal: true, reTapRate: 0.3 } }),
    ]) {
      const latest = new Map<string, number>();
      for (const event of day.scenario.events) {
        if (event.readerIndexCode === null) continue;
        expect(event.arrivalTime).toBeGreaterThanOrEqual(latest.get(event.readerIndexCode) ?? 0);
        expect(event.arrivalTime).toBeGreaterThanOrEqual(event.eventTime);
        latest.set(event.readerIndexCode, event.arrivalTime);
      }
    }
  });

  // Recorded again when uploads became first-in first-out per reader (the events and verdicts are
  // those of 6ef5637; only arrival times moved, never earlier).
  it('without behaviours gives exactly the day it gave before they existed (fingerprints recorded with FIFO uploads)', () => {
    expect(fingerprint(generateWorkingDay({ ...base, seed: 20260127 }))).toBe('be642cea1e2a41bf');
    expect(fingerprint(generateWorkingDay(base))).toBe('bed25e3804455302');
    expect(fingerprint(generateWorkingDay({ ...base, employees: 40, seed: 3 }))).toBe('8f2e2d91b7c03418');
    expect(generateWorkingDay({ ...base, behaviours: {} })).toEqual(generateWorkingDay(base));
    const plain = generateWorkingDay(base);
    expect(plain.appEntries).toEqual([]);
    expect(plain.deletions).toEqual([]);
    expect(plain.expected.review).toEqual([]);
  });

  const day = generateWorkingDay({ ...base, behaviours: ALL_BEHAVIOURS });

  it('is deterministic and has every behaviour in it', () => {
    expect(generateWorkingDay({ ...base, behaviours: ALL_BEHAVIOURS })).toEqual(day);
    expect(count(day, 'corrected')).toBeGreaterThanOrEqual(4); // wrong-reader taps
    expect(count(day, 'covered')).toBeGreaterThan(0); // app + terminal seconds apart
    expect(count(day, 'double-tap')).toBeGreaterThan(0);
    expect(day.appEntries.some((e) => e.type === 'START')).toBe(true);
    expect(day.appEntries.some((e) => e.type === 'END')).toBe(true);
    expect(day.expected.review.length).toBeGreaterThan(0); // forgotten clock-ins: END without START
    expect(day.expected.openDays.length).toBeGreaterThan(0); // forgotten clock-outs
    expect(day.deletions.length).toBeGreaterThan(0);
    expect(day.employees.some((e) => e.shift === 'early')).toBe(true);
    expect(day.scenario.site.readerTimeZones).toEqual({ '201': 'UTC' });
  });

  it('puts early clock-ins before the 04:00 day boundary, and brings some who forgot to clock out back for one the next day', () => {
    const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });
    const early = Object.values(day.expected.timelines)
      .flat()
      .filter((p) => p.type === 'START' && local(p.time).hour < 4);
    expect(early.some((p) => local(p.time).toISODate() === '2026-01-27')).toBe(true);
    expect(early.some((p) => local(p.time).toISODate() === '2026-01-28')).toBe(true);
    // Someone has START (day 1), START (day 2, before 04:00), END: the lost 8-hour shift.
    const lostShift = Object.values(day.expected.timelines).some(
      (t) => t.length >= 3 && t[0]?.type === 'START' && t[1]?.type === 'START' && local(t[1].time).hour < 4 && t[2]?.type === 'END',
    );
    expect(lostShift).toBe(true);
  });

  it("has the issue's app pattern: terminal START, app END, terminal START, terminal END", () => {
    const appDay = generateWorkingDay({ ...base, behaviours: { appRate: 0.6 } });
    const pattern = Object.values(appDay.expected.timelines).some(
      (t) => t.map((p) => `${p.type}${p.source ? '/app' : ''}`).join(' ') === 'START END/app START END',
    );
    expect(pattern).toBe(true);
  });

  it('ground truth: every expected timeline is one Humand accepts entry by entry, app entries included', () => {
    expect(() => humandAccepts(day)).not.toThrow();
    for (const entry of day.appEntries)
      expect(day.expected.timelines[entry.employeeInternalId]?.some((p) => p.source === 'APP' && p.time === entry.time)).toBe(true);
  });

  it('wrong-reader taps reach the platform together with the tap that was meant', () => {
    const byId = new Map(day.scenario.events.map((e) => [e.eventId, e]));
    for (const [eventId, verdict] of Object.entries(day.expected.events)) {
      if (verdict.kind !== 'noise' || verdict.reason !== 'corrected') continue;
      const wrong = byId.get(eventId)!;
      const meant = day.scenario.events.find(
        (e) =>
          e.personId === wrong.personId &&
          e.eventId !== eventId &&
          Math.abs(e.eventTime - wrong.eventTime) <= 60_000 &&
          e.readerIndexCode !== wrong.readerIndexCode &&
          e.readerIndexCode !== null &&
          ['101', '201'].includes(e.readerIndexCode),
      );
      expect(meant?.arrivalTime).toBe(wrong.arrivalTime);
    }
  });

  it('a one-terminal site in alternate mode: night shifts close the next morning, re-taps never flip', () => {
    const one = generateWorkingDay({ ...base, employees: 120, behaviours: { oneTerminal: true, reTapRate: 0.2 } });
    expect(one.timeClockReaders).toEqual([expect.objectContaining({ readerIndexCode: '101', mode: 'alternate' })]);
    expect(one.scenario.events.some((e) => e.readerIndexCode === '201')).toBe(false);
    for (const employee of one.employees.filter((e) => e.shift === 'night')) {
      expect(one.expected.timelines[employee.employeeInternalId]?.map((p) => p.type)).toEqual(['START', 'END']);
    }
    expect(count(one, 'double-tap')).toBeGreaterThan(10);
    expect(one.expected.review).toEqual([]);
    expect(() => humandAccepts(one)).not.toThrow();
  });

  it('a DST site (Europe/Madrid, the night the clocks go forward): every entry filed under its local date', () => {
    const madrid = generateWorkingDay({ date: '2026-03-28', timezone: 'Europe/Madrid', employees: 60, seed: 5, behaviours: ALL_BEHAVIOURS });
    const nights = madrid.employees.filter((e) => e.shift === 'night');
    expect(nights.length).toBeGreaterThan(0);
    for (const night of nights) {
      const ends = (madrid.expected.timelines[night.employeeInternalId] ?? []).filter((p) => p.type === 'END');
      for (const end of ends) expect(DateTime.fromMillis(end.time, { zone: 'Europe/Madrid' }).offset).toBe(120);
    }
    expect(() => humandAccepts(madrid)).not.toThrow();
  });

  it('refuses rates outside [0, 1] and per-employee rates adding up to more than 1', () => {
    expect(() => generateWorkingDay({ ...base, behaviours: { appRate: 1.5 } })).toThrow(/appRate/);
    expect(() => generateWorkingDay({ ...base, behaviours: { appRate: 0.6, wrongReaderRate: 0.6 } })).toThrow(/add up/);
  });
});
