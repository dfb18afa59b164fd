import { afterEach, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app/index.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import type { LedgerStore } from '../../../src/store/store.js';
import { configFor, expectedTimelines, humandTimelines, startWorld, type World } from '../../e2e/harness.js';
import { ShiftedClock } from '../../e2e/shifted-clock.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName } from './pg-test-db.js';

const database = await findTestDatabase();

/**
 * With a ledger on the network every read takes a while, and an employee's delivery step can
 * finish while the engine is reading the next heads. This store makes that happen every time:
 * a heads read that saw a punch being sent answers only once that punch has been settled.
 */
function slowHeads(store: LedgerStore): LedgerStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'deliveryHeads') {
        return async () => {
          const heads = await target.deliveryHeads();
          for (const head of heads.filter((h) => h.outcome === 'sending')) {
            const deadline = Date.now() + 5_000;
            while ((await target.getPunch(head.id))?.outcome === 'sending' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
            await new Promise((resolve) => setTimeout(resolve, 5)); // and its step has returned
          }
          return heads;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describeWithPostgres('delivery from a ledger with slow reads', database, (url) => {
  let world: World | undefined;
  let app: App | undefined;
  let schema: string;
  afterEach(async () => {
    await app?.close();
    await world?.close();
    await dropSchema(url, schema);
  });

  it("never works from a head read before that employee's previous step finished: one request per entry, no needless read-back", async () => {
    schema = freshSchemaName('stale');
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    world = await startWorld({ employees: 12, seed: 4, clock });
    const store = slowHeads(await PostgresLedgerStore.open({ connectionString: url, schema }));
    app = await createApp({ config: configFor(world, '/nonexistent/unused.db'), logger: silentLogger(), overrides: { clock, store, rateResetMarginMs: 50 } });
    let delivered = 0;
    app.subscribe((event) => {
      if (event.type === 'punch-outcome' && event.outcome === 'delivered') delivered++;
    });
    await app.syncOnce();
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
    const entries = Object.values(world.day.expected.timelines).reduce((n, t) => n + t.length, 0);
    const requests = world.humand.state.requests;
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(entries);
    expect(requests.filter((r) => r.method === 'GET' && r.path.endsWith('/time-tracking/entries'))).toHaveLength(0);
    expect(delivered).toBe(entries);
  });
});
