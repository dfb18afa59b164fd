import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startOpsWorld, type OpsWorld } from './helpers/ops-world.js';
import { until } from './helpers/until.js';
import { tapBy } from '../e2e/harness.js';

let w: OpsWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The decision model's actions on the dashboard's API (issue #9): fixed by hand in Humand, and reprocess. */
describe('dashboard: fixed in Humand and reprocess', () => {
  it('closes a review punch fixed by hand, previews a reprocess (what a person closed stays closed), and refuses what is not JSON from an allowed origin', async () => {
    w = await startOpsWorld({ employees: 6, seed: 21 });
    const { app, ops, world } = w;
    await app.refreshMappings();
    const employee = world.day.employees[0]!;
    // A clock-out with no clock-in: Humand would refuse it, so it is in review.
    const { newPunchIds } = await app.ingest(
      [tapBy(employee, 'fx-1', '2026-01-27T23:20:00-03:00', { readerIndexCode: '201', doorIndexCode: '2', checkInAndOutType: 2 })],
      'push',
    );
    const id = newPunchIds[0]!;
    await app.deliverPending();
    await until('the punch in review', async () => (await app.store.getPunch(id))?.outcome === 'review');
    const problems = (await (await request(`${ops.url}/api/problems`)).body.json()) as { review: { id: number }[] };
    expect(problems.review.map((p) => p.id)).toEqual([id]);

    expect((await post(`${ops.url}/api/problems/fixed`, { ids: [id] }, { origin: 'http://rebind.evil.example' })).statusCode).toBe(403);
    expect((await request(`${ops.url}/api/problems/fixed`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'ids=1' })).statusCode).toBe(415);
    expect((await post(`${ops.url}/api/problems/fixed`, { ids: [] })).statusCode).toBe(400);
    expect((await app.store.getPunch(id))?.outcome).toBe('review');

    const fixed = await post(`${ops.url}/api/problems/fixed`, { ids: [id], by: 'Marta (RR. HH.)' });
    expect(await fixed.body.json()).toEqual({ closed: 1 });
    const closed = await app.store.getPunch(id);
    expect(closed).toMatchObject({ outcome: 'covered' });
    expect(closed!.reason).toMatch(/^covered: fixed by hand in Humand \(marked by Marta \(RR\. HH\.\), the dashboard\)/);

    const bad = await post(`${ops.url}/api/reprocess`, { from: '2026-01-28', to: '2026-01-27', dryRun: true });
    expect(bad.statusCode).toBe(400);
    expect(((await bad.body.json()) as { error: string }).error).toMatch(/to is before from/);
    const preview = await post(`${ops.url}/api/reprocess`, { from: '2026-01-27', to: '2026-01-27', dryRun: true });
    expect(preview.statusCode).toBe(200);
    const result = (await preview.body.json()) as { dryRun: boolean; considered: number; changes: unknown[] };
    expect(result.dryRun).toBe(true);
    // What a person closed stays closed: it is not even looked at again.
    expect(result.considered).toBe(0);
  });
});
