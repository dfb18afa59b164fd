import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { describeLedgerStoreContract } from './ledger-store-contract.js';

describeLedgerStoreContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  const file = path.join(dir, 'nested', 'ledger.db');
  return {
    open: async () => SqliteLedgerStore.open({ path: file }),
    reopen: async (store) => {
      await store.close();
      return SqliteLedgerStore.open({ path: file });
    },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite ledger specifics', () => {
  let dir: string;
  let file: string;
  let store: SqliteLedgerStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    file = path.join(dir, 'nested', 'ledger.db');
    store = SqliteLedgerStore.open({ path: file });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the schema once, in WAL mode, and reopening applies nothing twice', async () => {
    expect(store.schemaVersions()).toEqual(MIGRATIONS.map((m) => m.version));
    await store.close();
    store = SqliteLedgerStore.open({ path: file });
    expect(store.schemaVersions()).toEqual(MIGRATIONS.map((m) => m.version));
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});
