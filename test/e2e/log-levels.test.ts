import { describe, expect, it } from 'vitest';
import { E2eRuns, memoryLogger, startWorld, tapBy } from './harness.js';

const [DEBUG, INFO, WARN, ERROR] = ['debug', 'info', 'warn', 'error'];

describe('log levels and correlation ids on a working day (real HTTP, both simulators)', () => {
  const runs = new E2eRuns();

  it('other doors are debug noise; mapping failures warn; delivered, rejected and dead are info, warn and error; every punch line carries its id', async () => {
    const probe = await startWorld({ employees: 20, seed: 3 });
    const working = probe.day.employees.find((e) => (probe.day.expected.timelines[e.employeeInternalId]?.length ?? 0) > 0)!;
    // Two others, tapping two days after the generated day: one Humand will reject, one it never answers.
    const [absentA, absentB] = probe.day.employees.filter((e) => e !== working);
    await probe.close();
    if (!absentA || !absentB) throw new Error('three employees expected');
    const { logger, lines } = memoryLogger('debug');
    const { world, app } = await runs.start(
      { dirPrefix: 'e2e-logs-', clockAt: Date.parse('2026-01-29T12:00:00Z'), employees: 20, seed: 3, withoutUsers: [working.employeeInternalId] },
      { logger },
    );

    await app.syncOnce(); // the generated day: other doors, refusals, door states, one employee unmapped, the rest delivered
    world.humand.state.setUserStatus(absentA.employeeInternalId, 'DEACTIVATED'); // our cache still says ACTIVE: Humand rejects
    await app.ingest([tapBy(absentA, 'will-be-rejected', '2026-01-29T08:00:00-03:00', { readerName: 'Facial Entrada' })], 'push');
    await app.syncOnce({ skipPoll: true });
    world.humand.faults.set({ fail5xxNext: 1_000 });
    await app.ingest([tapBy(absentB, 'will-be-dead', '2026-01-29T08:00:00-03:00', { readerName: 'Facial Entrada' })], 'push');
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
    const aboutAPunch = all.filter(
      (l) =>
        'outcome' in l ||
        'eventId' in l ||
        (typeof l.msg === 'string' &&
          /^(punch |event processed|mapping failure|sending |Humand (accepted|did not accept)|read back|retrying|dry run)/.test(l.msg)),
    );
    expect(aboutAPunch.length).toBeGreaterThan(100);
    for (const line of aboutAPunch) expect(line, JSON.stringify(line)).toMatchObject({ punch: expect.stringMatching(/^p-\d+$/), eventId: expect.any(String) });

    // At the default level the other doors are not in the log at all.
    const quiet = all.filter((l) => l.level !== DEBUG && l.level !== 'trace');
    expect(quiet.filter((l) => l.outcome === 'ignored')).toEqual([]);
  });
});
