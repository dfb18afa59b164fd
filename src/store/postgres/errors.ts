import { AppError, ConfigurationError } from '../../domain/errors.js';
import { StoreError } from '../errors.js';

/** SQLSTATEs that no retry will cure: the settings are wrong. */
const CONFIGURATION_STATES: Record<string, string> = {
  '28000': 'the database refused this user — check the user name in DATABASE_URL and pg_hba.conf',
  '28P01': 'wrong password — check the password in DATABASE_URL',
  '3D000': 'the database does not exist — create it (createdb) or fix its name in DATABASE_URL',
  '42501': 'the user lacks a privilege — grant it CREATE on the database (for the schema) and use of the ledger schema',
};

/** SQLSTATEs after which the same transaction, run again, will most likely succeed. */
const RETRYABLE_STATES = new Set(['40001', '40P01']);

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A serialization failure or deadlock: nothing was written; run the transaction again. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && RETRYABLE_STATES.has(state);
}

/**
 * Every failure leaving the PostgreSQL ledger is typed: settings that cannot work are a
 * ConfigurationError; anything else (server down, network, timeout, disk full) a transient
 * StoreError the caller may retry, since the transaction was rolled back.
 */
export function toStoreError(operation: string, error: unknown, where: string): AppError {
  if (error instanceof AppError) return error;
  const state = sqlState(error);
  const configurationHint = state === undefined ? undefined : CONFIGURATION_STATES[state];
  if (configurationHint !== undefined) {
    const detail = error instanceof Error ? error.message : String(error);
    return new ConfigurationError(`ledger ${operation} failed at ${where}: ${detail}`, { code: 'STORE_CONFIG', hint: configurationHint, cause: error });
  }
  return new StoreError(operation, error, `check that PostgreSQL at ${where} is up, reachable from this host and has free disk space (DATABASE_URL)`);
}
