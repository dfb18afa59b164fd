import { tapBy } from '../../e2e/harness.js';
import type { OpsWorld } from './ops-world.js';
import { until } from './until.js';

/** A dead punch (Humand failed, one attempt allowed) and a rejected one (user deactivated in Humand), over a real App. */
export async function deadAndRejected(world: OpsWorld): Promise<{ dead: number; rejected: number }> {
  const { app, world: site } = world;
  await app.refreshMappings();
  const [first, second] = site.day.employees;
  site.humand.faults.set({ fail5xxNext: 1 });
  const dead = (await app.ingest([tapBy(first!, 'hr-dead', '2026-01-27T22:00:00-03:00', { checkInAndOutType: 1 })], 'push')).newPunchIds[0]!;
  await app.deliverPending();
  await until('the punch to die', async () => (await app.store.getPunch(dead))?.outcome === 'dead');
  site.humand.faults.clear();
  site.humand.state.deactivateUser(second!.employeeInternalId); // our user cache still says ACTIVE
  const rejected = (await app.ingest([tapBy(second!, 'hr-rejected', '2026-01-27T22:05:00-03:00', { checkInAndOutType: 1 })], 'push')).newPunchIds[0]!;
  await app.deliverPending();
  await until('the punch rejected', async () => (await app.store.getPunch(rejected))?.outcome === 'rejected');
  return { dead, rejected };
}
