export type { LedgerStore } from './store.js';
export * from './punch.js';
export { StoreError } from './errors.js';
export { naturalKeyOf } from './natural-key.js';
export { SqliteLedgerStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { PostgresLedgerStore, type PostgresStoreOptions } from './postgres/postgres-store.js';
export { openLedgerStore, describeLedger, isPostgresUrl } from './open-store.js';
