import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresLedgerStore } from '../../src/store/postgres/postgres-store.js';
import { migrate as migratePostgres, PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../cli/support/cli-process.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName, sql } from '../store/postgres/pg-test-db.js';

const PREVIOUS = MIGRATIONS.length - 1;
const database = await findTestDatabase();

/** Punches as the previous release wrote them: two queued for one employee, one delivered, one ignored. */
const ROWS: ReadonlyArray<{ id: number; eventId: string; ms: number; outcome: string; employee: string | null }> = [
  { id: 1, eventId: 'ev-1', ms: Date.parse('2026-01-27T11:00:05Z'), outcome: 'delivered', employee: '20001' },
  { id: 2, eventId: 'ev-2', ms: Date.parse('2026-01-27T20:01:00Z'), outcome: 'queued', employee: '20001' },
  { id: 3, eventId: 'ev-3', ms: Date.parse('2026-01-27T19:59:00Z'), outcome: 'queued', employee: '20001' },
  { id: 4, eventId: 'ev-4', ms: Date.parse('2026-01-27T12:00:00Z'), outcome: 'ignored', employee: null },
];

function insertPreviousRows(run: (text: string, params: unknown[]) => void): void {
  for (const row of ROWS) {
    const time = new Date(row.ms).toISOString().replace('Z', '+00:00');
    run(
      `INSERT INTO punches (id, natural_key, event_id, source, priority, event_code, event_time, event_ms, person_id, person_code, raw, outcome, employee_id, received_ms, updated_ms)
       VALUES ($1, $2, $3, 'poll', 'live', 196893, $4, $5, 'p1', '20001', '{}', $6, $7, $5, $5)`,
      [row.id, `p1|${row.ms}|door-1`, row.eventId, time, row.ms, row.outcome, row.employee],
    );
    run("INSERT INTO event_ids (event_id, punch_id, source, seen_ms) VALUES ($1, $2, 'poll', $3)", [row.eventId, row.id, row.ms]);
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-upgrade-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A SQLite ledger at the previous release's schema (its migrations are append-only, so these are its tables). */
function previousSqliteLedger(): string {
  const file = path.join(dir, 'ledger.db');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.slice(0, PREVIOUS));
  insertPreviousRows((text, params) => db.prepare(text.replace(/\$(\d+)/g, '@p$1')).run(Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value]))));
  db.close();
  return file;
}

describe('upgrading a SQLite ledger', () => {
  it('opens a ledger written by the previous schema: migrates it once and keeps every punch, with delivery resuming at the earliest awaiting one', async () => {
    const file = previousSqliteLedger();
    const store = SqliteLedgerStore.open({ path: file });
    try {
      expect(store.schemaVersions()).toEqual(MIGRATIONS.map((m) => m.version));
      const counts = await store.countsByOutcome();
      expect(counts).toMatchObject({ delivered: 1, queued: 2, ignored: 1 });
      expect((await store.deliveryHeads()).map((p) => p.id)).toEqual([3]);
    } finally {
      await store.close();
    }
    // The CLI reads the upgraded ledger as usual.
    const status = await runCli(['status', '--json'], { cwd: dir, env: { DATABASE_PATH: file } });
    expect(status.code, status.stderr).toBe(0);
    expect((JSON.parse(status.stdout) as { counts: Record<string, number> }).counts.queued).toBe(2);
  });

  it('refuses a ledger a newer release migrated, and leaves it as it was', async () => {
    const file = previousSqliteLedger();
    await SqliteLedgerStore.open({ path: file }).close();
    const db = new BetterSqlite3(file);
    db.prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, 'from a newer release', '2027-01-01')").run(MIGRATIONS.length + 1);
    db.close();
    const before = fs.readFileSync(file);

    expect(() => SqliteLedgerStore.open({ path: file })).toThrow(
      new RegExp(`schema version ${MIGRATIONS.length + 1}, newer than this hik2humand knows \\(${MIGRATIONS.length}\\)`),
    );
    const status = await runCli(['status'], { cwd: dir, env: { DATABASE_PATH: file } });
    // A configuration problem (exit 2) with its own hint, not a disk problem.
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/newer than this hik2humand knows/);
    expect(status.stderr).not.toMatch(/disk/i);
    expect(status.stderr).toMatch(/restore the backup/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('--version names the code version and the ledger schema it expects', async () => {
    const version = await runCli(['--version'], { cwd: dir });
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(
      `hik2humand ${pkg.version} (ledger schema: SQLite ${MIGRATIONS.length}, PostgreSQL ${PG_MIGRATIONS.length}; Node ${process.version})`,
    );
  });
});

describeWithPostgres('upgrading a PostgreSQL ledger', database, (url) => {
  let schema: string;
  beforeEach(() => {
    schema = freshSchemaName('upgrade');
  });
  afterEach(async () => {
    await dropSchema(url, schema);
  });

  it('opens a schema written by the previous release: migrates it once and keeps every punch', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client as unknown as pg.PoolClient, schema, `"${schema}"`, PG_MIGRATIONS.slice(0, PG_MIGRATIONS.length - 1));
      await client.query(`SET search_path TO "${schema}"`);
      const statements: Array<[string, unknown[]]> = [];
      insertPreviousRows((text, params) => statements.push([text, params]));
      for (const [text, params] of statements) await client.query(text, params);
    } finally {
      await client.end();
    }
    const store = await PostgresLedgerStore.open({ connectionString: url, schema });
    try {
      expect(await store.countsByOutcome()).toMatchObject({ delivered: 1, queued: 2, ignored: 1 });
      expect((await store.deliveryHeads()).map((p) => p.id)).toEqual([3]);
    } finally {
      await store.close();
    }
    const versions = await sql<{ version: number }>(url, `SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(versions.map((v) => v.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });
});
