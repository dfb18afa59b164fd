import { describe, expect, it } from 'vitest';
import { E2eRuns, expectedTimelines, humandTimelines, startWorld } from './harness.js';

const HOUR = 3_600_000;
const SEED = 21;

describe('a person deleted in HikCentral at noon (issue #9, item 7; real HTTP, both simulators)', () => {
  const runs = new E2eRuns();

  it.each([
    { why: 'from the history kept at the persons refresh', forgetHistory: false },
    { why: 'from their own morning punch when no history was kept (deleted before this version ran)', forgetHistory: true },
  ])('still gets their afternoon clock-out delivered: the last known code $why', async ({ forgetHistory }) => {
    const probe = await startWorld({ employees: 40, seed: SEED });
    const day = probe.day;
    await probe.close();
    const noon = day.window.startMs + 12 * HOUR + 3 * HOUR; // 12:00 at a -03:00 site
    // Office workers: clocked in in the morning, clock out in the evening.
    const leavers = day.employees.filter((e) => {
      const timeline = day.expected.timelines[e.employeeInternalId] ?? [];
      return timeline.length >= 2 && timeline[0]!.time < noon - HOUR && timeline[timeline.length - 1]!.time > noon + 3 * HOUR;
    });
    expect(leavers.length).toBeGreaterThan(0);

    const { world, app, clock } = await runs.start({ dirPrefix: 'e2e-deleted-', clockAt: noon - HOUR, employees: 40, seed: SEED });
    const morning = await app.syncOnce();
    expect(morning.pollError).toBeNull();
    for (const e of leavers) expect(world.humand.state.timeline(e.employeeInternalId).length).toBeGreaterThan(0);

    for (const e of leavers) expect(world.hik.state.removePerson(e.personId)).toBe(true);
    // Well past the persons refresh interval: the next pass lists persons without them.
    for (let at = noon + 2 * HOUR; at <= day.window.endMs + 2 * HOUR; at += 2 * HOUR) {
      clock.jumpTo(at);
      const pass = await app.syncOnce();
      expect(pass.pollError).toBeNull();
      if (forgetHistory) await app.store.setMeta('hik_person_history', '{}');
    }
    expect((await app.store.listPersons()).some((p) => leavers.some((e) => e.personId === p.personId))).toBe(false);
    const expected = expectedTimelines(world);
    const delivered = humandTimelines(world);
    for (const e of leavers) expect(delivered[e.employeeInternalId]).toEqual(expected[e.employeeInternalId]);
    for (const e of leavers) expect(await app.punches({ personId: e.personId, outcome: 'unmapped', limit: 100 })).toEqual([]);
  });
});
