import type pg from 'pg';
import type { Statement } from '../sql/dialect.js';
import { isRetryable, toStoreError } from './errors.js';

/** What ledger code runs queries on: the pool (one-statement reads) or a transaction's client. */
export interface Db {
  rows<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Rows changed by an INSERT/UPDATE/DELETE. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** The same for a shared query (../sql/queries.ts). */
  select<R extends object>(statement: Statement): Promise<R[]>;
  exec(statement: Statement): Promise<number>;
}

/**
 * PostgreSQL text cannot hold U+0000, which SQLite stores happily. Devices pad names with NULs
 * now and then; such an event must be recorded, not refused forever, so NULs are dropped
 * (consistently, so lookups of the same value still match).
 */
function withoutNul(params: readonly unknown[]): unknown[] {
  return params.map((value) => {
    if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
    if (Array.isArray(value)) return withoutNul(value);
    return value;
  });
}

export function dbOf(queryable: pg.Pool | pg.PoolClient): Db {
  const rows = async <R extends object>(sql: string, params: readonly unknown[] = []) => (await queryable.query<R>(sql, withoutNul(params))).rows;
  const run = async (sql: string, params: readonly unknown[] = []) => (await queryable.query(sql, withoutNul(params))).rowCount ?? 0;
  return { rows, run, select: (statement) => rows(statement.sql, statement.params), exec: (statement) => run(statement.sql, statement.params) };
}

/** A deadlock or serialization failure is retried this often before it is reported. */
const MAX_TRIES = 5;

/**
 * Runs `work` in one transaction (READ COMMITTED). All or nothing: any failure rolls back and
 * is thrown typed (see toStoreError). A deadlock victim is simply run again: nothing of it
 * was written. A failed COMMIT is reported as a StoreError too — its fate is then unknown,
 * which every write of the ledger tolerates (ingest and updates are idempotent on retry).
 */
export async function inTransaction<T>(pool: pg.Pool, operation: string, where: string, work: (db: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw toStoreError(operation, error, where);
    }
    let broken: Error | undefined;
    // A connection dying while checked out is reported by the failing query; this keeps the
    // client's own 'error' event from becoming an uncaught exception.
    const onError = (error: Error) => {
      broken ??= error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(dbOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken ??= rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      if (broken === undefined && isRetryable(error) && attempt < MAX_TRIES) continue;
      throw toStoreError(operation, error, where);
    } finally {
      // A client whose connection failed is in an unknown state: destroy it rather than reuse it.
      client.off('error', onError);
      client.release(broken);
    }
  }
}

/** One statement (or several reads) straight on the pool; errors typed like transactions'. */
export async function onPool<T>(pool: pg.Pool, operation: string, where: string, work: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await work(dbOf(pool));
  } catch (error) {
    throw toStoreError(operation, error, where);
  }
}
