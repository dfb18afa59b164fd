import { META_KEYS } from '../meta-keys.js';
import type { Database } from 'better-sqlite3';
import type { EventSource } from '../../domain/access-event.js';
import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import { StoreError } from '../errors.js';
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
import { SQLITE, type Statement } from '../sql/dialect.js';
import * as q from '../sql/queries.js';
import { punchPersonFromRow, type PunchPageQuery, type PunchPerson, type PunchPersonRow, type PunchRangeQuery } from '../punch-range.js';
import { DELIVERY_HEADS } from './delivery-heads.js';
import { ingestItems } from './ingest.js';
import { openDatabase, type SqliteStoreOptions } from './open-database.js';
import { ProcessLease } from './process-lease.js';
import { StatementCache } from './statement-cache.js';
import { writeUsers } from './users-write.js';
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

export type { SqliteStoreOptions };

/** The embedded ledger: one SQLite file in WAL mode, migrated at open. */
export class SqliteLedgerStore implements LedgerStore {
  private readonly db: Database;
  private readonly sql: StatementCache;

  private constructor(db: Database) {
    this.db = db;
    this.sql = new StatementCache(db);
  }

  static open(options: SqliteStoreOptions): SqliteLedgerStore {
    return new SqliteLedgerStore(openDatabase(options));
  }

