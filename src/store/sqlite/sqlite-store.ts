import { META_KEYS } from '../meta-keys.js';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import type { EventSource } from '../../domain/access-event.js';
import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import { StoreError } from '../errors.js';
import { ConfigurationError } from '../../domain/errors.js';
import { naturalKeyOf } from '../natural-key.js';
import {
  PUNCH_OUTCOMES,
  type DeliveryAttempt,
  type IngestBookkeeping,
  type IngestItem,
  type IngestResult,
  type PunchOutcome,
  type PunchQuery,
  type PunchRecord,
  type PunchUpdate,
} from '../punch.js';
import type { DeliveryLeaseHolder, LedgerStore } from '../store.js';
import {
  punchPersonFromRow,
  punchRangeConditions,
  PUNCH_PEOPLE_SELECT,
  whereClause,
  type PunchPageQuery,
  type PunchPerson,
  type PunchPersonRow,
  type PunchRangeQuery,
} from '../punch-range.js';
import { migrate } from './migrations.js';
import {
  attemptFromRow,
  groupAttempts,
  personFromRow,
  punchFromRow,
  userFromRow,
  type AttemptRow,
  type PersonRow,
  type PunchRow,
  type UserRow,
} from './rows.js';

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. */
  readonly path: string;
  /** `FULL` (default): a committed punch survives power loss. `NORMAL` trades that for speed. */
  readonly synchronous?: 'FULL' | 'NORMAL';
  readonly busyTimeoutMs?: number;
}

const AWAITING = `('queued','held','sending')`;

/**
 * A loose scan of the partial index `punches_awaiting_by_employee` (migration 2): hop from one
 * awaiting employee to the next, then take that employee's first entry in (event_ms, id) order
 * — NULL instants first, as SQLite sorts. Costs O(employees · log n), not a sort of the backlog.
 * Every subquery repeats the index's WHERE (so SQLite may use it) and names it: without
 * statistics the planner would pick punches_by_outcome and read every awaiting row.
 */
const DELIVERY_HEADS = `
  WITH RECURSIVE employees(employee_id) AS (
    SELECT MIN(employee_id) FROM punches INDEXED BY punches_awaiting_by_employee WHERE outcome IN ${AWAITING} AND employee_id IS NOT NULL
    UNION ALL
    SELECT (SELECT MIN(q.employee_id) FROM punches q INDEXED BY punches_awaiting_by_employee
            WHERE q.outcome IN ${AWAITING} AND q.employee_id IS NOT NULL AND q.employee_id > e.employee_id)
    FROM employees e WHERE e.employee_id IS NOT NULL
  )
  SELECT p.* FROM employees e JOIN punches p ON p.id = (
    SELECT h.id FROM punches h INDEXED BY punches_awaiting_by_employee
    WHERE h.outcome IN ${AWAITING} AND h.employee_id IS NOT NULL AND h.employee_id = e.employee_id
    ORDER BY h.event_ms, h.id LIMIT 1)
  ORDER BY p.event_ms, p.id`;

/** The embedded ledger: one SQLite file in WAL mode, migrated at open. */
export class SqliteLedgerStore implements LedgerStore {
  private readonly db: Database;
  private readonly statements = new Map<string, Statement>();

  private constructor(db: Database) {
    this.db = db;
  }

  static open(options: SqliteStoreOptions): SqliteLedgerStore {
    let db: Database | null = null;
    try {
      if (options.path !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
      db = new BetterSqlite3(options.path);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new SqliteLedgerStore(db);
    } catch (error) {
      db?.close();
      // A ledger newer than this code is a configuration matter (exit 2, its own hint), not a disk problem.
      if (error instanceof ConfigurationError) throw error;
      throw new StoreError(`open of ${options.path}`, error);
    }
  }

  /** Schema versions applied, for `doctor`/tests. */
  schemaVersions(): number[] {
    return (this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  }

  private stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private run<T>(operation: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof StoreError ? error : new StoreError(operation, error));
    }
  }

