import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import type { AccessEvent } from '../../src/domain/access-event.js';
import type { GeneratedEmployee } from '../../src/sim/scenario/index.js';
import { configFor, memoryLogger, startWorld, type World } from './harness.js';
import { ShiftedClock } from './shifted-clock.js';

const [DEBUG, INFO, WARN, ERROR] = ['debug', 'info', 'warn', 'error'];

function tap(employee: GeneratedEmployee, eventId: string, time: string): AccessEvent {
  return {
    eventId,
    eventCode: 196893,
    eventTime: time,
    personId: employee.personId,
    personCode: employee.employeeInternalId,
    personName: null,
    cardNo: null,
    doorIndexCode: '1',
    doorName: null,
    readerIndexCode: '101',
    readerName: 'Facial Entrada',
    checkInAndOutType: 1,
    inAndOutType: null,
    raw: {},
  };
}

describe('log levels and correlation ids on a working day (real HTTP, both simulators)', () => {
  let world: World | undefined;
  let app: App | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    await world?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    app = undefined;
    world = undefined;
  });

  it('other doors are debug noise; mapping failures warn; delivered, rejected and dead are info, warn and error; every punch line carries its id', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-logs-'));
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    const probe = await startWorld({ employees: 20, seed: 3 });
    const working = probe.day.employees.find((e) => (probe.day.expected.timelines[e.employeeInternalId]?.length ?? 0) > 0)!;
    // Two others, tapping two days after the generated day: one Humand will reject, one it never answers.
    const [absentA, absentB] = probe.day.employees.filter((e) => e !== working);
    await probe.close();
    if (!absentA || !absentB) throw new Error('three employees expected');
    world = await startWorld({ employees: 20, seed: 3, clock, withoutUsers: [working.employeeInternalId] });
    const { logger, lines } = memoryLogger('debug');
    app = await createApp({ config: configFor(world, path.join(dir, 'ledger.db')), logger, overrides: { clock, rateResetMarginMs: 50 } });

    await app.syncOnce(); // the generated day: other doors, refusals, door states, one employee unmapped, the rest delivered
    world.humand.state.setUserStatus(absentA.employeeInternalId, 'DEACTIVATED'); // our cache still says ACTIVE: Humand rejects
    await app.ingest([tap(absentA, 'will-be-rejected', '2026-01-29T08:00:00-03:00')], 'push');
    await app.syncOnce({ skipPoll: true });
    world.humand.faults.set({ fail5xxNext: 1_000 });
    await app.ingest([tap(absentB, 'will-be-dead', '2026-01-29T08:00:00-03:00')], 'push');
    await app.syncOnce({ skipPoll: true });
    world.humand.faults.clear();

    const all = lines();
    const levelsOf = (match: (line: Record<string, unknown>) => boolean) => [...new Set(all.filter(match).map((l) => l.level))];
    const otherDoor = (l: Record<string, unknown>) => l.outcome === 'ignored' && l.reason === 'ignored: not a time-clock door';
    expect(all.filter(otherDoor).length).toBeGreaterThan(10);
    expect(levelsOf(otherDoor)).toEqual([DEBUG]);
    expect(levelsOf((l) => l.outcome === 'ignored')).toEqual([DEBUG]);
    expect(levelsOf((l) => l.outcome === 'unmapped')).toEqual([WARN]);
    expect(levelsOf((l) => l.outcome === 'delivered')).toEqual([INFO]);
    expect(levelsOf((l) => l.outcome === 'rejected')).toEqual([WARN]);
    expect(levelsOf((l) => l.outcome === 'dead')).toEqual([ERROR]);
    expect(levelsOf((l) => l.outcome === 'queued')).toEqual([INFO]);

    // Every line about a punch names it: its correlation id, and its eventId.
    const aboutAPunch = all.filter((l) => 'outcome' in l || 'eventId' in l || (typeof l.msg === 'string' && /^(punch |event processed|mapping failure|sending |Humand (accepted|did not accept)|read back|retrying|dry run)/.test(l.msg)));
    expect(aboutAPunch.length).toBeGreaterThan(100);
    for (const line of aboutAPunch) expect(line, JSON.stringify(line)).toMatchObject({ punch: expect.stringMatching(/^p-\d+$/), eventId: expect.any(String) });

    // At the default level the other doors are not in the log at all.
    const quiet = all.filter((l) => l.level !== DEBUG && l.level !== 'trace');
    expect(quiet.filter((l) => l.outcome === 'ignored')).toEqual([]);
  });
});
