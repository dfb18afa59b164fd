import { afterEach, beforeEach, expect, it } from 'vitest';
import { META, pushRecentError, readJson } from '../../../src/app/ops-meta.js';
import type { RecentError } from '../../../src/app/types.js';
import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName } from './pg-test-db.js';

const database = await findTestDatabase();

describeWithPostgres('the recent-errors list shared by two instances', database, (url) => {
  let schema: string;
  let stores: PostgresLedgerStore[];

  beforeEach(async () => {
    schema = freshSchemaName('errors');
    stores = [await PostgresLedgerStore.open({ connectionString: url, schema }), await PostgresLedgerStore.open({ connectionString: url, schema })];
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(url, schema);
  });

  it('keeps every error when both instances record theirs at the same moment (no lost update)', async () => {
    const errors = Array.from({ length: 16 }, (_, i) => ({ atMs: 1_000 + i, message: `failure ${i}`, hint: null, code: `E${i}` }));
    // Every write races one from the other instance: a read-modify-write would drop about half.
    await Promise.all(errors.map((error, i) => pushRecentError(stores[i % 2]!, error)));
    const list = await readJson<RecentError[]>(stores[0]!, META.recentErrors, []);
    expect(list.map((e) => e.message).sort()).toEqual(errors.map((e) => e.message).sort());
  });

  it('counts the same error from both instances as one entry', async () => {
    const error = { atMs: 5_000, message: 'HikCentral did not answer', hint: null, code: 'HIK_UNREACHABLE' };
    await Promise.all(Array.from({ length: 10 }, (_, i) => pushRecentError(stores[i % 2]!, { ...error, atMs: error.atMs + i })));
    const list = await readJson<RecentError[]>(stores[1]!, META.recentErrors, []);
    expect(list).toHaveLength(1);
    expect(list[0]!.count).toBe(10);
  });
});
