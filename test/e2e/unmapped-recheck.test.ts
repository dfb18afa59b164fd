import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import type { AccessEvent } from '../../src/domain/access-event.js';
import { silentLogger } from '../../src/logging/logger.js';
import { configFor, expectedTimelines, humandTimelines, startWorld, type World } from './harness.js';
import { ShiftedClock } from './shifted-clock.js';

const NOW = Date.parse('2026-01-29T12:00:00Z');
const MINUTE = 60_000;
const USERS_REFRESH = 15 * MINUTE; // configFor's USERS_REFRESH_INTERVAL

describe('parked (unmapped) punches at a site with visitors (real HTTP, both simulators)', () => {
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

  it('are not decided again on every pass, nor after a user sync that found the same users — and are still delivered as soon as the mapping appears', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-recheck-'));
    const probe = await startWorld({ employees: 30, seed: 6 });
    const punching = probe.day.employees.filter((e) => (probe.day.expected.timelines[e.employeeInternalId]?.length ?? 0) > 0);
    await probe.close();
    const visitors = punching.slice(0, 6); // in HikCentral, never in Humand
    const clock = new ShiftedClock(NOW);
    world = await startWorld({ employees: 30, seed: 6, clock, withoutUsers: visitors.map((v) => v.employeeInternalId) });
    app = await createApp({ config: configFor(world, path.join(dir, 'ledger.db')), logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });

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
    const tap: AccessEvent = {
      eventId: 'visitor-again',
      eventCode: 196893,
      eventTime: new Date(NOW + 3 * MINUTE).toISOString(),
      personId: visitor.personId,
      personCode: visitor.employeeInternalId,
      personName: null,
      cardNo: null,
      doorIndexCode: '1',
      doorName: null,
      readerIndexCode: '101',
      readerName: null,
      checkInAndOutType: 1,
      inAndOutType: null,
      raw: {},
    };
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
