/** Table names as a statement writes them: plain in SQLite, schema-qualified in PostgreSQL. */
export interface Tables {
  readonly schema: string;
  readonly punches: string;
  readonly eventIds: string;
  readonly attempts: string;
  readonly cursors: string;
  readonly persons: string;
  readonly users: string;
  readonly userFields: string;
  readonly meta: string;
  readonly lease: string;
  readonly migrations: string;
}

export function tablesNamed(prefix: string): Tables {
  return {
    schema: prefix,
    punches: `${prefix}punches`,
    eventIds: `${prefix}event_ids`,
    attempts: `${prefix}attempts`,
    cursors: `${prefix}cursors`,
    persons: `${prefix}hik_persons`,
    users: `${prefix}humand_users`,
    userFields: `${prefix}humand_user_fields`,
    meta: `${prefix}meta`,
    lease: `${prefix}delivery_lease`,
    migrations: `${prefix}schema_migrations`,
  };
}

/**
 * Where the two ledgers' SQL differs, and only that: placeholders, lists of values, the order
 * of NULLs, booleans and the collation ids are ordered by. Every statement both ledgers run is
 * written once, in ./queries.ts, over a dialect.
 */
export interface SqlDialect {
  readonly tables: Tables;
  /** The placeholder of the n-th parameter (1-based): `?` or `$n`. */
  placeholder(n: number): string;
  /** `column` is one of `values` — SQLite: `IN (?, ?)`; PostgreSQL: one array parameter. */
  oneOf(column: string, values: readonly (string | number)[], param: (value: unknown) => string, type: 'text' | 'bigint'): string;
  /** An ORDER BY direction with NULLs where SQLite puts them: first ascending, last descending. */
  nullsAsSqlite(direction: 'asc' | 'desc'): string;
  /** A boolean as the column stores it. */
  bool(value: boolean): unknown;
  /** Appended to ORDER BY of text ids so both ledgers order them byte by byte. */
  readonly byteOrder: string;
}

export const SQLITE: SqlDialect = {
  tables: tablesNamed(''),
  placeholder: () => '?',
  oneOf: (column, values, param) => `${column} IN (${values.map(param).join(',') || 'NULL'})`,
  nullsAsSqlite: (direction) => (direction === 'desc' ? 'DESC' : 'ASC'),
  bool: (value) => (value ? 1 : 0),
  byteOrder: '',
};

export function postgresDialect(tables: Tables): SqlDialect {
  return {
    tables,
    placeholder: (n) => `$${n}`,
    oneOf: (column, values, param, type) => `${column} = ANY(${param(values)}::${type}[])`,
    nullsAsSqlite: (direction) => (direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'),
    bool: (value) => value,
    byteOrder: ' COLLATE "C"',
  };
}

/** A statement and its parameters, built with a dialect's placeholders. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** Collects parameters in order and hands out their placeholders. */
export class Params {
  readonly values: unknown[] = [];

  constructor(private readonly dialect: SqlDialect) {}

  /** Adds a value; returns its placeholder. */
  readonly add = (value: unknown): string => {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  };

  statement(sql: string): Statement {
    return { sql, params: this.values };
  }
}
