import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { ConfigurationError } from '../../../src/domain/errors.js';
import { describeLedger, openLedgerStore } from '../../../src/store/open-store.js';
import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import { SqliteLedgerStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { LedgerStore } from '../../../src/store/store.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName } from './pg-test-db.js';

const database = await findTestDatabase();

describe('DATABASE_URL and DATABASE_SCHEMA settings', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ env, cwd: dir, dotenv: false });
  const problemOf = (env: Record<string, string>): ConfigurationError => {
    try {
      load(env);
    } catch (error) {
      if (error instanceof ConfigurationError) return error;
      throw error;
    }
    throw new Error('expected a configuration problem');
  };

  it('takes a postgres:// or postgresql:// URL and a schema', () => {
    const config = load({ DATABASE_URL: ' postgresql://svc:pw-123@db.example.local:5432/hik2humand?sslmode=require ', DATABASE_SCHEMA: 'site_north' });
    expect(config.databaseUrl).toBe('postgresql://svc:pw-123@db.example.local:5432/hik2humand?sslmode=require');
    expect(config.databaseSchema).toBe('site_north');
    expect(describeLedger(config)).toBe('postgresql://svc:***@db.example.local:5432/hik2humand (schema site_north)');
  });

  it('leaves the SQLite file in charge when DATABASE_URL is unset', () => {
    const config = load({ DATABASE_PATH: 'ledger.db' });
    expect(config.databaseUrl).toBeNull();
    expect(describeLedger(config)).toBe(path.join(dir, 'ledger.db'));
  });

  it('refuses another kind of URL, naming the variable, giving an example and hiding the password', () => {
    const problem = problemOf({ DATABASE_URL: 'mysql://svc:very-secret-pw@db/hik2humand' });
    expect(problem.message).toContain('DATABASE_URL');
    expect(problem.message).toContain('postgres://hik2humand:secret@db.example.local:5432/hik2humand');
    expect(problem.message).not.toContain('very-secret-pw');
  });

  it('refuses a URL that names no database, and a schema that is not a plain name', () => {
    expect(problemOf({ DATABASE_URL: 'postgres://db.example.local:5432' }).message).toMatch(/DATABASE_URL: .*names no database/);
    expect(problemOf({ DATABASE_SCHEMA: 'my-schema' }).message).toMatch(/DATABASE_SCHEMA: is not a schema name/);
  });
});

describe('openLedgerStore without PostgreSQL', () => {
  it('opens the SQLite file when no PostgreSQL URL is configured', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-open-'));
    const store = await openLedgerStore({ databasePath: path.join(dir, 'l.db'), databaseUrl: null });
    try {
      expect(store).toBeInstanceOf(SqliteLedgerStore);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithPostgres('openLedgerStore with PostgreSQL', database, (url) => {
  const schema = freshSchemaName('open');
  let store: LedgerStore | undefined;
  afterEach(async () => {
    await store?.close();
    await dropSchema(url, schema);
  });

  it('opens the PostgreSQL ledger in the configured schema when DATABASE_URL is a postgres URL', async () => {
    store = await openLedgerStore({ databasePath: '/nonexistent/never-used.db', databaseUrl: url, databaseSchema: schema });
    expect(store).toBeInstanceOf(PostgresLedgerStore);
    expect((store as PostgresLedgerStore).schema).toBe(schema);
    await store.setMeta('k', 'v');
    expect(await store.getMeta('k')).toBe('v');
  });
});
