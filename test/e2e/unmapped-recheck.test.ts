import { describe, expect, it } from 'vitest';
import { E2eRuns, expectedTimelines, humandTimelines, startWorld, tapBy } from './harness.js';

const NOW = Date.parse('2026-01-29T12:00:00Z');
const MINUTE = 60_000;
const USERS_REFRESH = 15 * MINUTE; // configFor's USERS_REFRESH_INTERVAL

describe('parked (unmapped) punches at a site with visitors (real HTTP, both simulators)', () => {
  const runs = new E2eRuns();

  it('are not decided again on every pass, nor after a user sync that found the same users — and are still delivered as soon as the mapping appears', async () => {
    const probe = await startWorld({ employees: 30, seed: 6 });
    const punching = probe.day.employees.filter((e) => (probe.day.expected.timelines[e.employeeInternalId]?.length ?? 0) > 0);
    await probe.close();
    const visitors = punching.slice(0, 6); // in HikCentral, never in Humand
    const { world, app, clock } = await runs.start({
      dirPrefix: 'e2e-recheck-',
      clockAt: NOW,
      employees: 30,
      seed: 6,
      withoutUsers: visitors.map((v) => v.employeeInternalId),
    });

    const first = await app.syncOnce();
    const parked = first.counts.unmapped;
    expect(parked).toBeGreaterThan(visitors.length);

    // Passes with nothing new: nothing parked is decided again.
    for (let i = 1; i <= 3; i++) {
      clock.jumpTo(NOW + i * MINUTE);
      const pass = await app.syncOnce();
      expect(pass.evaluation.evaluated).toBe(0);
      expect(pass.counts.unmapped).toBe(parked);
    }

    // A visitor punches again: parked too, with the same reason.
    const visitor = visitors[0]!;
    const tap = tapBy(visitor, 'visitor-again', new Date(NOW + 3 * MINUTE).toISOString());
    await app.ingest([tap], 'push');
    clock.jumpTo(NOW + 4 * MINUTE);
    const afterTap = await app.syncOnce({ skipPoll: true });
    expect(afterTap.counts.unmapped).toBe(parked + 1);
    expect(afterTap.evaluation.evaluated).toBe(0); // the push was decided when it came in

    // The periodic user sync finds the same users: still nothing parked is decided again.
    clock.jumpTo(NOW + USERS_REFRESH + 5 * MINUTE);
    const sameUsers = await app.syncOnce();
    expect(sameUsers.mappings.users).not.toBeNull(); // the users were read again
    expect(sameUsers.evaluation.evaluated).toBe(0);

    // Two visitors become employees in Humand: the next user sync changes the mapping inputs,
    // and their parked punches are delivered without anyone asking.
    const hired = visitors.slice(1, 3);
    let hiredParked = 0;
    for (const e of hired) {
      hiredParked += (await app.punches({ personId: e.personId, outcome: 'unmapped', limit: 1000 })).length;
      world.humand.state.addUser({ employeeInternalId: e.employeeInternalId, firstName: e.firstName, lastName: e.lastName });
    }
    clock.jumpTo(NOW + 2 * USERS_REFRESH + 10 * MINUTE);
    const changed = await app.syncOnce();
    expect(changed.evaluation.evaluated).toBe(parked + 1);
    expect(changed.counts.unmapped).toBe(parked + 1 - hiredParked);
    const expected = expectedTimelines(world);
    const delivered = humandTimelines(world);
    for (const e of hired) expect(delivered[e.employeeInternalId]).toEqual(expected[e.employeeInternalId]);
  });
});
