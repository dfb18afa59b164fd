import { afterEach, describe, expect, it } from 'vitest';
import { ALL_BEHAVIOURS, type DayBehaviours } from '../../src/sim/scenario/working-day.js';
import { BehaviourDayRun, expectedLines, humandLines, reviewEventIds } from './behaviour-day.js';

/**
 * Issue #9: generated days with what real employees do, replayed over real HTTP against both
 * simulators, must end with every Humand timeline exactly as the decision spec's rules say
 * (docs/simulators.md, "ground truth"), times as Humand holds them (the site's offset), and
 * exactly the expected punches in `review`.
 *
 * These need the decision model of issue #9 (branch `decide`). On the model before it they
 * fail; the plain generated day (generated-day.test.ts) must keep passing on both.
 */
const CASES: ReadonlyArray<{ name: string; behaviours: DayBehaviours; employees?: number; date?: string; timezone?: string }> = [
  { name: 'wrong-reader taps at shift start and end (both mirrors)', behaviours: { wrongReaderRate: 0.3 } },
  { name: 'app clock-ins/outs written into Humand as another source', behaviours: { appRate: 0.4 } },
  {
    name: 'forgotten clock-outs, early shifts before the 04:00 boundary, forgotten clock-ins',
    behaviours: { forgottenClockOutRate: 0.25, forgottenClockInRate: 0.1, earlyShiftRate: 0.3 },
  },
  { name: 'a one-terminal site in alternate mode with night shifts and re-taps', behaviours: { oneTerminal: true, reTapRate: 0.3 } },
  { name: 'readers writing UTC (Z) and another offset', behaviours: { readerTimeZones: { '101': 'UTC+1', '201': 'UTC' } } },
  { name: 'persons deleted in HikCentral at noon', behaviours: { deletedAtNoonRate: 0.3 } },
  {
    name: 'a DST site (Europe/Madrid, the night the clocks go forward) with every behaviour',
    behaviours: ALL_BEHAVIOURS,
    date: '2026-03-28',
    timezone: 'Europe/Madrid',
  },
  { name: 'every behaviour at once', behaviours: ALL_BEHAVIOURS, employees: 120 },
];

let run: BehaviourDayRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe('NEEDS THE DECISION MODEL (issue #9): a generated day with real-life behaviours equals its ground truth exactly — poll', () => {
  it.each(CASES)('$name', async ({ behaviours, employees, date, timezone }) => {
    run = new BehaviourDayRun();
    const { day, world, app } = await run.poll({
      employees: employees ?? 60,
      seed: 11,
      behaviours,
      ...(date ? { date } : {}),
      ...(timezone ? { timezone } : {}),
    });
    expect(humandLines(world)).toEqual(expectedLines(day));
    expect(await reviewEventIds(app)).toEqual([...day.expected.review].sort());
    // Nothing is left dead, rejected or unmapped: what is not sent is in review, with its reason.
    const counts = await app.store.countsByOutcome();
    expect({ dead: counts.dead, rejected: counts.rejected, unmapped: counts.unmapped }).toEqual({ dead: 0, rejected: 0, unmapped: 0 });
  });
});

describe('NEEDS THE DECISION MODEL (issue #9): a generated day with real-life behaviours equals its ground truth exactly — push', () => {
  it('every behaviour at once, pushed hour by hour', async () => {
    run = new BehaviourDayRun();
    const { day, world, app } = await run.push({ employees: 80, seed: 12, behaviours: ALL_BEHAVIOURS });
    expect(world.hik.state.pushAttempts().every((a) => a.outcome === 'delivered')).toBe(true);
    expect(humandLines(world)).toEqual(expectedLines(day));
    expect(await reviewEventIds(app)).toEqual([...day.expected.review].sort());
  });

  it('a one-terminal site in alternate mode, pushed hour by hour', async () => {
    run = new BehaviourDayRun();
    const { day, world } = await run.push({ employees: 60, seed: 13, behaviours: { oneTerminal: true, reTapRate: 0.3 } });
    expect(humandLines(world)).toEqual(expectedLines(day));
  });
});
