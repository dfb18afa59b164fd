import type { AppConfig } from '../config/types.js';
import { PostgresLedgerStore, type PostgresStoreOptions } from './postgres/postgres-store.js';
import { SqliteLedgerStore } from './sqlite/sqlite-store.js';
import type { LedgerStore } from './store.js';

export type LedgerLocation = Pick<AppConfig, 'databasePath' | 'databaseUrl' | 'databaseSchema'>;

/** PostgreSQL when `DATABASE_URL` is a postgres:// or postgresql:// URL; else SQLite at `DATABASE_PATH`. */
export function isPostgresUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url.trim());
}

/**
 * Opens (and migrates) the ledger the configuration names: the PostgreSQL one for several
 * instances, the SQLite file otherwise.
 */
export async function openLedgerStore(
  config: LedgerLocation,
  postgres: Partial<Omit<PostgresStoreOptions, 'connectionString' | 'schema'>> = {},
): Promise<LedgerStore> {
  if (isPostgresUrl(config.databaseUrl)) {
    return PostgresLedgerStore.open({ ...postgres, connectionString: config.databaseUrl.trim(), schema: config.databaseSchema ?? 'public' });
  }
  return SqliteLedgerStore.open({ path: config.databasePath });
}

/** Where the ledger lives, password hidden: for logs, status and doctor. */
export function describeLedger(config: LedgerLocation): string {
  if (!isPostgresUrl(config.databaseUrl)) return config.databasePath;
  try {
    const url = new URL(config.databaseUrl.trim());
    if (url.password !== '') url.password = '***';
    url.search = '';
    return `${url.toString()} (schema ${config.databaseSchema ?? 'public'})`;
  } catch {
    return 'PostgreSQL (unparseable DATABASE_URL)';
  }
}
