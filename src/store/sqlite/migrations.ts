import type { Database } from 'better-sqlite3';
import { ConfigurationError } from '../../domain/errors.js';

/**
 * Numbered, append-only migrations. Each runs once, in its own transaction, and is
 * recorded in `schema_migrations`. Never edit a released migration: add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'punch ledger, event ids, attempts, cursors, caches',
    sql: `
      CREATE TABLE punches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        natural_key TEXT UNIQUE,
        event_id TEXT NOT NULL,
        source TEXT NOT NULL,
        priority TEXT NOT NULL,
        event_code INTEGER NOT NULL,
        event_time TEXT NOT NULL,
        event_ms INTEGER,
        utc_offset_minutes INTEGER,
        person_id TEXT,
        person_code TEXT,
        person_name TEXT,
        card_no TEXT,
        door_index_code TEXT,
        door_name TEXT,
        reader_index_code TEXT,
        reader_name TEXT,
        check_in_out_type INTEGER,
        in_out_type INTEGER,
        raw TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reason TEXT,
        employee_id TEXT,
        entry_type TEXT,
        working_day TEXT,
        request TEXT,
        humand_entry_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_ms INTEGER,
        reconcile_needed INTEGER NOT NULL DEFAULT 0,
        received_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
      );
      CREATE INDEX punches_by_outcome ON punches(outcome, event_ms);
      CREATE INDEX punches_by_employee ON punches(employee_id, event_ms);
      CREATE INDEX punches_by_person ON punches(person_id, event_ms);
      CREATE INDEX punches_by_day ON punches(working_day);

      CREATE TABLE event_ids (
        event_id TEXT PRIMARY KEY,
        punch_id INTEGER NOT NULL REFERENCES punches(id),
        source TEXT NOT NULL,
        seen_ms INTEGER NOT NULL
      );
      CREATE INDEX event_ids_by_punch ON event_ids(punch_id);

      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        punch_id INTEGER NOT NULL REFERENCES punches(id),
        at_ms INTEGER NOT NULL,
        kind TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        request_body TEXT,
        status INTEGER,
        result TEXT NOT NULL,
        message TEXT
      );
      CREATE INDEX attempts_by_punch ON attempts(punch_id, id);

      CREATE TABLE cursors (
        name TEXT PRIMARY KEY,
        value_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
      );

      CREATE TABLE hik_persons (
        person_id TEXT PRIMARY KEY,
        person_code TEXT,
        person_name TEXT,
        card_nos TEXT NOT NULL,
        custom_fields TEXT NOT NULL,
        refreshed_ms INTEGER NOT NULL
      );

      CREATE TABLE humand_users (
        employee_internal_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        email TEXT,
        first_name TEXT,
        last_name TEXT,
        status TEXT NOT NULL,
        fields TEXT NOT NULL,
        refreshed_ms INTEGER NOT NULL
      );
      CREATE TABLE humand_user_fields (
        employee_internal_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL
      );
      CREATE INDEX humand_user_fields_by_value ON humand_user_fields(name, value);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'indexes for delivery heads, the newest-first list and the employee search',
    sql: `
      -- Only the punches awaiting delivery, per employee in delivery order (the rowid breaks
      -- ties on event_ms): deliveryHeads() reads one entry per employee instead of sorting them all.
      CREATE INDEX punches_awaiting_by_employee ON punches(employee_id, event_ms)
        WHERE outcome IN ('queued','held','sending') AND employee_id IS NOT NULL;
      CREATE INDEX punches_by_time ON punches(event_ms);
      CREATE INDEX punches_by_person_code ON punches(person_code, event_ms);
    `,
  },
];

/** Runs every migration newer than the database's version. Returns the versions applied. Refuses a ledger newer than this code. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  if (current > latest) {
    // Opening it anyway would let older code write rows a newer schema reads differently.
    throw new ConfigurationError(
      `the ledger is at schema version ${current}, newer than this hik2humand knows (${latest}): a newer release wrote it. Run that release (or newer), or restore the backup taken before the upgrade — migrations only move forward`,
      {
        code: 'LEDGER_SCHEMA_NEWER',
        hint: 'upgrade this hik2humand, or restore the backup taken before the upgrade (docs/install.md, "Upgrade")',
      },
    );
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    applied.push(migration.version);
  }
  return applied;
}
