import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ConfigurationError } from '../../domain/errors.js';

export interface BackupResult {
  readonly source: string;
  readonly file: string;
  readonly bytes: number;
  readonly schemaVersion: number;
  readonly punches: number;
  readonly ms: number;
}

/**
 * Copies the SQLite ledger to `file` with SQLite's online backup (page by page, consistent
 * even while `run` keeps writing: the copy restarts if the source changes under it), then
 * opens the copy and checks it (quick_check, schema version, punch count), so a backup that
 * cannot be restored is reported now rather than on the day it is needed.
 */
export async function backupSqliteLedger(source: string, file: string, options: { overwrite?: boolean; now?: () => number } = {}): Promise<BackupResult> {
  const now = options.now ?? Date.now;
  const from = path.resolve(source);
  const to = path.resolve(file);
  if (!fs.existsSync(from)) {
    throw new ConfigurationError(`there is no ledger at ${from}`, {
      code: 'NO_LEDGER',
      hint: "Run from the service's folder with its .env, or set DATABASE_PATH to the ledger the service uses.",
    });
  }
  if (from === to)
    throw new ConfigurationError('the backup file is the ledger itself', {
      code: 'BACKUP_TARGET',
      hint: 'Name a file elsewhere, e.g. ./backups/hik2humand-2026-01-27.db',
    });
  if (fs.existsSync(to) && options.overwrite !== true) {
    throw new ConfigurationError(`${to} already exists`, { code: 'BACKUP_TARGET', hint: 'Name a new file, or add --force to replace it.' });
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const started = now();
  // Not readonly: a WAL database opened read-only cannot always read the -shm of a running writer.
  const db = new BetterSqlite3(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    if (fs.existsSync(to)) fs.rmSync(to);
    await db.backup(to);
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(to, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy at ${to} fails SQLite's check: ${String(check)}`);
    const version = (copy.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    const punches = (copy.prepare('SELECT COUNT(*) AS n FROM punches').get() as { n: number }).n;
    return { source: from, file: to, bytes: fs.statSync(to).size, schemaVersion: version, punches, ms: now() - started };
  } finally {
    copy.close();
  }
}

/** What to run for a PostgreSQL ledger: pg_dump of the ledger's schema, in its custom format. */
export function pgDumpInstructions(ledger: string, schema: string, file: string): string[] {
  return [
    `The ledger is in PostgreSQL (${ledger}): back it up with PostgreSQL's own tool, e.g.`,
    '',
    `  pg_dump --format=custom --schema=${schema} --file=${file} "$DATABASE_URL"`,
    '',
    'and restore into an empty database (with every instance stopped) with',
    '',
    `  pg_restore --dbname="$DATABASE_URL" --schema=${schema} ${file}`,
    '',
    'Any moment is consistent: pg_dump reads one snapshot while the instances keep running. See docs/install.md, "Backup".',
  ];
}
