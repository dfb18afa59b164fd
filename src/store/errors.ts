import { TransientError } from '../domain/errors.js';

/** The ledger could not read or commit. Nothing was half-written; the caller may retry. */
export class StoreError extends TransientError {
  /** `hint` defaults to the SQLite advice; the PostgreSQL ledger gives its own. */
  constructor(operation: string, cause: unknown, hint?: string) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`ledger ${operation} failed: ${detail}`, {
      code: 'STORE_FAILED',
      hint: hint ?? 'check that DATABASE_PATH is on a writable disk with free space and that no other process holds a write lock on it',
      cause,
    });
  }
}
