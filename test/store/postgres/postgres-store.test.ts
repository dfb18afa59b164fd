import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/domain/errors.js';
import { StoreError } from '../../../src/store/errors.js';
import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import { PG_MIGRATIONS } from '../../../src/store/postgres/migrations.js';
import type { IngestItem } from '../../../src/store/punch.js';
import type { AccessEvent } from '../../../src/domain/access-event.js';
import { describeLedgerStoreContract, type LedgerStoreFactory } from '../ledger-store-contract.js';
import { describeLedgerStoreExtraContract } from '../ledger-store-contract-extra.js';
import { makeEvent } from '../make-event.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName, sql } from './pg-test-db.js';

const database = await findTestDatabase();

function item(event: AccessEvent): IngestItem {
  return { event, eventMs: Date.parse(event.eventTime), utcOffsetMinutes: -180 };
}

describeWithPostgres('PostgreSQL ledger', database, (url) => {
  /** Every contract test gets a fresh schema, dropped afterwards. */
  const factory = (): LedgerStoreFactory => {
    const schema = freshSchemaName('contract');
    return {
      open: () => PostgresLedgerStore.open({ connectionString: url, schema }),
      reopen: async (store) => {
        await store.close();
        return PostgresLedgerStore.open({ connectionString: url, schema });
      },
      cleanup: () => dropSchema(url, schema),
    };
  };
  describeLedgerStoreContract('PostgreSQL', factory);
  describeLedgerStoreExtraContract('PostgreSQL', factory, { sharedLease: true });

  describe('PostgreSQL specifics', () => {
    const schema = freshSchemaName('pg');
    const opened: PostgresLedgerStore[] = [];
    const open = async (options: { schema?: string } = {}) => {
      const store = await PostgresLedgerStore.open({ connectionString: url, schema: options.schema ?? schema, applicationName: schema });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await dropSchema(url, schema);
    });

    it('migrates once when several instances start together, into the configured schema', async () => {
      const stores = await Promise.all(Array.from({ length: 6 }, () => open()));
      for (const store of stores) expect(await store.schemaVersions()).toEqual(PG_MIGRATIONS.map((m) => m.version));
      const rows = await sql<{ version: number }>(url, `SELECT version FROM "${schema}".schema_migrations`);
      expect(rows).toHaveLength(PG_MIGRATIONS.length);
      const tables = await sql<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [
        schema,
      ]);
      expect(tables.map((t) => t.table_name)).toContain('punches');
    });

    it('refuses a ledger migrated by a newer hik2humand, saying what to do', async () => {
      await (await open()).close();
      opened.length = 0;
      await sql(url, `INSERT INTO "${schema}".schema_migrations(version, name) VALUES (999, 'from the future')`);
      const failure = await PostgresLedgerStore.open({ connectionString: url, schema }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfigurationError);
      expect((failure as ConfigurationError).hint).toMatch(/upgrade/);
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(PostgresLedgerStore.open({ connectionString: url, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(/not a valid schema name/);
    });

    it('reports an unreachable server as a transient StoreError naming the database without its password', async () => {
      const failure = await PostgresLedgerStore.open({ connectionString: 'postgres://someone:s3cret-pw@127.0.0.1:1/nowhere', connectTimeoutMs: 2_000 }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StoreError);
      const error = failure as StoreError;
      expect(error.category).toBe('transient');
      expect(`${error.message} ${error.hint}`).not.toContain('s3cret-pw');
      expect(error.hint).toContain('127.0.0.1:1/nowhere');
      expect(error.hint).toContain('DATABASE_URL');
    });

    it('reports a database that does not exist as a configuration problem', async () => {
      const wrong = new URL(url);
      wrong.pathname = '/no_such_database_for_hik2humand';
      const failure = await PostgresLedgerStore.open({ connectionString: wrong.toString() }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfigurationError);
      expect((failure as ConfigurationError).hint).toMatch(/createdb|DATABASE_URL/);
    });

    it('records an event whose texts hold NUL characters (PostgreSQL text cannot), and recognises its copy', async () => {
      const store = await open();
      const padded = makeEvent({ personId: 'p\u0000nul', personName: 'Ana\u0000\u0000', raw: { name: 'Ana\u0000' } });
      const first = await store.ingest([item(padded)], 'push', 1000);
      const copy = await store.ingest([item({ ...padded, eventId: 'another-id' })], 'poll', 2000);
      expect(first.newPunchIds).toHaveLength(1);
      expect(copy).toEqual({ newPunchIds: [], duplicates: 1 });
      const punch = await store.getPunch(first.newPunchIds[0]!);
      expect(punch).toMatchObject({ personName: 'Ana', raw: { name: 'Ana\u0000' } });
      expect(await store.findPunches({ personId: 'p\u0000nul' })).toHaveLength(1);
    });

    it('reconnects after the server dropped its connections (a PostgreSQL restart)', async () => {
      const store = await open();
      await store.ingest([item(makeEvent())], 'push', 1000);
      const killed = await sql<{ pid: number }>(url, `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE application_name = $1`, [schema]);
      expect(killed.length).toBeGreaterThan(0);
      // At most the write that finds a dead connection fails (typed); the pool then reconnects.
      let written = 0;
      for (let i = 0; i < 3; i++) {
        try {
          await store.ingest([item(makeEvent({ personId: `after-${i}` }))], 'push', 2000 + i);
          written++;
        } catch (error) {
          expect(error).toBeInstanceOf(StoreError);
        }
      }
      expect(written).toBeGreaterThanOrEqual(2);
      expect(await store.findPunches({})).toHaveLength(1 + written);
    });

    it('throws a transient StoreError when a transaction dies before its commit, and has written nothing', async () => {
      const store = await open();
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      try {
        // Hold the table so the ingest waits inside its transaction, then kill its session there.
        await blocker.query('BEGIN');
        await blocker.query(`LOCK TABLE "${schema}".punches IN ACCESS EXCLUSIVE MODE`);
        const ingesting = store.ingest([item(makeEvent()), item(makeEvent({ personId: 'p2' }))], 'push', 1000).catch((error: unknown) => error);
        let victim: number | undefined;
        for (let i = 0; i < 200 && victim === undefined; i++) {
          // Asked from outside the blocker's transaction, which would keep seeing one snapshot of the activity.
          const rows = await sql<{ pid: number }>(url, `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [schema]);
          victim = rows[0]?.pid;
          if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(victim).toBeDefined();
        await blocker.query('SELECT pg_terminate_backend($1)', [victim]);
        const failure = await ingesting;
        expect(failure).toBeInstanceOf(StoreError);
        expect((failure as StoreError).category).toBe('transient');
        await blocker.query('COMMIT');
      } finally {
        await blocker.end();
      }
      expect(await store.findPunches({})).toEqual([]);
      expect((await store.ingest([item(makeEvent())], 'push', 2000)).newPunchIds).toHaveLength(1);
    });
  });

  describe('several instances on one ledger', () => {
    let schema: string;
    let a: PostgresLedgerStore;
    let b: PostgresLedgerStore;
    beforeEach(async () => {
      schema = freshSchemaName('multi');
      [a, b] = await Promise.all([PostgresLedgerStore.open({ connectionString: url, schema }), PostgresLedgerStore.open({ connectionString: url, schema })]);
    });
    afterEach(async () => {
      await Promise.all([a.close(), b.close()]);
      await dropSchema(url, schema);
    });

    it('ends with one punch per natural key when two instances ingest overlapping batches at once', async () => {
      // 300 punches; each instance sees most of them, as its own copies (push vs poll: new eventIds),
      // in opposite orders, plus some exact re-sends, in batches of 50, all at the same time.
      const originals = Array.from({ length: 300 }, (_, i) =>
        makeEvent({ personId: `person-${i % 40}`, eventTime: new Date(Date.UTC(2026, 0, 27, 11, 0, i)).toISOString() }),
      );
      const copyOf = (e: AccessEvent, tag: string): AccessEvent => ({
        ...e,
        eventId: `${e.eventId}-${tag}`,
        personCode: tag === 'push' ? `code-${e.personId}` : null,
      });
      const seenByA = originals.filter((_, i) => i % 7 !== 3).map((e, i) => (i % 5 === 0 ? e : copyOf(e, 'push')));
      const seenByB = originals
        .filter((_, i) => i % 11 !== 5)
        .map((e, i) => (i % 3 === 0 ? e : copyOf(e, 'poll')))
        .reverse();
      const batches = (events: AccessEvent[]) => Array.from({ length: Math.ceil(events.length / 50) }, (_, i) => events.slice(i * 50, i * 50 + 50));
      const run = async (store: PostgresLedgerStore, events: AccessEvent[], source: 'push' | 'poll') => {
        const ids: number[] = [];
        for (const batch of batches(events)) ids.push(...(await store.ingest(batch.map(item), source, 1000)).newPunchIds);
        return ids;
      };
      const [idsA, idsB, idsA2] = await Promise.all([run(a, seenByA, 'push'), run(b, seenByB, 'poll'), run(a, seenByB.slice(0, 120), 'poll')]);
      const punches = await a.findPunches({ limit: 10_000 });
      const seen = new Set([...seenByA, ...seenByB].map((e) => `${e.personId}|${Date.parse(e.eventTime)}`));
      expect(seen.size).toBeGreaterThan(290);
      expect(punches).toHaveLength(seen.size);
      expect(new Set(punches.map((p) => `${p.personId}|${p.eventMs}`))).toEqual(seen);
      // Every punch was reported new exactly once, by whichever instance recorded it.
      expect([...idsA, ...idsB, ...idsA2].sort((x, y) => x - y)).toEqual(punches.map((p) => p.id).sort((x, y) => x - y));
      // Every copy's eventId is remembered: re-sending anything now is a duplicate on either instance.
      const again = await b.ingest([...seenByA, ...seenByB].map(item), 'poll', 2000);
      expect(again.newPunchIds).toEqual([]);
      // The push copy's personCode reached every punch it had a copy of.
      const pushed = new Set(seenByA.filter((e) => e.personCode !== null).map((e) => `${e.personId}|${Date.parse(e.eventTime)}`));
      for (const p of punches) if (pushed.has(`${p.personId}|${p.eventMs}`)) expect(p.personCode).toBe(`code-${p.personId}`);
    });

    it('ends with one punch per eventId for events that name nobody, ingested by two instances at once', async () => {
      const events = Array.from({ length: 120 }, () => makeEvent({ personId: null, eventCode: 198913 }));
      const [ra, rb] = await Promise.all([a.ingest(events.map(item), 'poll', 1000), b.ingest([...events].reverse().map(item), 'push', 1000)]);
      expect(ra.newPunchIds.length + rb.newPunchIds.length).toBe(events.length);
      expect(ra.duplicates + rb.duplicates).toBe(events.length);
      expect(await a.findPunches({ limit: 1000 })).toHaveLength(events.length);
    });

    it('keeps a consistent users cache when two instances replace it at once', async () => {
      const listing = (tag: string) =>
        Array.from({ length: 200 }, (_, i) => ({
          id: i,
          employeeInternalId: String(i),
          email: null,
          firstName: tag,
          lastName: null,
          status: 'ACTIVE',
          fields: { Legajo: `L-${i}`, Tag: tag },
        }));
      await Promise.all([a.replaceUsers(listing('a'), 1000), b.replaceUsers(listing('b'), 1000), a.replaceUsers(listing('c'), 1000)]);
      const users = await b.listUsers();
      expect(users).toHaveLength(200);
      // One listing won whole: no mix, no duplicated fields.
      expect(new Set(users.map((u) => u.firstName)).size).toBe(1);
      expect(await b.findUsersByField('Legajo', 'L-7')).toHaveLength(1);
      expect(await b.findUsersByField('Tag', users[0]!.firstName!)).toHaveLength(200);
    });

    it('drops a stale decision from one instance once the other has moved the punch on', async () => {
      const { newPunchIds } = await a.ingest([item(makeEvent())], 'push', 1000);
      const id = newPunchIds[0]!;
      const seenByB = await b.getPunch(id);
      await a.updatePunches([{ id, outcome: 'queued', employeeId: 'E', expectedOutcome: 'received' }], 2000);
      await a.updatePunches([{ id, outcome: 'delivered', humandEntryId: 'h-1' }], 3000);
      await b.updatePunches([{ id, outcome: 'queued', employeeId: 'E', expectedOutcome: seenByB!.outcome }], 4000);
      expect(await a.getPunch(id)).toMatchObject({ outcome: 'delivered', humandEntryId: 'h-1' });
    });

    it('lets exactly one of several instances asking at once take the delivery lease', async () => {
      const others = await Promise.all(Array.from({ length: 4 }, () => PostgresLedgerStore.open({ connectionString: url, schema })));
      try {
        const everyone = [a, b, ...others];
        const granted = await Promise.all(everyone.map((store, i) => store.tryAcquireDeliveryLease(`instance-${i}`, 30_000, 1_000)));
        expect(granted.filter(Boolean)).toHaveLength(1);
        const winner = granted.indexOf(true);
        expect((await b.deliveryLeaseHolder())?.ownerId).toBe(`instance-${winner}`);
      } finally {
        await Promise.all(others.map((s) => s.close()));
      }
    });
  });
});
