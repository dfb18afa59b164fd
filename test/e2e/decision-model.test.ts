import { describe, expect, it } from 'vitest';
import type { RulesConfig, TimeClockRule } from '../../src/config/types.js';
import { E2eRuns, tapBy, type WorldOnClock } from './harness.js';
import { syncAttention } from '../../src/cli/format/sync-attention.js';

const NOW = Date.parse('2026-01-27T20:00:00-03:00');
const ENTRY: TimeClockRule = { door: null, reader: 'Facial Entrada', mode: 'door', direction: 'in', debounceMs: null, label: 'Entrada' };
const EXIT: TimeClockRule = { door: null, reader: 'Facial Salida', mode: 'door', direction: 'out', debounceMs: null, label: 'Salida' };

/** Issue #9, end to end over HTTP: what happens after a failure, and after a configuration typo is fixed. */
describe('the decision model in the running pipeline', () => {
  const runs = new E2eRuns();

  async function open(on: WorldOnClock, rules: Partial<RulesConfig> = { timeClocks: [ENTRY, EXIT], settleDelayMs: 0 }) {
    const app = await runs.openApp(on, { overrides: { rules } });
    await app.refreshMappings();
    return app;
  }

  function tapsOf(on: WorldOnClock, who: number) {
    const employee = on.world.day.employees[who]!;
    let n = 0;
    const tap = (time: string, reader: 'Facial Entrada' | 'Facial Salida') =>
      tapBy(employee, `dm-${who}-${++n}`, time, {
        readerIndexCode: reader === 'Facial Entrada' ? '101' : '201',
        readerName: reader,
        doorIndexCode: reader === 'Facial Entrada' ? '1' : '2',
      });
    const timeline = () =>
      on.world.humand.state
        .timeline(employee.employeeInternalId)
        .map((e) => `${e.type} ${e.time.slice(11, 16)}${e.source === 'INTEGRATION' ? '' : ` (${e.source})`}`);
    return { employee, tap, timeline };
  }

  // Issue #9 case 3: after an outage the 12:55 clock-out goes dead; nothing after it may be decided against a day that lacks it.
  it('later punches wait behind a dead one, and re-driving it delivers the whole day in order', async () => {
    const on = await runs.startWorld({ dirPrefix: 'e2e-dm-', clockAt: NOW, employees: 6, seed: 4 });
    const app = await open(on);
    const { tap, timeline } = tapsOf(on, 1);
    await app.ingest([tap('2026-01-27T09:06:00-03:00', 'Facial Entrada')], 'push');
    await app.deliverPending();
    on.world.humand.faults.set({ fail5xxNext: 1_000 });
    await app.ingest(
      [
        tap('2026-01-27T12:55:00-03:00', 'Facial Salida'),
        tap('2026-01-27T13:50:00-03:00', 'Facial Entrada'),
        tap('2026-01-27T17:56:00-03:00', 'Facial Salida'),
      ],
      'push',
    );
    const blocked = await app.syncOnce({ skipPoll: true });

    expect(timeline()).toEqual(['START 09:06']);
    const outcomes = (await app.punches({ employeeId: on.world.day.employees[1]!.employeeInternalId })).map((p) => `${p.eventTime.slice(11, 16)} ${p.outcome}`);
    expect(outcomes).toEqual(['09:06 delivered', '12:55 dead', '13:50 waiting', '17:56 waiting']);
    // A scheduled sync says so, and keeps saying so until a person acts.
    expect(blocked.needsPerson).toBe(true);
    expect(syncAttention(blocked).join('\n')).toMatch(/1 punch dead after retries[\s\S]*2 punches waiting behind a dead punch/);
    on.world.humand.faults.clear();
    expect((await app.syncOnce({ skipPoll: true })).needsPerson).toBe(true);

    const [dead] = await app.deadLetters.list();
    expect(await app.deadLetters.retry({ ids: [dead!.id] })).toBe(1);
    await app.deliverPending();
    expect(timeline()).toEqual(['START 09:06', 'END 12:55', 'START 13:50', 'END 17:56']);
    expect((await app.syncOnce({ skipPoll: true })).needsPerson).toBe(false);
  });

  it('a problem fixed by hand in Humand is closed, and the punches after it are decided against the corrected day', async () => {
    const on = await runs.startWorld({ dirPrefix: 'e2e-dm-', clockAt: NOW, employees: 6, seed: 4 });
    const app = await open(on);
    const { employee, tap, timeline } = tapsOf(on, 2);
    // A forgotten clock-in: the clock-out has nothing to close. Then the afternoon.
    await app.ingest([tap('2026-01-27T12:00:00-03:00', 'Facial Salida')], 'push');
    await app.deliverPending();
    const [review] = await app.deadLetters.list();
    expect(review).toMatchObject({ outcome: 'review' });
    expect(review!.reason).toMatch(/^needs review: a clock-out with no clock-in before it in Humand/);
    expect(timeline()).toEqual([]);

    // HR enters the day by hand in Humand (both entries), and marks the punch fixed.
    on.world.humand.state.addAppEntry({
      employeeInternalId: employee.employeeInternalId,
      time: '2026-01-27T08:00:00.000-03:00',
      type: 'START',
      source: 'MANUAL',
    });
    on.world.humand.state.addAppEntry({
      employeeInternalId: employee.employeeInternalId,
      time: '2026-01-27T12:00:00.000-03:00',
      type: 'END',
      source: 'MANUAL',
    });
    expect(await app.deadLetters.markFixed({ ids: [review!.id] }, 'hr@example.com')).toBe(1);
    await app.ingest([tap('2026-01-27T13:00:00-03:00', 'Facial Entrada'), tap('2026-01-27T17:00:00-03:00', 'Facial Salida')], 'push');
    await app.deliverPending();

    expect(timeline()).toEqual(['START 08:00 (MANUAL)', 'END 12:00 (MANUAL)', 'START 13:00', 'END 17:00']);
    const fixed = await app.punches({ ids: [review!.id] });
    expect(fixed[0]).toMatchObject({ outcome: 'covered' });
    expect(fixed[0]!.reason).toMatch(/fixed by hand in Humand \(marked by hr@example\.com\)/);
    expect(await app.deadLetters.list()).toEqual([]);
  });

  // Issue #9 case 4: a time clock named with a typo records real passages as "not a time-clock door".
  it('fixing a time-clock typo re-decides the punches recorded under it — by itself at the next pass, after a dry-run diff says what would change', async () => {
    const on = await runs.startWorld({ dirPrefix: 'e2e-dm-', clockAt: NOW, employees: 6, seed: 4 });
    const typo = await open(on, { timeClocks: [{ ...ENTRY, reader: 'Facial Entrda' }, EXIT], settleDelayMs: 0 });
    const { tap, timeline } = tapsOf(on, 3);
    await typo.ingest([tap('2026-01-27T08:00:00-03:00', 'Facial Entrada'), tap('2026-01-27T17:00:00-03:00', 'Facial Salida')], 'push');
    await typo.syncOnce({ skipPoll: true });
    expect((await typo.punches({ employeeId: on.world.day.employees[3]!.employeeInternalId })).map((p) => p.outcome)).toEqual(['ignored', 'review']);
    expect((await typo.punches({ outcome: 'ignored' })).map((p) => p.reason)).toContain('ignored: not a time-clock door');
    await typo.close();

    const fixed = await open(on);
    const preview = await fixed.reprocess({ from: '2026-01-27', to: '2026-01-27', dryRun: true });
    expect(preview.changes.map((c) => `${c.eventTime.slice(11, 16)} ${c.from} → ${c.to}`)).toEqual(['08:00 ignored → queued']);
    expect(preview.nowQueued).toBe(1);
    expect(preview.redecidedAtDelivery).toBe(1);
    expect(timeline()).toEqual([]);

    // No command needed: the next pass sees the rules changed and decides the last days again.
    await fixed.syncOnce({ skipPoll: true });
    expect(timeline()).toEqual(['START 08:00', 'END 17:00']);
    expect((await fixed.reprocess({ from: '2026-01-27', to: '2026-01-27', dryRun: true })).changes).toEqual([]);
  });

  it('a clock-in with no clock-out after the longest shift is an open day in status, for HR to close in Humand', async () => {
    const on = await runs.startWorld({ dirPrefix: 'e2e-dm-', clockAt: NOW, employees: 6, seed: 4 });
    const app = await open(on);
    const { employee, tap } = tapsOf(on, 4);
    await app.ingest([tap('2026-01-27T14:00:00-03:00', 'Facial Entrada')], 'push');
    await app.deliverPending();
    expect((await app.status()).openDays).toEqual([]);
    on.clock.jumpTo(Date.parse('2026-01-28T06:30:00-03:00'));
    const [openDay, ...more] = (await app.status()).openDays ?? [];
    expect(more).toEqual([]);
    expect(openDay).toMatchObject({ employeeId: employee.employeeInternalId, startMs: Date.parse('2026-01-27T14:00:00-03:00') });
  });
});