  ingest(items: readonly IngestItem[], source: EventSource, nowMs: number, bookkeeping: IngestBookkeeping = {}): Promise<IngestResult> {
    return this.run('ingest', () =>
      this.db.transaction(() => {
        const newPunchIds: number[] = [];
        let duplicates = 0;
        const byEventId = this.stmt('SELECT punch_id FROM event_ids WHERE event_id = ?');
        const byNaturalKey = this.stmt('SELECT id FROM punches WHERE natural_key = ?');
        const rememberId = this.stmt('INSERT OR IGNORE INTO event_ids(event_id, punch_id, source, seen_ms) VALUES (?, ?, ?, ?)');
        const fillPersonCode = this.stmt('UPDATE punches SET person_code = ? WHERE id = ? AND person_code IS NULL');
        const insert = this.stmt(`INSERT INTO punches (
            natural_key, event_id, source, priority, event_code, event_time, event_ms, utc_offset_minutes,
            person_id, person_code, person_name, card_no, door_index_code, door_name, reader_index_code, reader_name,
            check_in_out_type, in_out_type, raw, outcome, received_ms, updated_ms)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)`);
        for (const { event, eventMs, utcOffsetMinutes } of items) {
          const known = byEventId.get(event.eventId) as { punch_id: number } | undefined;
          if (known) {
            duplicates++;
            continue;
          }
          const key = naturalKeyOf(event, eventMs);
          const twin = key === null ? undefined : (byNaturalKey.get(key) as { id: number } | undefined);
          if (twin) {
            duplicates++;
            rememberId.run(event.eventId, twin.id, source, nowMs);
            if (event.personCode) fillPersonCode.run(event.personCode, twin.id);
            continue;
          }
          const info = insert.run(
            key,
            event.eventId,
            source,
            source === 'backfill' ? 'backfill' : 'live',
            event.eventCode,
            event.eventTime,
            eventMs,
            utcOffsetMinutes,
            event.personId,
            event.personCode,
            event.personName,
            event.cardNo,
            event.doorIndexCode,
            event.doorName,
            event.readerIndexCode,
            event.readerName,
            event.checkInAndOutType,
            event.inAndOutType,
            JSON.stringify(event.raw ?? null),
            nowMs,
            nowMs,
          );
          const id = Number(info.lastInsertRowid);
          rememberId.run(event.eventId, id, source, nowMs);
          newPunchIds.push(id);
        }
        for (const [key, value] of Object.entries(bookkeeping.meta ?? {})) this.setMetaSync(key, value);
        if (newPunchIds.length > 0) for (const [key, value] of Object.entries(bookkeeping.metaWhenNew ?? {})) this.setMetaSync(key, value);
        return { newPunchIds, duplicates };
      })(),
    );
  }

  getPunch(id: number): Promise<PunchRecord | null> {
    return this.run('read', () => {
      const row = this.stmt('SELECT * FROM punches WHERE id = ?').get(id) as PunchRow | undefined;
      return row ? punchFromRow(row) : null;
    });
  }

