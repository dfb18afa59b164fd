import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ConfigurationError } from '../../domain/errors.js';
import { StoreError } from '../errors.js';
import { migrate } from './migrations.js';

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. */
  readonly path: string;
  /** `FULL` (default): a committed punch survives power loss. `NORMAL` trades that for speed. */
  readonly synchronous?: 'FULL' | 'NORMAL';
  readonly busyTimeoutMs?: number;
}

/** Opens (creating its folder) and migrates the ledger file: WAL, full sync unless asked otherwise, foreign keys on. */
export function openDatabase(options: SqliteStoreOptions): Database {
  let db: Database | null = null;
  try {
    if (options.path !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    db = new BetterSqlite3(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    // A ledger newer than this code is a configuration matter (exit 2, its own hint), not a disk problem.
    if (error instanceof ConfigurationError) throw error;
    throw new StoreError(`open of ${options.path}`, error);
  }
}
