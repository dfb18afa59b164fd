import { META_KEYS } from '../meta-keys.js';
import type pg from 'pg';
import type { EventSource } from '../../domain/access-event.js';
import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import {
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
import { countsFrom } from '../counts.js';
import { postgresDialect, type SqlDialect, type Statement, type Tables } from '../sql/dialect.js';
import * as q from '../sql/queries.js';
import { punchPersonFromRow, type PunchPageQuery, type PunchPerson, type PunchPersonRow, type PunchRangeQuery } from '../punch-range.js';
import type { PostgresConnectionOptions } from './connection.js';
import { inTransaction, onPool, type Db } from './database.js';
import { deliveryHeadsSql } from './delivery-heads.js';
import { leaseHolder, releaseLease, takeLease } from './delivery-lease.js';
import { writePersons, writeUsers } from './directory-writes.js';
import { ingestBatch } from './ingest.js';
import { openMigratedPool } from './open-pool.js';
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

export type PostgresStoreOptions = PostgresConnectionOptions;

/**
 * The ledger in PostgreSQL, for several instances sharing one database: same semantics as the
 * SQLite ledger (atomic, de-duplicated ingest; transactional updates; typed errors), safe
 * under concurrent writers, plus a delivery lease so only one instance delivers at a time.
 */
export class PostgresLedgerStore implements LedgerStore {
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly t: Tables,
    private readonly d: SqlDialect,
    /** The database, password hidden: named in every error. */
    readonly where: string,
    readonly schema: string,
  ) {}

  /** Connects and migrates (instances starting together migrate one at a time). */
  static async open(options: PostgresStoreOptions): Promise<PostgresLedgerStore> {
    const { pool, tables, where, schema } = await openMigratedPool(options);
    return new PostgresLedgerStore(pool, tables, postgresDialect(tables), where, schema);
  }

  /** Schema versions applied, for `doctor`/tests. */
  async schemaVersions(): Promise<number[]> {
    const rows = await this.read('read schema versions', (db) => db.rows<{ version: number }>(`SELECT version FROM ${this.t.migrations} ORDER BY version`));
    return rows.map((r) => r.version);
  }

  private read<T>(operation: string, work: (db: Db) => Promise<T>): Promise<T> {
    return onPool(this.pool, operation, this.where, work);
  }

  private write<T>(operation: string, work: (db: Db) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, operation, this.where, work);
  }

  private async punchRows(operation: string, statement: Statement): Promise<PunchRecord[]> {
    return (await this.rowsOf<PunchRow>(operation, statement)).map(punchFromRow);
  }

  private rowsOf<R extends object>(operation: string, statement: Statement): Promise<R[]> {
    return this.read(operation, (db) => db.select<R>(statement));
  }

  ingest(items: readonly IngestItem[], source: EventSource, nowMs: number, bookkeeping: IngestBookkeeping = {}): Promise<IngestResult> {
    const always = Object.entries(bookkeeping.meta ?? {});
    if (items.length === 0 && always.length === 0) return Promise.resolve({ newPunchIds: [], duplicates: 0 });
    return this.write('ingest', async (db) => {
      const result = items.length === 0 ? { newPunchIds: [], duplicates: 0 } : await ingestBatch(db, this.t, items, source, nowMs);
      const whenNew = result.newPunchIds.length > 0 ? Object.entries(bookkeeping.metaWhenNew ?? {}) : [];
      for (const [key, value] of [...always, ...whenNew]) await this.writeMeta(db, key, value);
      return result;
    });
  }

  async getPunch(id: number): Promise<PunchRecord | null> {
    return (await this.punchRows('read', q.punchById(this.d, id)))[0] ?? null;
  }

  findPunches(query: PunchQuery): Promise<PunchRecord[]> {
    return this.punchRows('query', q.findPunches(this.d, query));
  }

  listByOutcome(outcomes: readonly PunchOutcome[], limit = 100_000): Promise<PunchRecord[]> {
    return this.findPunches({ outcome: outcomes, limit });
  }

  private async applyUpdate(db: Db, update: PunchUpdate, nowMs: number): Promise<void> {
    if ((await db.exec(q.updatePunch(this.d, update, nowMs))) === 1) return;
    // Moved on by someone else meanwhile: the guarded update is skipped, as asked.
    if (update.expectedOutcome !== undefined && (await db.select(q.punchExists(this.d, update.id))).length > 0) return;
    throw new Error(`punch ${update.id} does not exist`);
  }

  private async insertAttempt(db: Db, attempt: DeliveryAttempt): Promise<void> {
    await db.exec(q.insertAttempt(this.d, attempt));
  }

  updatePunches(updates: readonly PunchUpdate[], nowMs: number): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.write('update', async (db) => {
      // Rows locked in id order, so two instances updating overlapping sets never deadlock.
      for (const update of [...updates].sort((a, b) => a.id - b.id)) await this.applyUpdate(db, update, nowMs);
    });
  }

  updateWithAttempt(update: PunchUpdate, attempt: DeliveryAttempt, nowMs: number): Promise<void> {
    return this.write('update', async (db) => {
      await this.applyUpdate(db, update, nowMs);
      await this.insertAttempt(db, attempt);
    });
  }

  recordAttempt(attempt: DeliveryAttempt): Promise<void> {
    return this.read('record attempt', (db) => this.insertAttempt(db, attempt));
  }

  async attemptsOf(punchId: number): Promise<DeliveryAttempt[]> {
    return (await this.rowsOf<AttemptRow>('read attempts', q.attemptsOf(this.d, punchId))).map(attemptFromRow);
  }

  async attemptsOfMany(punchIds: readonly number[]): Promise<Map<number, DeliveryAttempt[]>> {
    if (punchIds.length === 0) return new Map();
    return groupAttempts((await this.rowsOf<AttemptRow>('read attempts', q.attemptsOfMany(this.d, punchIds))).map(attemptFromRow));
  }

  deliveryHeads(): Promise<PunchRecord[]> {
    return this.read('read delivery heads', async (db) => (await db.rows<PunchRow>(deliveryHeadsSql(this.t))).map(punchFromRow));
  }

  employeePunches(employeeId: string, fromMs: number, toMs: number, outcomes: readonly PunchOutcome[]): Promise<PunchRecord[]> {
    return this.punchRows('read employee punches', q.employeePunches(this.d, employeeId, fromMs, toMs, outcomes));
  }

  async countsByOutcome(day?: string): Promise<Record<PunchOutcome, number>> {
    return countsFrom(await this.rowsOf<{ outcome: PunchOutcome; n: number | string }>('count', q.countsByOutcome(this.d, day)));
  }

  oldestEventMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.minOf('event_ms', outcomes);
  }

  oldestReceivedMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.minOf('received_ms', outcomes);
  }

  private async minOf(column: 'event_ms' | 'received_ms', outcomes: readonly PunchOutcome[]): Promise<number | null> {
    const m = (await this.rowsOf<{ m: number | string | null }>('read oldest', q.oldest(this.d, column, outcomes)))[0]?.m ?? null;
    return m === null ? null : Number(m);
  }

  resetOutcome(from: PunchOutcome, to: PunchOutcome, reason: string | null, nowMs: number): Promise<number> {
    return this.read('reset outcome', (db) => db.exec(q.resetOutcome(this.d, from, to, reason, nowMs)));
  }

  async getCursor(name: string): Promise<number | null> {
    const value = (await this.rowsOf<{ value_ms: number | string }>('read cursor', q.getCursor(this.d, name)))[0]?.value_ms;
    return value === undefined ? null : Number(value);
  }

  async setCursor(name: string, valueMs: number, nowMs: number): Promise<void> {
    await this.read('write cursor', (db) => db.exec(q.setCursor(this.d, name, valueMs, nowMs)));
  }

  private async writePerson(db: Db, person: HikPerson, nowMs: number): Promise<void> {
    await db.exec(q.upsertPerson(this.d, person, nowMs));
  }

  replacePersons(persons: readonly HikPerson[], nowMs: number): Promise<void> {
    return this.write('write persons', async (db) => {
      await writePersons(db, this.t, persons, nowMs);
      await this.writeMeta(db, META_KEYS.personsRefreshed, String(nowMs));
    });
  }

  async upsertPerson(person: HikPerson, nowMs: number): Promise<void> {
    await this.read('write person', (db) => this.writePerson(db, person, nowMs));
  }

  async getPerson(personId: string): Promise<HikPerson | null> {
    const row = (await this.rowsOf<PersonRow>('read person', q.personById(this.d, personId)))[0];
    return row === undefined ? null : personFromRow(row);
  }

  async listPersons(): Promise<HikPerson[]> {
    return (await this.rowsOf<PersonRow>('read persons', q.allPersons(this.d))).map(personFromRow);
  }

  personsRefreshedAt(): Promise<number | null> {
    return this.numberMeta(META_KEYS.personsRefreshed);
  }

  replaceUsers(users: readonly HumandUser[], nowMs: number): Promise<void> {
    return this.write('write users', async (db) => {
      await writeUsers(db, this.t, users, nowMs);
      await this.writeMeta(db, META_KEYS.usersRefreshed, String(nowMs));
    });
  }

  async getUser(employeeInternalId: string): Promise<HumandUser | null> {
    const row = (await this.rowsOf<UserRow>('read user', q.userById(this.d, employeeInternalId)))[0];
    return row === undefined ? null : userFromRow(row);
  }

  async listUsers(): Promise<HumandUser[]> {
    return (await this.rowsOf<UserRow>('read users', q.allUsers(this.d))).map(userFromRow);
  }

  async findUsersByField(field: string, value: string): Promise<HumandUser[]> {
    return (await this.rowsOf<UserRow>('read users', q.usersByField(this.d, field, value))).map(userFromRow);
  }

  usersRefreshedAt(): Promise<number | null> {
    return this.numberMeta(META_KEYS.usersRefreshed);
  }

  private async numberMeta(key: string): Promise<number | null> {
    const value = await this.getMeta(key);
    return value === null ? null : Number(value);
  }

  private async writeMeta(db: Db, key: string, value: string | null): Promise<void> {
    await db.exec(q.setMeta(this.d, key, value));
  }

  async getMeta(key: string): Promise<string | null> {
    return (await this.rowsOf<{ value: string }>('read meta', q.getMeta(this.d, key)))[0]?.value ?? null;
  }

  setMeta(key: string, value: string | null): Promise<void> {
    return this.read('write meta', (db) => this.writeMeta(db, key, value));
  }

  /** Instances changing the same key take turns on a transaction-scoped advisory lock (the row may not exist yet). */
  updateMeta(key: string, change: (current: string | null) => string | null): Promise<string | null> {
    return this.write('update meta', async (db) => {
      await db.rows(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${this.schema}/meta/${key}`]);
      const next = change((await db.select<{ value: string }>(q.getMeta(this.d, key)))[0]?.value ?? null);
      await this.writeMeta(db, key, next);
      return next;
    });
  }

  /** See ./delivery-lease.ts: one row per ledger, taken when free or expired, renewed by its owner. */
  tryAcquireDeliveryLease(ownerId: string, ttlMs: number, nowMs: number): Promise<boolean> {
    return this.read('take delivery lease', (db) => takeLease(db, this.t, ownerId, ttlMs, nowMs));
  }

  releaseDeliveryLease(ownerId: string): Promise<void> {
    return this.read('release delivery lease', (db) => releaseLease(db, this.t, ownerId));
  }

  deliveryLeaseHolder(): Promise<DeliveryLeaseHolder | null> {
    return this.read('read delivery lease', (db) => leaseHolder(db, this.t));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  findPunchPage(query: PunchPageQuery): Promise<PunchRecord[]> {
    return this.punchRows('query page', q.punchPage(this.d, query));
  }

  async countPunchRange(query: PunchRangeQuery): Promise<number> {
    return Number((await this.rowsOf<{ n: number | string }>('count range', q.countPunchRange(this.d, query)))[0]?.n ?? 0);
  }

  async punchPeople(query: PunchRangeQuery): Promise<PunchPerson[]> {
    return (await this.rowsOf<PunchPersonRow>('read punch people', q.punchPeople(this.d, query))).map(punchPersonFromRow);
  }

  async punchInstants(query: PunchRangeQuery): Promise<number[]> {
    return (await this.rowsOf<{ event_ms: number | string }>('read instants', q.punchInstants(this.d, query))).map((r) => Number(r.event_ms));
  }
}
