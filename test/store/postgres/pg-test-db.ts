import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

/**
 * The local PostgreSQL the tests use: PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD when set,
 * else 127.0.0.1:5432, database `test`, user `postgres` (or `root`), trust auth.
 */
function candidateUrls(): string[] {
  const host = process.env.PGHOST ?? '127.0.0.1';
  const port = process.env.PGPORT ?? '5432';
  const database = process.env.PGDATABASE ?? 'test';
  const password = process.env.PGPASSWORD;
  const users = process.env.PGUSER ? [process.env.PGUSER] : ['postgres', 'root'];
  const hostPart = host.startsWith('/') ? `localhost:${port}` : `${host}:${port}`;
  const socket = host.startsWith('/') ? `?host=${encodeURIComponent(host)}` : '';
  return users.map(
    (user) =>
      `postgres://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@${hostPart}/${encodeURIComponent(database)}${socket}`,
  );
}

export type TestDatabase = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/** The first candidate that accepts a connection, or why none did. */
export async function findTestDatabase(): Promise<TestDatabase> {
  const failures: string[] = [];
  for (const url of candidateUrls()) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { ok: true, url };
    } catch (error) {
      failures.push(`${url.replace(/:[^:@/]*@/, ':***@')}: ${error instanceof Error ? error.message || error.name : String(error)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { ok: false, reason: `PostgreSQL is not reachable (${failures.join('; ')}) — start it or set PGHOST/PGPORT/PGUSER/PGDATABASE` };
}

const inCi = (): boolean => {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
};

/**
 * Runs `body` against the test database. Without one: in CI a failing test says why (a
 * PostgreSQL suite silently skipped in CI would prove nothing); elsewhere the suite is skipped
 * with the reason printed.
 */
export function describeWithPostgres(title: string, database: TestDatabase, body: (url: string) => void): void {
  if (database.ok) {
    describe(title, () => body(database.url));
    return;
  }
  if (inCi()) {
    describe(title, () => {
      it('needs PostgreSQL', () => {
        throw new Error(database.reason);
      });
    });
    return;
  }
  console.warn(`[skipped] ${title}: ${database.reason}`);
  describe.skip(title, () => {
    it('needs PostgreSQL', () => undefined);
  });
}

/** A schema name no other test (or test run) uses. */
export function freshSchemaName(prefix: string): string {
  return `t_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs SQL directly (outside the store), for tests that look at or tamper with the tables. */
export async function sql<R extends object = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}