  findPunches(query: PunchQuery): Promise<PunchRecord[]> {
    return this.run('query', () => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.employeeId !== undefined) {
        where.push('(employee_id = ? OR person_code = ?)');
        params.push(query.employeeId, query.employeeId);
      }
      if (query.date !== undefined) {
        where.push('(working_day = ? OR (working_day IS NULL AND substr(event_time, 1, 10) = ?))');
        params.push(query.date, query.date);
      }
      if (query.door !== undefined) {
        where.push('(door_index_code = ? OR door_name = ? OR reader_index_code = ? OR reader_name = ?)');
        params.push(query.door, query.door, query.door, query.door);
      }
      if (query.personId !== undefined) {
        where.push('person_id = ?');
        params.push(query.personId);
      }
      if (query.outcome !== undefined) {
        const outcomes: readonly PunchOutcome[] = typeof query.outcome === 'string' ? [query.outcome] : query.outcome;
        where.push(`outcome IN (${outcomes.map(() => '?').join(',') || "''"})`);
        params.push(...outcomes);
      }
      if (query.ids !== undefined) {
        where.push(`id IN (${query.ids.map(() => '?').join(',') || '-1'})`);
        params.push(...query.ids);
      }
      const order = query.order === 'desc' ? 'DESC' : 'ASC';
      const sql = `SELECT * FROM punches ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY event_ms ${order}, id ${order} LIMIT ?`;
      params.push(query.limit ?? 1000);
      return (this.db.prepare(sql).all(...params) as PunchRow[]).map(punchFromRow);
    });
  }

  listByOutcome(outcomes: readonly PunchOutcome[], limit = 100_000): Promise<PunchRecord[]> {
    return this.findPunches({ outcome: outcomes, limit });
  }

  private applyUpdate(update: PunchUpdate, nowMs: number): void {
    const sets: string[] = ['outcome = ?', 'updated_ms = ?'];
    const params: unknown[] = [update.outcome, nowMs];
    const put = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    if (update.reason !== undefined) put('reason', update.reason);
    if (update.employeeId !== undefined) put('employee_id', update.employeeId);
    if (update.personCode !== undefined) put('person_code', update.personCode);
    if (update.entryType !== undefined) put('entry_type', update.entryType);
    if (update.workingDay !== undefined) put('working_day', update.workingDay);
    if (update.request !== undefined) put('request', update.request === null ? null : JSON.stringify(update.request));
    if (update.humandEntryId !== undefined) put('humand_entry_id', update.humandEntryId);
    if (update.attempts !== undefined) put('attempts', update.attempts);
    if (update.nextAttemptMs !== undefined) put('next_attempt_ms', update.nextAttemptMs);
    if (update.reconcileNeeded !== undefined) put('reconcile_needed', update.reconcileNeeded ? 1 : 0);
    if (update.priority !== undefined) put('priority', update.priority);
    params.push(update.id);
    if (update.expectedOutcome !== undefined) params.push(update.expectedOutcome);
    const guard = update.expectedOutcome === undefined ? '' : ' AND outcome = ?';
    const info = this.stmt(`UPDATE punches SET ${sets.join(', ')} WHERE id = ?${guard}`).run(...params);
    if (info.changes === 1) return;
    if (update.expectedOutcome !== undefined && this.stmt('SELECT 1 FROM punches WHERE id = ?').get(update.id) !== undefined) return;
    throw new Error(`punch ${update.id} does not exist`);
  }

  private insertAttempt(attempt: DeliveryAttempt): void {
    this.stmt(
      `INSERT INTO attempts(punch_id, at_ms, kind, method, path, request_body, status, result, message)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      attempt.punchId,
      attempt.atMs,
      attempt.kind,
      attempt.method,
      attempt.path,
      attempt.requestBody === undefined ? null : JSON.stringify(attempt.requestBody),
      attempt.status,
      attempt.result,
      attempt.message,
    );
  }

  updatePunches(updates: readonly PunchUpdate[], nowMs: number): Promise<void> {
    return this.run('update', () => {
      this.db.transaction(() => {
        for (const update of updates) this.applyUpdate(update, nowMs);
      })();
    });
  }

  updateWithAttempt(update: PunchUpdate, attempt: DeliveryAttempt, nowMs: number): Promise<void> {
    return this.run('update', () => {
      this.db.transaction(() => {
        this.applyUpdate(update, nowMs);
        this.insertAttempt(attempt);
      })();
    });
  }

  recordAttempt(attempt: DeliveryAttempt): Promise<void> {
    return this.run('record attempt', () => this.insertAttempt(attempt));
  }

  attemptsOf(punchId: number): Promise<DeliveryAttempt[]> {
    return this.run('read attempts', () =>
      (this.stmt('SELECT * FROM attempts WHERE punch_id = ? ORDER BY id').all(punchId) as AttemptRow[]).map(attemptFromRow),
    );
  }

  attemptsOfMany(punchIds: readonly number[]): Promise<Map<number, DeliveryAttempt[]>> {
    return this.run('read attempts', () =>
      groupAttempts(
        (
          this.stmt('SELECT * FROM attempts WHERE punch_id IN (SELECT value FROM json_each(?)) ORDER BY punch_id, id').all(
            JSON.stringify(punchIds),
          ) as AttemptRow[]
        ).map(attemptFromRow),
      ),
    );
  }

  deliveryHeads(): Promise<PunchRecord[]> {
    return this.run('read delivery heads', () => (this.stmt(DELIVERY_HEADS).all() as PunchRow[]).map(punchFromRow));
  }

  employeePunches(employeeId: string, fromMs: number, toMs: number, outcomes: readonly PunchOutcome[]): Promise<PunchRecord[]> {
    return this.run('read employee punches', () =>
      (
        this.db
          .prepare(
            `SELECT * FROM punches WHERE employee_id = ? AND event_ms BETWEEN ? AND ?
            AND outcome IN (${outcomes.map(() => '?').join(',') || "''"}) ORDER BY event_ms, id`,
          )
          .all(employeeId, fromMs, toMs, ...outcomes) as PunchRow[]
      ).map(punchFromRow),
    );
  }

  countsByOutcome(day?: string): Promise<Record<PunchOutcome, number>> {
    return this.run('count', () => {
      const counts = Object.fromEntries(PUNCH_OUTCOMES.map((o) => [o, 0])) as Record<PunchOutcome, number>;
      const rows =
        day === undefined
          ? this.stmt('SELECT outcome, COUNT(*) AS n FROM punches GROUP BY outcome').all()
          : this.stmt(
              `SELECT outcome, COUNT(*) AS n FROM punches
            WHERE working_day = ? OR (working_day IS NULL AND substr(event_time, 1, 10) = ?) GROUP BY outcome`,
            ).all(day, day);
      for (const row of rows as { outcome: PunchOutcome; n: number }[]) {
        counts[row.outcome] = row.n;
      }
      return counts;
    });
  }

  oldestEventMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.minOf('event_ms', outcomes);
  }

  oldestReceivedMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.minOf('received_ms', outcomes);
  }

  private minOf(column: 'event_ms' | 'received_ms', outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.run('read oldest', () => {
      const row = this.db
        .prepare(`SELECT MIN(${column}) AS m FROM punches WHERE outcome IN (${outcomes.map(() => '?').join(',') || "''"})`)
        .get(...outcomes) as { m: number | null };
      return row.m;
    });
  }

  resetOutcome(from: PunchOutcome, to: PunchOutcome, reason: string | null, nowMs: number): Promise<number> {
    return this.run('reset outcome', () => {
      const info = this.stmt('UPDATE punches SET outcome = ?, reason = ?, updated_ms = ? WHERE outcome = ?').run(to, reason, nowMs, from);
      return info.changes;
    });
  }

  getCursor(name: string): Promise<number | null> {
    return this.run('read cursor', () => {
      const row = this.stmt('SELECT value_ms FROM cursors WHERE name = ?').get(name) as { value_ms: number } | undefined;
      return row ? row.value_ms : null;
    });
  }

  setCursor(name: string, valueMs: number, nowMs: number): Promise<void> {
    return this.run('write cursor', () => {
      this.stmt(
        `INSERT INTO cursors(name, value_ms, updated_ms) VALUES (?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET value_ms = excluded.value_ms, updated_ms = excluded.updated_ms`,
      ).run(name, valueMs, nowMs);
    });
  }

  private writePerson(person: HikPerson, nowMs: number): void {
    this.stmt(
      `INSERT INTO hik_persons(person_id, person_code, person_name, card_nos, custom_fields, refreshed_ms)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(person_id) DO UPDATE SET person_code = excluded.person_code, person_name = excluded.person_name,
        card_nos = excluded.card_nos, custom_fields = excluded.custom_fields, refreshed_ms = excluded.refreshed_ms`,
    ).run(person.personId, person.personCode, person.personName, JSON.stringify(person.cardNos), JSON.stringify(person.customFields), nowMs);
  }

  replacePersons(persons: readonly HikPerson[], nowMs: number): Promise<void> {
    return this.run('write persons', () => {
      this.db.transaction(() => {
        this.stmt('DELETE FROM hik_persons').run();
        for (const person of persons) this.writePerson(person, nowMs);
        this.setMetaSync(META_KEYS.personsRefreshed, String(nowMs));
      })();
    });
  }

  upsertPerson(person: HikPerson, nowMs: number): Promise<void> {
    return this.run('write person', () => this.writePerson(person, nowMs));
  }

  getPerson(personId: string): Promise<HikPerson | null> {
    return this.run('read person', () => {
      const row = this.stmt('SELECT * FROM hik_persons WHERE person_id = ?').get(personId) as PersonRow | undefined;
      return row ? personFromRow(row) : null;
    });
  }

  listPersons(): Promise<HikPerson[]> {
    return this.run('read persons', () => (this.stmt('SELECT * FROM hik_persons ORDER BY person_id').all() as PersonRow[]).map(personFromRow));
  }

  personsRefreshedAt(): Promise<number | null> {
    return this.run('read meta', () => this.numberMeta(META_KEYS.personsRefreshed));
  }

  replaceUsers(users: readonly HumandUser[], nowMs: number): Promise<void> {
    return this.run('write users', () => {
      this.db.transaction(() => {
        this.stmt('DELETE FROM humand_users').run();
        this.stmt('DELETE FROM humand_user_fields').run();
        const insertUser = this
          .stmt(`INSERT OR REPLACE INTO humand_users(employee_internal_id, user_id, email, first_name, last_name, status, fields, refreshed_ms)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
        const insertField = this.stmt('INSERT INTO humand_user_fields(employee_internal_id, name, value) VALUES (?, ?, ?)');
        for (const user of users) {
          insertUser.run(user.employeeInternalId, String(user.id), user.email, user.firstName, user.lastName, user.status, JSON.stringify(user.fields), nowMs);
          for (const [name, value] of Object.entries(user.fields)) insertField.run(user.employeeInternalId, name, value);
        }
        this.setMetaSync(META_KEYS.usersRefreshed, String(nowMs));
      })();
    });
  }

  getUser(employeeInternalId: string): Promise<HumandUser | null> {
    return this.run('read user', () => {
      const row = this.stmt('SELECT * FROM humand_users WHERE employee_internal_id = ?').get(employeeInternalId) as UserRow | undefined;
      return row ? userFromRow(row) : null;
    });
  }

  listUsers(): Promise<HumandUser[]> {
    return this.run('read users', () => (this.stmt('SELECT * FROM humand_users ORDER BY employee_internal_id').all() as UserRow[]).map(userFromRow));
  }

  findUsersByField(field: string, value: string): Promise<HumandUser[]> {
    return this.run('read users', () =>
      (
        this.stmt(
          `SELECT u.* FROM humand_users u JOIN humand_user_fields f ON f.employee_internal_id = u.employee_internal_id
          WHERE f.name = ? AND f.value = ? ORDER BY u.employee_internal_id`,
        ).all(field, value) as UserRow[]
      ).map(userFromRow),
    );
  }

  usersRefreshedAt(): Promise<number | null> {
    return this.run('read meta', () => this.numberMeta(META_KEYS.usersRefreshed));
  }

  private numberMeta(key: string): number | null {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? Number(row.value) : null;
  }

  private setMetaSync(key: string, value: string | null): void {
    if (value === null) this.stmt('DELETE FROM meta WHERE key = ?').run(key);
    else this.stmt('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  getMeta(key: string): Promise<string | null> {
    return this.run('read meta', () => {
      const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
      return row ? row.value : null;
    });
  }

  setMeta(key: string, value: string | null): Promise<void> {
    return this.run('write meta', () => this.setMetaSync(key, value));
  }

  private lease: DeliveryLeaseHolder | null = null;
  private leaseEpoch = 0;
  private releasedBy: string | null = null;

  /** One process owns a SQLite file (the CLI's ledger lock sees to that): it always delivers. */
  tryAcquireDeliveryLease(ownerId: string, ttlMs: number, nowMs: number): Promise<boolean> {
    const current = this.lease;
    if (current?.ownerId === ownerId) {
      this.lease = { ...current, expiresMs: nowMs + ttlMs };
      return Promise.resolve(true);
    }
    this.leaseEpoch++;
    const previousHolder =
      current !== null
        ? { ownerId: current.ownerId, expiredMs: current.expiresMs }
        : this.releasedBy !== null
          ? { ownerId: this.releasedBy, expiredMs: null }
          : null;
    this.lease = { ownerId, acquiredMs: nowMs, expiresMs: nowMs + ttlMs, epoch: this.leaseEpoch, previousHolder };
    return Promise.resolve(true);
  }

  releaseDeliveryLease(ownerId: string): Promise<void> {
    if (this.lease?.ownerId === ownerId) {
      this.lease = null;
      this.releasedBy = ownerId;
    }
    return Promise.resolve();
  }

  deliveryLeaseHolder(): Promise<DeliveryLeaseHolder | null> {
    return Promise.resolve(this.lease);
  }

  close(): Promise<void> {
    return this.run('close', () => {
      if (this.db.open) this.db.close();
    });
  }

  private rangeWhere(query: PunchRangeQuery): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const where = whereClause(
      punchRangeConditions(query, (value) => {
        params.push(value);
        return '?';
      }),
    );
    return { where, params };
  }

  findPunchPage(query: PunchPageQuery): Promise<PunchRecord[]> {
    return this.run('query page', () => {
      const { where, params } = this.rangeWhere(query);
      const order = query.order === 'desc' ? 'DESC' : 'ASC';
      const sql = `SELECT * FROM punches ${where} ORDER BY event_ms ${order}, id ${order} LIMIT ? OFFSET ?`;
      return (this.db.prepare(sql).all(...params, query.limit, query.offset ?? 0) as PunchRow[]).map(punchFromRow);
    });
  }

  countPunchRange(query: PunchRangeQuery): Promise<number> {
    return this.run('count range', () => {
      const { where, params } = this.rangeWhere(query);
      return (this.db.prepare(`SELECT COUNT(*) AS n FROM punches ${where}`).get(...params) as { n: number }).n;
    });
  }

  punchPeople(query: PunchRangeQuery): Promise<PunchPerson[]> {
    return this.run('read punch people', () => {
      const { where, params } = this.rangeWhere(query);
      const sql = `SELECT ${PUNCH_PEOPLE_SELECT} FROM punches ${where} GROUP BY 1, 2 ORDER BY 1, 2`;
      return (this.db.prepare(sql).all(...params) as PunchPersonRow[]).map(punchPersonFromRow);
    });
  }

  punchInstants(query: PunchRangeQuery): Promise<number[]> {
    return this.run('read instants', () => {
      const { where, params } = this.rangeWhere(query);
      const sql = `SELECT event_ms FROM punches ${where}${where ? ' AND' : ' WHERE'} event_ms IS NOT NULL ORDER BY event_ms`;
      return this.db
        .prepare(sql)
        .pluck()
        .all(...params) as number[];
    });
  }
}
