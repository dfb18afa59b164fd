import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../config/types.js';
import { AppError } from '../../domain/errors.js';
import { isPostgresUrl } from '../../store/open-store.js';

/** Another process delivers from the same ledger: two deliverers could send one punch twice. */
export class LedgerBusyError extends AppError {
  constructor(message: string, hint: string) {
    super('configuration', message, { code: 'LEDGER_BUSY', hint });
    this.name = 'LedgerBusyError';
  }
}

export interface LedgerLock {
  readonly path: string;
  release(): void;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly sinceMs: number;
}

/**
 * Only one process delivers from a ledger at a time (`run`, `demo`, `sync`, `backfill`,
 * `dead-letters retry`): the lock is a file beside the database created exclusively, with
 * the owner's pid. A lock left by a process that no longer exists on this host is taken over.
 */
export function acquireLedgerLock(databasePath: string, command: string): LedgerLock {
  const lockPath = `${databasePath}.lock`;
  const me: LockOwner = { pid: process.pid, host: os.hostname(), command, sinceMs: Date.now() };
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      // A forced exit (second Ctrl-C) must not leave the lock behind for the next start to puzzle over.
      const onExit = () => releaseIfOurs(lockPath);
      process.on('exit', onExit);
      return {
        path: lockPath,
        release: () => {
          process.off('exit', onExit);
          releaseIfOurs(lockPath);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockPath);
    if (owner !== null && !isStale(owner)) {
      throw new LedgerBusyError(
        `another hik2humand process is delivering from this ledger: \`${owner.command}\` (pid ${owner.pid} on ${owner.host}, since ${new Date(owner.sinceMs).toISOString()})`,
        `Two deliverers could send the same punch twice. Let that one do the work (its dashboard and \`status\` show progress), stop it first, or — if it is gone — delete ${lockPath}.`,
      );
    }
    fs.rmSync(lockPath, { force: true });
  }
  throw new LedgerBusyError(`could not take the ledger lock ${lockPath}`, `Delete ${lockPath} if no hik2humand process is running.`);
}

/** Who delivers from this ledger right now (a live lock holder), or null. Takes nothing. */
export function ledgerLockOwner(databasePath: string): { readonly pid: number; readonly host: string; readonly command: string } | null {
  const owner = readOwner(`${databasePath}.lock`);
  return owner !== null && !isStale(owner) ? owner : null;
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, command: String(parsed.command ?? '?'), sinceMs: Number(parsed.sinceMs ?? 0) };
  } catch {
    // Unreadable or half-written: treat as stale only if it is not brand new (a writer may be mid-write).
    try {
      return Date.now() - fs.statSync(lockPath).mtimeMs < 2_000 ? { pid: -1, host: os.hostname(), command: '?', sinceMs: Date.now() } : null;
    } catch {
      return null;
    }
  }
}

function isStale(owner: LockOwner): boolean {
  // On another host we cannot tell whether it still runs: believe the lock.
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === -1) return false;
  // Our own pid in an old lock: a container restarted with the same pid.
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function releaseIfOurs(lockPath: string): void {
  const owner = readOwner(lockPath);
  if (owner !== null && owner.pid === process.pid && owner.host === os.hostname()) fs.rmSync(lockPath, { force: true });
}

/**
 * The lock for the configured ledger. A PostgreSQL ledger is shared by several instances on
 * purpose and coordinated by the store's own delivery lease: no file lock there.
 */
export function lockLedgerOf(config: Pick<AppConfig, 'databasePath' | 'databaseUrl'>, command: string): LedgerLock {
  if (isPostgresUrl(config.databaseUrl)) return { path: '', release: () => undefined };
  return acquireLedgerLock(config.databasePath, command);
}

export function ledgerOwnerOf(config: Pick<AppConfig, 'databasePath' | 'databaseUrl'>): ReturnType<typeof ledgerLockOwner> {
  return isPostgresUrl(config.databaseUrl) ? null : ledgerLockOwner(config.databasePath);
}
