import { describe, expect, it } from 'vitest';
import { DAY, E2eRuns, expectedTimelines, humandTimelines, SITE_TZ } from './harness.js';
import { DateTime } from 'luxon';

const DOOR_EVENTS = '/artemis/api/acs/v1/door/events';

describe('backfill of several days (issue #14 drain)', () => {
  const runs = new E2eRuns();

  it('starts delivering the first day while the later days are still read from HikCentral', async () => {
    const { world, app } = await runs.start({ dirPrefix: 'e2e-backfill-slices-', clockAt: Date.parse('2026-02-05T12:00:00Z'), employees: 20, seed: 12 });
    // A slow HikCentral: each page of door events takes 400 ms.
    world.hik.faults.set({ delayMs: 400, delayPath: DOOR_EVENTS });
    const fromMs = DateTime.fromISO(DAY, { zone: SITE_TZ }).toMillis();
    const toMs = DateTime.fromISO(DAY, { zone: SITE_TZ }).plus({ days: 4 }).toMillis();

    const result = await app.backfill({ fromMs, toMs });

    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
    expect(result.scan.events).toBe(world.day.scenario.events.length);
    expect(result.deliverySteps).toBeGreaterThan(0);
    const reads = world.hik.state.requests().filter((r) => r.path === DOOR_EVENTS);
    const posts = world.humand.state.requests.filter((r) => r.method === 'POST' && /clock(In|Out)$/.test(r.path));
    // Four days read one after the other; the first day's entries reached Humand before the last read.
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(posts[0]!.at).toBeLessThan(reads[reads.length - 1]!.at);
  }, 60_000);
});
