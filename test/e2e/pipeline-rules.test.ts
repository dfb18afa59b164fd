import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../src/domain/access-event.js';
import type { RulesConfig } from '../../src/config/types.js';
import { E2eRuns } from './harness.js';

const NOW = Date.parse('2026-01-27T20:00:00-03:00');

describe('decisions in the running pipeline (pushed events, real Humand simulator)', () => {
  const runs = new E2eRuns();

  async function setUp(rules: Partial<RulesConfig>) {
    const { clock, world, app } = await runs.start({ dirPrefix: 'e2e-rules-', clockAt: NOW, employees: 8, seed: 2 }, { overrides: { rules } });
    await app.refreshMappings();
    const employees = world.day.employees;
    let n = 0;
    const tap = (who: number, time: string, reader: '101' | '201', device = 0): AccessEvent => ({
      eventId: `t-${++n}`,
      eventCode: 196893,
      eventTime: time,
      personId: employees[who]!.personId,
      personCode: employees[who]!.employeeInternalId,
      personName: null,
      cardNo: null,
      doorIndexCode: reader === '101' ? '1' : '2',
      doorName: null,
      readerIndexCode: reader,
      readerName: reader === '101' ? 'Facial Entrada' : 'Facial Salida',
      checkInAndOutType: device,
      inAndOutType: null,
      raw: {},
    });
    const timeline = (who: number) => world.humand.state.timeline(employees[who]!.employeeInternalId).map((e) => `${e.type} ${e.time}`);
    return { clock, world, app, tap, timeline, employees };
  }

  it('device and alternate modes, a second clock-in in review, night shifts across the day boundary, future hold and late earlier taps', async () => {
    const { clock, app, tap, timeline, employees } = await setUp({
      timeClocks: [
        { door: null, reader: '101', mode: 'device', direction: null, debounceMs: null, label: 'Entrada' },
        { door: null, reader: '201', mode: 'alternate', direction: null, debounceMs: null, label: 'Salida' },
      ],
      settleDelayMs: 5_000,
      dayBoundaryHour: 4,
    });
    await app.ingest(
      [
        // 0: the device says in/out; the alternate reader continues from the last entry of the day.
        tap(0, '2026-01-27T08:00:00-03:00', '101', 1),
        tap(0, '2026-01-27T12:00:00-03:00', '101', 2),
        tap(0, '2026-01-27T13:00:00-03:00', '201'),
        tap(0, '2026-01-27T17:00:00-03:00', '201'),
        // 1: a second clock-in with no clock-out between is not sent: Humand would refuse it, so it is in review with its reason.
        tap(1, '2026-01-27T08:00:00-03:00', '101', 1),
        tap(1, '2026-01-27T09:00:00-03:00', '101', 1),
        tap(1, '2026-01-27T17:00:00-03:00', '101', 2),
        // 2: night shift on the alternate reader: 02:00 belongs to the day that started at 22:00.
        tap(2, '2026-01-26T22:00:00-03:00', '201'),
        tap(2, '2026-01-27T02:00:00-03:00', '201'),
        // 3: ten minutes in the future (beyond the 2 min skew tolerance): held.
        tap(3, '2026-01-27T20:10:00-03:00', '101', 1),
        // 4: a tap inside the settle delay; its earlier twin arrives a moment later.
        tap(4, '2026-01-27T19:59:58-03:00', '101', 1),
      ],
      'push',
    );
    await app.ingest([tap(4, '2026-01-27T19:59:40-03:00', '101', 1)], 'push');
    clock.jumpTo(NOW + 10_000);
    await app.deliverPending();

    expect(timeline(0)).toEqual([
      'START 2026-01-27T08:00:00.000-03:00',
      'END 2026-01-27T12:00:00.000-03:00',
      'START 2026-01-27T13:00:00.000-03:00',
      'END 2026-01-27T17:00:00.000-03:00',
    ]);
    expect(timeline(1)).toEqual(['START 2026-01-27T08:00:00.000-03:00', 'END 2026-01-27T17:00:00.000-03:00']);
    const review = await app.punches({ employeeId: employees[1]!.employeeInternalId, outcome: 'review' });
    expect(review.map((p) => p.eventTime)).toEqual(['2026-01-27T09:00:00-03:00']);
    expect(review[0]!.reason).toMatch(/^needs review: Humand already has a clock-in that day at 2026-01-27 08:00:00 .*forgotten clock-out/);
    // Decided from Humand's own day: it was read before leaving the punch unsent.
    expect(review[0]!.history.map((a) => `${a.kind} ${a.method} ${a.path}`)).toEqual(['reconcile GET /time-tracking/day-summaries']);
    expect(timeline(2)).toEqual(['START 2026-01-26T22:00:00.000-03:00', 'END 2026-01-27T02:00:00.000-03:00']);
    expect(timeline(4)).toEqual(['START 2026-01-27T19:59:40.000-03:00']);
    expect((await app.punches({ employeeId: employees[4]!.employeeInternalId, outcome: 'debounced' })).map((p) => p.eventTime)).toEqual([
      '2026-01-27T19:59:58-03:00',
    ]);

    expect(timeline(3)).toEqual([]);
    const held = await app.punches({ employeeId: employees[3]!.employeeInternalId });
    expect(held.map((p) => p.outcome)).toEqual(['held']);
    clock.jumpTo(Date.parse('2026-01-27T20:10:06-03:00'));
    await app.deliverPending();
    expect(timeline(3)).toEqual(['START 2026-01-27T20:10:00.000-03:00']);
  });

  it("a punch Humand rejects is a dead letter with Humand's message; retried after the fix, it is delivered", async () => {
    const { world, app, tap, timeline, employees } = await setUp({ settleDelayMs: 0 });
    world.humand.state.setUserStatus(employees[5]!.employeeInternalId, 'DEACTIVATED'); // our user cache still says ACTIVE
    await app.ingest([tap(5, '2026-01-27T08:00:00-03:00', '101', 1)], 'push');
    const summary = await app.syncOnce({ skipPoll: true });
    expect(summary.needsPerson).toBe(true);
    const dead = await app.deadLetters.list();
    expect(dead).toHaveLength(1);
    expect(dead[0]!.outcome).toBe('rejected');
    expect(dead[0]!.reason).toMatch(/^rejected: .*deactivated/i);
    expect(dead[0]!.history.map((a) => `${a.kind} ${a.status}`)).toEqual(['clock null', 'clock 400', 'reconcile 200']);

    world.humand.state.setUserStatus(employees[5]!.employeeInternalId, 'ACTIVE');
    expect(await app.deadLetters.retry({ all: true })).toBe(1);
    await app.deliverPending();
    expect(timeline(5)).toEqual(['START 2026-01-27T08:00:00.000-03:00']);
    expect(await app.deadLetters.list()).toHaveLength(0);
  });

  it('gives up after the configured attempts (dead), and a retry by a person delivers it', async () => {
    const { world, app, tap, timeline } = await setUp({ settleDelayMs: 0 });
    world.humand.faults.set({ fail5xxNext: 1_000 });
    await app.ingest([tap(6, '2026-01-27T08:00:00-03:00', '101', 1)], 'push');
    await app.syncOnce({ skipPoll: true });
    const [dead] = await app.deadLetters.list();
    expect(dead?.outcome).toBe('dead');
    expect(dead?.reason).toMatch(/^dead: gave up after 8 attempts/);
    world.humand.faults.clear();
    await app.deadLetters.retry({ ids: [dead!.id] });
    await app.deliverPending();
    expect(timeline(6)).toEqual(['START 2026-01-27T08:00:00.000-03:00']);
  });
});