  /** Schema versions applied, for `doctor`/tests. */
  schemaVersions(): number[] {
    return (this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  }

  private punchRows(statement: Statement): PunchRecord[] {
    return this.sql.all<PunchRow>(statement).map(punchFromRow);
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
        const result = ingestItems((sql) => this.sql.prepared(sql), items, source, nowMs);
        for (const [key, value] of Object.entries(bookkeeping.meta ?? {})) this.setMetaSync(key, value);
        if (result.newPunchIds.length > 0) for (const [key, value] of Object.entries(bookkeeping.metaWhenNew ?? {})) this.setMetaSync(key, value);
        return result;
      })(),
    );
  }

  getPunch(id: number): Promise<PunchRecord | null> {
    return this.run('read', () => this.punchRows(q.punchById(SQLITE, id))[0] ?? null);
  }

  findPunches(query: PunchQuery): Promise<PunchRecord[]> {
    return this.run('query', () => this.punchRows(q.findPunches(SQLITE, query)));
  }

  listByOutcome(outcomes: readonly PunchOutcome[], limit = 100_000): Promise<PunchRecord[]> {
    return this.findPunches({ outcome: outcomes, limit });
  }

  private applyUpdate(update: PunchUpdate, nowMs: number): void {
    if (this.sql.exec(q.updatePunch(SQLITE, update, nowMs)) === 1) return;
    // Moved on by someone else meanwhile: the guarded update is skipped, as asked.
    if (update.expectedOutcome !== undefined && this.sql.get(q.punchExists(SQLITE, update.id)) !== undefined) return;
    throw new Error(`punch ${update.id} does not exist`);
  }

  private insertAttempt(attempt: DeliveryAttempt): void {
    this.sql.exec(q.insertAttempt(SQLITE, attempt));
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
    return this.run('read attempts', () => this.sql.all<AttemptRow>(q.attemptsOf(SQLITE, punchId)).map(attemptFromRow));
  }

  attemptsOfMany(punchIds: readonly number[]): Promise<Map<number, DeliveryAttempt[]>> {
    if (punchIds.length === 0) return Promise.resolve(new Map());
    return this.run('read attempts', () => groupAttempts(this.sql.all<AttemptRow>(q.attemptsOfMany(SQLITE, punchIds)).map(attemptFromRow)));
  }

  deliveryHeads(): Promise<PunchRecord[]> {
    return this.run('read delivery heads', () => (this.sql.prepared(DELIVERY_HEADS).all() as PunchRow[]).map(punchFromRow));
  }

  employeePunches(employeeId: string, fromMs: number, toMs: number, outcomes: readonly PunchOutcome[]): Promise<PunchRecord[]> {
    return this.run('read employee punches', () => this.punchRows(q.employeePunches(SQLITE, employeeId, fromMs, toMs, outcomes)));
  }

  countsByOutcome(day?: string): Promise<Record<PunchOutcome, number>> {
    return this.run('count', () => countsFrom(this.sql.all<{ outcome: PunchOutcome; n: number }>(q.countsByOutcome(SQLITE, day))));
  }

  oldestEventMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.run('read oldest', () => this.sql.get<{ m: number | null }>(q.oldest(SQLITE, 'event_ms', outcomes))?.m ?? null);
  }

  oldestReceivedMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.run('read oldest', () => this.sql.get<{ m: number | null }>(q.oldest(SQLITE, 'received_ms', outcomes))?.m ?? null);
  }

  resetOutcome(from: PunchOutcome, to: PunchOutcome, reason: string | null, nowMs: number): Promise<number> {
    return this.run('reset outcome', () => this.sql.exec(q.resetOutcome(SQLITE, from, to, reason, nowMs)));
  }

  getCursor(name: string): Promise<number | null> {
    return this.run('read cursor', () => this.sql.get<{ value_ms: number }>(q.getCursor(SQLITE, name))?.value_ms ?? null);
  }

  setCursor(name: string, valueMs: number, nowMs: number): Promise<void> {
    return this.run('write cursor', () => void this.sql.exec(q.setCursor(SQLITE, name, valueMs, nowMs)));
  }

  private writePerson(person: HikPerson, nowMs: number): void {
    this.sql.exec(q.upsertPerson(SQLITE, person, nowMs));
  }

  replacePersons(persons: readonly HikPerson[], nowMs: number): Promise<void> {
    return this.run('write persons', () => {
      this.db.transaction(() => {
        this.sql.prepared('DELETE FROM hik_persons').run();
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
      const row = this.sql.get<PersonRow>(q.personById(SQLITE, personId));
      return row ? personFromRow(row) : null;
    });
  }

  listPersons(): Promise<HikPerson[]> {
    return this.run('read persons', () => this.sql.all<PersonRow>(q.allPersons(SQLITE)).map(personFromRow));
  }

  personsRefreshedAt(): Promise<number | null> {
    return this.run('read meta', () => this.numberMeta(META_KEYS.personsRefreshed));
  }

  replaceUsers(users: readonly HumandUser[], nowMs: number): Promise<void> {
    return this.run('write users', () => {
      this.db.transaction(() => {
        writeUsers((sql) => this.sql.prepared(sql), users, nowMs);
        this.setMetaSync(META_KEYS.usersRefreshed, String(nowMs));
      })();
    });
  }

  getUser(employeeInternalId: string): Promise<HumandUser | null> {
    return this.run('read user', () => {
      const row = this.sql.get<UserRow>(q.userById(SQLITE, employeeInternalId));
      return row ? userFromRow(row) : null;
    });
  }

  listUsers(): Promise<HumandUser[]> {
    return this.run('read users', () => this.sql.all<UserRow>(q.allUsers(SQLITE)).map(userFromRow));
  }

  findUsersByField(field: string, value: string): Promise<HumandUser[]> {
    return this.run('read users', () => this.sql.all<UserRow>(q.usersByField(SQLITE, field, value)).map(userFromRow));
  }

  usersRefreshedAt(): Promise<number | null> {
    return this.run('read meta', () => this.numberMeta(META_KEYS.usersRefreshed));
  }

  private numberMeta(key: string): number | null {
    const value = this.metaSync(key);
    return value === null ? null : Number(value);
  }

  private metaSync(key: string): string | null {
    return this.sql.get<{ value: string }>(q.getMeta(SQLITE, key))?.value ?? null;
  }

  private setMetaSync(key: string, value: string | null): void {
    this.sql.exec(q.setMeta(SQLITE, key, value));
  }

  getMeta(key: string): Promise<string | null> {
    return this.run('read meta', () => this.metaSync(key));
  }

  setMeta(key: string, value: string | null): Promise<void> {
    return this.run('write meta', () => this.setMetaSync(key, value));
  }

  updateMeta(key: string, change: (current: string | null) => string | null): Promise<string | null> {
    return this.run('update meta', () =>
      this.db.transaction(() => {
        const next = change(this.metaSync(key));
        this.setMetaSync(key, next);
        return next;
      })(),
    );
  }

  private readonly lease = new ProcessLease();

  /** One process owns a SQLite file (the CLI's ledger lock sees to that): it always delivers. */
  tryAcquireDeliveryLease(ownerId: string, ttlMs: number, nowMs: number): Promise<boolean> {
    return Promise.resolve(this.lease.acquire(ownerId, ttlMs, nowMs));
  }

  releaseDeliveryLease(ownerId: string): Promise<void> {
    this.lease.release(ownerId);
    return Promise.resolve();
  }

  deliveryLeaseHolder(): Promise<DeliveryLeaseHolder | null> {
    return Promise.resolve(this.lease.holder);
  }

  close(): Promise<void> {
    return this.run('close', () => {
      if (this.db.open) this.db.close();
    });
  }

  findPunchPage(query: PunchPageQuery): Promise<PunchRecord[]> {
    return this.run('query page', () => this.punchRows(q.punchPage(SQLITE, query)));
  }

  countPunchRange(query: PunchRangeQuery): Promise<number> {
    return this.run('count range', () => this.sql.get<{ n: number }>(q.countPunchRange(SQLITE, query))?.n ?? 0);
  }

  punchPeople(query: PunchRangeQuery): Promise<PunchPerson[]> {
    return this.run('read punch people', () => this.sql.all<PunchPersonRow>(q.punchPeople(SQLITE, query)).map(punchPersonFromRow));
  }

  punchInstants(query: PunchRangeQuery): Promise<number[]> {
    return this.run('read instants', () => this.sql.all<{ event_ms: number }>(q.punchInstants(SQLITE, query)).map((row) => row.event_ms));
  }
}
