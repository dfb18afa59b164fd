import { afterEach, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging/logger.js';
import { DeliveryLease } from '../../../src/pipeline/delivery/delivery-lease.js';
import type { PipelineContext } from '../../../src/pipeline/context.js';
import { PipelineEvents } from '../../../src/pipeline/events.js';
import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import { ManualClock } from '../../support/manual-clock.js';
import { rules } from '../../pipeline/rules-fixture.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName } from './pg-test-db.js';

const database = await findTestDatabase();
const TTL = 30_000;

describeWithPostgres('the delivery lease between two instances', database, (url) => {
  let schema: string;
  let clock: ManualClock;
  let stores: PostgresLedgerStore[];
  let a: DeliveryLease;
  let b: DeliveryLease;

  const contextOf = (store: PostgresLedgerStore): PipelineContext => ({
    store,
    clock,
    logger: silentLogger(),
    events: new PipelineEvents(),
    rules: rules(),
    siteTimezone: 'America/Argentina/Buenos_Aires',
    dryRun: false,
  });

  beforeEach(async () => {
    schema = freshSchemaName('lease');
    clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    stores = [await PostgresLedgerStore.open({ connectionString: url, schema }), await PostgresLedgerStore.open({ connectionString: url, schema })];
    a = DeliveryLease.of(contextOf(stores[0]!), { ttlMs: TTL, ownerId: 'instance-a' })!;
    b = DeliveryLease.of(contextOf(stores[1]!), { ttlMs: TTL, ownerId: 'instance-b' })!;
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(url, schema);
  });

  it('lets the first instance deliver and keeps the other out while the first renews', async () => {
    expect(await a.mayDeliver()).toBe(true);
    expect(await b.mayDeliver()).toBe(false);
    for (let i = 0; i < 20; i++) {
      await clock.step(a.retryMs);
      expect(await a.mayDeliver()).toBe(true);
      expect(await b.mayDeliver()).toBe(false);
    }
    expect((await stores[1]!.deliveryLeaseHolder())?.ownerId).toBe('instance-a');
  });

  it('stops an instance cut off from the database before the other one can take over', async () => {
    expect(await a.mayDeliver()).toBe(true);
    const cutOffAt = clock.now();
    await stores[0]!.close(); // every renewal of a now fails
    await clock.step(a.retryMs);
    expect(await a.mayDeliver()).toBe(true); // a renewal or two may fail without stopping delivery
    await clock.step(TTL / 2 - a.retryMs);
    expect(await a.mayDeliver()).toBe(false); // from ttl/2 on, a starts nothing new
    expect(await b.mayDeliver()).toBe(false); // ...while b still waits for the lease to expire
    await clock.step(cutOffAt + TTL - clock.now());
    expect(await b.mayDeliver()).toBe(true);
    expect(await a.mayDeliver()).toBe(false);
  });

  it("hands over at the other instance's next try when the holder releases (a graceful stop)", async () => {
    expect(await a.mayDeliver()).toBe(true);
    expect(await b.mayDeliver()).toBe(false);
    await a.release();
    expect(await stores[0]!.deliveryLeaseHolder()).toBeNull();
    await clock.step(b.retryMs);
    expect(await b.mayDeliver()).toBe(true);
    await clock.step(a.retryMs);
    expect(await a.mayDeliver()).toBe(false);
  });
});
