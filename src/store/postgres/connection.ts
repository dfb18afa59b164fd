import pg from 'pg';

/** How to reach the PostgreSQL ledger. */
export interface PostgresConnectionOptions {
  /** `postgres://user:password@host:5432/database` (libpq URL; `?sslmode=require` etc. work). */
  readonly connectionString: string;
  /** Schema holding the ledger's tables (created if missing). Default `public`. */
  readonly schema?: string;
  /** Connections per instance. Default 5. */
  readonly poolMax?: number;
  /** Giving up on a connection attempt. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** A single statement running longer than this is cancelled (and the transaction fails). Default 60 s. */
  readonly statementTimeoutMs?: number;
  /** Shown in pg_stat_activity, to tell instances apart. Default `hik2humand`. */
  readonly applicationName?: string;
  /** An idle pooled connection broke (server restart, network): the next query reconnects. */
  readonly onIdleError?: (error: Error) => void;
}

export const DEFAULT_SCHEMA = 'public';
/** A plain identifier: it is spliced (quoted) into SQL, so nothing else is accepted. */
export const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a valid schema name (letters, digits and _, starting with a letter or _)`);
  return `"${schema}"`;
}

const INT8_OID = 20;

/** BIGINT columns hold epoch milliseconds, ids and counts: all well inside a double's exact range. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`ledger value ${text} is out of range`);
  return value;
}

export function createPool(options: PostgresConnectionOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolMax ?? 5,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs ?? 60_000,
    // A connection stuck in an open transaction (a frozen instance) must not hold row locks forever.
    idle_in_transaction_session_timeout: 5 * 60_000,
    keepAlive: true,
    application_name: options.applicationName ?? 'hik2humand',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // Without a listener an idle client's error would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}

/** The URL without its password, for logs, status and error messages. */
export function describeDatabaseUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password !== '') url.password = '***';
    url.search = '';
    return url.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
