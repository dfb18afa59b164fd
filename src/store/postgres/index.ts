export { PostgresLedgerStore, type PostgresStoreOptions } from './postgres-store.js';
export { DEFAULT_SCHEMA, SCHEMA_NAME, describeDatabaseUrl } from './connection.js';
export { PG_MIGRATIONS } from './migrations.js';
