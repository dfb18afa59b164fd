import { describe, expect, it } from 'vitest';
import type { TimeClockRule } from '../../src/config/types.js';
import { E2eRuns, tapBy, type WorldOnClock } from './harness.js';

const NOW = Date.parse('2026-01-27T20:00:00-03:00');
const EXIT: TimeClockRule = { door: null, reader: 'Facial Salida', mode: 'door', direction: 'out', debounceMs: null, label: 'Salida' };
const EMPLOYEES = [0, 1, 2, 3];

/**
 * A backlog of clock-outs whose clock-ins were made in the app: each needs Humand's day before
 * it is sent (our ledger has no clock-in), and one day-summaries request reads them all.
 */
describe("reading Humand's days for several employees at once", () => {
  const runs = new E2eRuns();

  async function backlogOfAppClockIns(on: WorldOnClock) {
    const app = await runs.openApp(on, { overrides: { rules: { timeClocks: [EXIT], settleDelayMs: 0 } } });
    await app.refreshMappings();
    const taps = EMPLOYEES.map((who) => {
      const employee = on.world.day.employees[who]!;
      on.world.humand.state.addAppEntry({
        employeeInternalId: employee.employeeInternalId,
        time: '2026-01-27T08:0' + who + ':00-03:00',
        type: 'START',
        source: 'APP',
      });
      return tapBy(employee, `rt-${who}`, '2026-01-27T17:0' + who + ':00-03:00', { readerIndexCode: '201', readerName: 'Facial Salida', doorIndexCode: '2' });
    });
    await app.ingest(taps, 'backfill');
    return app;
  }

  const summaryReads = (on: WorldOnClock) => on.world.humand.state.requests.filter((r) => r.path.endsWith('/time-tracking/day-summaries'));
  const timelines = (on: WorldOnClock) =>
    EMPLOYEES.map((who) =>
      on.world.humand.state
        .timeline(on.world.day.employees[who]!.employeeInternalId)
        .map((e) => `${e.type} ${e.time.slice(11, 16)}`)
        .join(','),
    );

  it('one request covers every waiting employee, and each clock-out is sent after its app clock-in', async () => {
    const on = await runs.startWorld({ dirPrefix: 'e2e-rt-', clockAt: NOW, employees: 6, seed: 4 });
    const app = await backlogOfAppClockIns(on);
    await app.deliverPending();
    expect(timelines(on)).toEqual(['START 08:00,END 17:00', 'START 08:01,END 17:01', 'START 08:02,END 17:02', 'START 08:03,END 17:03']);
    const reads = summaryReads(on);
    // The first read alone (until day summaries have answered once), then one for all the others.
    expect(reads).toHaveLength(2);
    const first = String(reads[0]!.query.employeeIds).split(',');
    expect(first).toHaveLength(1);
    expect([...first, ...String(reads[1]!.query.employeeIds).split(',')].sort()).toEqual(
      EMPLOYEES.map((who) => on.world.day.employees[who]!.employeeInternalId).sort(),
    );
    // The punch that asked shows the read in its history, with whom it was read.
    const histories = (await app.punches({})).flatMap((p) => p.history.filter((a) => a.kind === 'reconcile'));
    expect(histories).toHaveLength(2);
    expect(histories.map((a) => (a.requestBody as { employeeIds: string[] }).employeeIds.length).sort()).toEqual([1, EMPLOYEES.length - 1]);
  });

  it('where a tenant refuses day summaries (entries per employee), each employee is read alone', async () => {
    const on = await runs.startWorld({ dirPrefix: 'e2e-rt-', clockAt: NOW, employees: 6, seed: 4 });
    on.world.humand.state.setReadRefusals({ daySummaries: true });
    const app = await backlogOfAppClockIns(on);
    await app.deliverPending();
    expect(timelines(on)).toEqual(['START 08:00,END 17:00', 'START 08:01,END 17:01', 'START 08:02,END 17:02', 'START 08:03,END 17:03']);
    const entryReads = on.world.humand.state.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/time-tracking/entries'));
    // One per employee (the first decision also learns that summaries are refused).
    expect(new Set(entryReads.map((r) => r.query.employeeId)).size).toBe(EMPLOYEES.length);
    expect(entryReads).toHaveLength(EMPLOYEES.length);
  });
});
