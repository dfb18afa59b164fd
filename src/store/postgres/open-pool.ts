import type pg from 'pg';
import type { Tables } from '../sql/dialect.js';
import { createPool, DEFAULT_SCHEMA, describeDatabaseUrl, type PostgresConnectionOptions } from './connection.js';
import { toStoreError } from './errors.js';
import { migrate } from './migrations.js';
import { tablesIn } from './tables.js';

export interface MigratedPool {
  readonly pool: pg.Pool;
  readonly tables: Tables;
  /** The database, password hidden: named in every error. */
  readonly where: string;
  readonly schema: string;
}

/** A connection pool to a ledger schema migrated to this code's version (instances starting together migrate one at a time). */
export async function openMigratedPool(options: PostgresConnectionOptions): Promise<MigratedPool> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const where = `${describeDatabaseUrl(options.connectionString)} (schema ${schema})`;
  let pool: pg.Pool | undefined;
  try {
    const tables = tablesIn(schema);
    pool = createPool(options);
    const client = await pool.connect();
    const ignore = () => undefined; // a dying connection fails the migration query itself
    client.on('error', ignore);
    try {
      await migrate(client, schema, tables.schema);
    } finally {
      client.off('error', ignore);
      client.release(true);
    }
    return { pool, tables, where, schema };
  } catch (error) {
    await pool?.end().catch(() => undefined);
    throw toStoreError('open', error, where);
  }
}
