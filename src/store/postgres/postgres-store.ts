import { META_KEYS } from '../meta-keys.js';
import type pg from 'pg';
import type { EventSource } from '../../domain/access-event.js';
import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
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
import { createPool, DEFAULT_SCHEMA, describeDatabaseUrl, type PostgresConnectionOptions } from './connection.js';
import { inTransaction, onPool, type Db } from './database.js';
import { toStoreError } from './errors.js';
import { ingestBatch } from './ingest.js';
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
import { tablesIn, type Tables } from './tables.js';

export type PostgresStoreOptions = PostgresConnectionOptions;

const AWAITING = `('queued','held','sending')`;
const LEASE = 'delivery';

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
    /** The database, password hidden: named in every error. */
    readonly where: string,
    readonly schema: string,
  ) {}

  /** Connects and migrates (instances starting together migrate one at a time). */
  static async open(options: PostgresStoreOptions): Promise<PostgresLedgerStore> {
    const schema = options.schema ?? DEFAULT_SCHEMA;
    const where = `${describeDatabaseUrl(options.connectionString)} (schema ${schema})`;
    let pool: pg.Pool | undefined;
    try {
      const t = tablesIn(schema);
      pool = createPool(options);
      const client = await pool.connect();
      const ignore = () => undefined; // a dying connection fails the migration query itself
      client.on('error', ignore);
      try {
        await migrate(client, schema, t.schema);
      } finally {
        client.off('error', ignore);
        client.release(true);
      }
      return new PostgresLedgerStore(pool, t, where, schema);
    } catch (error) {
      await pool?.end().catch(() => undefined);
      throw toStoreError('open', error, where);
    }
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

  private async punches(db: Db, sql: string, params: readonly unknown[] = []): Promise<PunchRecord[]> {
    return (await db.rows<PunchRow>(sql, params)).map(punchFromRow);
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
    const found = await this.read('read', (db) => this.punches(db, `SELECT * FROM ${this.t.punches} WHERE id = $1`, [id]));
    return found[0] ?? null;
  }

  findPunches(query: PunchQuery): Promise<PunchRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.employeeId !== undefined) {
      const p = param(query.employeeId);
      where.push(`(employee_id = ${p} OR person_code = ${p})`);
    }
    if (query.date !== undefined) {
      const p = param(query.date);
      where.push(`(working_day = ${p} OR (working_day IS NULL AND substr(event_time, 1, 10) = ${p}))`);
    }
    if (query.door !== undefined) {
      const p = param(query.door);
      where.push(`(door_index_code = ${p} OR door_name = ${p} OR reader_index_code = ${p} OR reader_name = ${p})`);
    }
    if (query.personId !== undefined) where.push(`person_id = ${param(query.personId)}`);
    if (query.outcome !== undefined) {
      const outcomes: readonly PunchOutcome[] = typeof query.outcome === 'string' ? [query.outcome] : query.outcome;
      where.push(`outcome = ANY(${param(outcomes)}::text[])`);
    }
    if (query.ids !== undefined) where.push(`id = ANY(${param(query.ids)}::bigint[])`);
    // Ordered as SQLite orders: a punch without an instant comes first ascending, last descending.
    const order = query.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const sql = `SELECT * FROM ${this.t.punches} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY event_ms ${order}, id ${direction} LIMIT ${param(query.limit ?? 1000)}`;
    return this.read('query', (db) => this.punches(db, sql, params));
  }

  listByOutcome(outcomes: readonly PunchOutcome[], limit = 100_000): Promise<PunchRecord[]> {
    return this.findPunches({ outcome: outcomes, limit });
  }

  private async applyUpdate(db: Db, update: PunchUpdate, nowMs: number): Promise<void> {
    const params: unknown[] = [update.outcome, nowMs];
    const sets: string[] = ['outcome = $1', 'updated_ms = $2'];
    const put = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
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
    if (update.reconcileNeeded !== undefined) put('reconcile_needed', update.reconcileNeeded);
    if (update.priority !== undefined) put('priority', update.priority);
    params.push(update.id);
    let condition = `id = $${params.length}`;
    if (update.expectedOutcome !== undefined) {
      params.push(update.expectedOutcome);
      condition += ` AND outcome = $${params.length}`;
    }
    if ((await db.run(`UPDATE ${this.t.punches} SET ${sets.join(', ')} WHERE ${condition}`, params)) === 1) return;
    // Moved on by someone else meanwhile: the guarded update is skipped, as asked.
    if (update.expectedOutcome !== undefined && (await db.rows(`SELECT 1 FROM ${this.t.punches} WHERE id = $1`, [update.id])).length > 0) return;
    throw new Error(`punch ${update.id} does not exist`);
  }

  private async insertAttempt(db: Db, attempt: DeliveryAttempt): Promise<void> {
    await db.run(
      `INSERT INTO ${this.t.attempts}(punch_id, at_ms, kind, method, path, request_body, status, result, message)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        attempt.punchId,
        attempt.atMs,
        attempt.kind,
        attempt.method,
        attempt.path,
        attempt.requestBody === undefined ? null : JSON.stringify(attempt.requestBody),
        attempt.status,
        attempt.result,
        attempt.message,
      ],
    );
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
    const rows = await this.read('read attempts', (db) => db.rows<AttemptRow>(`SELECT * FROM ${this.t.attempts} WHERE punch_id = $1 ORDER BY id`, [punchId]));
    return rows.map(attemptFromRow);
  }

  async attemptsOfMany(punchIds: readonly number[]): Promise<Map<number, DeliveryAttempt[]>> {
    if (punchIds.length === 0) return new Map();
    const rows = await this.read('read attempts', (db) =>
      db.rows<AttemptRow>(`SELECT * FROM ${this.t.attempts} WHERE punch_id = ANY($1::bigint[]) ORDER BY punch_id, id`, [punchIds]),
    );
    return groupAttempts(rows.map(attemptFromRow));
  }

  deliveryHeads(): Promise<PunchRecord[]> {
    return this.read('read delivery heads', (db) =>
      this.punches(
        db,
        // A loose scan of the partial index punches_awaiting_by_employee (migration 2): hop from
        // one awaiting employee to the next, then take that employee's first punch in delivery
        // order. O(employees · log n), where DISTINCT ON would read every awaiting row.
        `WITH RECURSIVE employees(employee_id) AS (
           SELECT MIN(employee_id) FROM ${this.t.punches} WHERE outcome IN ${AWAITING} AND employee_id IS NOT NULL
           UNION ALL
           SELECT (SELECT MIN(q.employee_id) FROM ${this.t.punches} q
                   WHERE q.outcome IN ${AWAITING} AND q.employee_id IS NOT NULL AND q.employee_id > e.employee_id)
           FROM employees e WHERE e.employee_id IS NOT NULL
         )
         SELECT h.* FROM employees e CROSS JOIN LATERAL (
           SELECT * FROM ${this.t.punches} p
           WHERE p.outcome IN ${AWAITING} AND p.employee_id IS NOT NULL AND p.employee_id = e.employee_id
           ORDER BY p.event_ms ASC NULLS FIRST, p.id LIMIT 1
         ) h ORDER BY h.event_ms ASC NULLS FIRST, h.id`,
      ),
    );
  }

  employeePunches(employeeId: string, fromMs: number, toMs: number, outcomes: readonly PunchOutcome[]): Promise<PunchRecord[]> {
    return this.read('read employee punches', (db) =>
      this.punches(
        db,
        `SELECT * FROM ${this.t.punches} WHERE employee_id = $1 AND event_ms BETWEEN $2 AND $3
          AND outcome = ANY($4::text[]) ORDER BY event_ms, id`,
        [employeeId, fromMs, toMs, outcomes],
      ),
    );
  }

  async countsByOutcome(day?: string): Promise<Record<PunchOutcome, number>> {
    const rows = await this.read('count', (db) =>
      day === undefined
        ? db.rows<{ outcome: PunchOutcome; n: number }>(`SELECT outcome, COUNT(*) AS n FROM ${this.t.punches} GROUP BY outcome`)
        : db.rows<{ outcome: PunchOutcome; n: number }>(
            `SELECT outcome, COUNT(*) AS n FROM ${this.t.punches}
              WHERE working_day = $1 OR (working_day IS NULL AND substr(event_time, 1, 10) = $1) GROUP BY outcome`,
            [day],
          ),
    );
    const counts = Object.fromEntries(PUNCH_OUTCOMES.map((o) => [o, 0])) as Record<PunchOutcome, number>;
    for (const row of rows) counts[row.outcome] = row.n;
    return counts;
  }

  oldestEventMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.minOf('event_ms', outcomes);
  }

  oldestReceivedMs(outcomes: readonly PunchOutcome[]): Promise<number | null> {
    return this.minOf('received_ms', outcomes);
  }

  private async minOf(column: 'event_ms' | 'received_ms', outcomes: readonly PunchOutcome[]): Promise<number | null> {
    const rows = await this.read('read oldest', (db) =>
      db.rows<{ m: number | string | null }>(`SELECT MIN(${column}) AS m FROM ${this.t.punches} WHERE outcome = ANY($1::text[])`, [outcomes]),
    );
    const m = rows[0]?.m ?? null;
    return m === null ? null : Number(m);
  }

  resetOutcome(from: PunchOutcome, to: PunchOutcome, reason: string | null, nowMs: number): Promise<number> {
    return this.read('reset outcome', (db) =>
      db.run(`UPDATE ${this.t.punches} SET outcome = $1, reason = $2, updated_ms = $3 WHERE outcome = $4`, [to, reason, nowMs, from]),
    );
  }

  async getCursor(name: string): Promise<number | null> {
    const rows = await this.read('read cursor', (db) => db.rows<{ value_ms: number }>(`SELECT value_ms FROM ${this.t.cursors} WHERE name = $1`, [name]));
    return rows[0]?.value_ms ?? null;
  }

  async setCursor(name: string, valueMs: number, nowMs: number): Promise<void> {
    await this.read('write cursor', (db) =>
      db.run(
        `INSERT INTO ${this.t.cursors}(name, value_ms, updated_ms) VALUES ($1, $2, $3)
          ON CONFLICT (name) DO UPDATE SET value_ms = EXCLUDED.value_ms, updated_ms = EXCLUDED.updated_ms`,
        [name, valueMs, nowMs],
      ),
    );
  }

  private async writePerson(db: Db, person: HikPerson, nowMs: number): Promise<void> {
    await db.run(
      `INSERT INTO ${this.t.persons}(person_id, person_code, person_name, card_nos, custom_fields, refreshed_ms)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (person_id) DO UPDATE SET person_code = EXCLUDED.person_code, person_name = EXCLUDED.person_name,
          card_nos = EXCLUDED.card_nos, custom_fields = EXCLUDED.custom_fields, refreshed_ms = EXCLUDED.refreshed_ms`,
      [person.personId, person.personCode, person.personName, JSON.stringify(person.cardNos), JSON.stringify(person.customFields), nowMs],
    );
  }

  replacePersons(persons: readonly HikPerson[], nowMs: number): Promise<void> {
    return this.write('write persons', async (db) => {
      // Two instances replacing the cache at once take turns (readers are not blocked).
      await db.run(`LOCK TABLE ${this.t.persons} IN EXCLUSIVE MODE`);
      await db.run(`DELETE FROM ${this.t.persons}`);
      // One statement per listing, not one per person; a person listed twice keeps the last.
      const list = [...new Map(persons.map((p) => [p.personId, p])).values()];
      await db.run(
        `INSERT INTO ${this.t.persons}(person_id, person_code, person_name, card_nos, custom_fields, refreshed_ms)
          SELECT p.*, $6::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS p`,
        [
          list.map((p) => p.personId),
          list.map((p) => p.personCode),
          list.map((p) => p.personName),
          list.map((p) => JSON.stringify(p.cardNos)),
          list.map((p) => JSON.stringify(p.customFields)),
          nowMs,
        ],
      );
      await this.writeMeta(db, META_KEYS.personsRefreshed, String(nowMs));
    });
  }

  async upsertPerson(person: HikPerson, nowMs: number): Promise<void> {
    await this.read('write person', (db) => this.writePerson(db, person, nowMs));
  }

  async getPerson(personId: string): Promise<HikPerson | null> {
    const rows = await this.read('read person', (db) => db.rows<PersonRow>(`SELECT * FROM ${this.t.persons} WHERE person_id = $1`, [personId]));
    return rows[0] === undefined ? null : personFromRow(rows[0]);
  }

  async listPersons(): Promise<HikPerson[]> {
    const rows = await this.read('read persons', (db) => db.rows<PersonRow>(`SELECT * FROM ${this.t.persons} ORDER BY person_id COLLATE "C"`));
    return rows.map(personFromRow);
  }

  personsRefreshedAt(): Promise<number | null> {
    return this.numberMeta(META_KEYS.personsRefreshed);
  }

  replaceUsers(users: readonly HumandUser[], nowMs: number): Promise<void> {
    return this.write('write users', async (db) => {
      await db.run(`LOCK TABLE ${this.t.users}, ${this.t.userFields} IN EXCLUSIVE MODE`);
      await db.run(`DELETE FROM ${this.t.userFields}`);
      await db.run(`DELETE FROM ${this.t.users}`);
      // One statement per table, not per user; an employee listed twice keeps the last, as SQLite's INSERT OR REPLACE does.
      const list = [...new Map(users.map((u) => [u.employeeInternalId, u])).values()];
      await db.run(
        `INSERT INTO ${this.t.users}(employee_internal_id, user_id, email, first_name, last_name, status, fields, refreshed_ms)
          SELECT u.*, $8::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u`,
        [
          list.map((u) => u.employeeInternalId),
          list.map((u) => String(u.id)),
          list.map((u) => u.email),
          list.map((u) => u.firstName),
          list.map((u) => u.lastName),
          list.map((u) => u.status),
          list.map((u) => JSON.stringify(u.fields)),
          nowMs,
        ],
      );
      const fields = list.flatMap((u) => Object.entries(u.fields).map(([name, value]) => [u.employeeInternalId, name, value] as const));
      await db.run(`INSERT INTO ${this.t.userFields}(employee_internal_id, name, value) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
        fields.map((f) => f[0]),
        fields.map((f) => f[1]),
        fields.map((f) => f[2]),
      ]);
      await this.writeMeta(db, META_KEYS.usersRefreshed, String(nowMs));
    });
  }

  async getUser(employeeInternalId: string): Promise<HumandUser | null> {
    const rows = await this.read('read user', (db) => db.rows<UserRow>(`SELECT * FROM ${this.t.users} WHERE employee_internal_id = $1`, [employeeInternalId]));
    return rows[0] === undefined ? null : userFromRow(rows[0]);
  }

  async listUsers(): Promise<HumandUser[]> {
    const rows = await this.read('read users', (db) => db.rows<UserRow>(`SELECT * FROM ${this.t.users} ORDER BY employee_internal_id COLLATE "C"`));
    return rows.map(userFromRow);
  }

  async findUsersByField(field: string, value: string): Promise<HumandUser[]> {
    const rows = await this.read('read users', (db) =>
      db.rows<UserRow>(
        `SELECT u.* FROM ${this.t.users} u JOIN ${this.t.userFields} f ON f.employee_internal_id = u.employee_internal_id
          WHERE f.name = $1 AND f.value = $2 ORDER BY u.employee_internal_id COLLATE "C"`,
        [field, value],
      ),
    );
    return rows.map(userFromRow);
  }

  usersRefreshedAt(): Promise<number | null> {
    return this.numberMeta(META_KEYS.usersRefreshed);
  }

  private async numberMeta(key: string): Promise<number | null> {
    const value = await this.getMeta(key);
    return value === null ? null : Number(value);
  }

  private async writeMeta(db: Db, key: string, value: string | null): Promise<void> {
    if (value === null) await db.run(`DELETE FROM ${this.t.meta} WHERE key = $1`, [key]);
    else await db.run(`INSERT INTO ${this.t.meta}(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [key, value]);
  }

  async getMeta(key: string): Promise<string | null> {
    const rows = await this.read('read meta', (db) => db.rows<{ value: string }>(`SELECT value FROM ${this.t.meta} WHERE key = $1`, [key]));
    return rows[0]?.value ?? null;
  }

  setMeta(key: string, value: string | null): Promise<void> {
    return this.read('write meta', (db) => this.writeMeta(db, key, value));
  }

  /**
   * One row per ledger: taken when free or expired, renewed by its owner. The row lock of
   * `ON CONFLICT DO UPDATE` makes two instances asking at once take turns, so exactly one wins.
   * Expiry is judged by the caller's clock: instances' clocks must agree well within the TTL (NTP).
   */
  async tryAcquireDeliveryLease(ownerId: string, ttlMs: number, nowMs: number): Promise<boolean> {
    const taken = await this.read('take delivery lease', (db) =>
      db.run(
        `INSERT INTO ${this.t.lease} AS l (name, owner_id, acquired_ms, expires_ms, epoch) VALUES ($1, $2, $3, $4, 1)
          ON CONFLICT (name) DO UPDATE SET
            owner_id = EXCLUDED.owner_id,
            acquired_ms = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.acquired_ms ELSE EXCLUDED.acquired_ms END,
            expires_ms = EXCLUDED.expires_ms,
            epoch = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.epoch ELSE l.epoch + 1 END,
            previous_owner_id = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.previous_owner_id ELSE l.owner_id END,
            previous_expires_ms = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.previous_expires_ms ELSE l.expires_ms END
          WHERE l.owner_id = EXCLUDED.owner_id OR l.expires_ms <= EXCLUDED.acquired_ms`,
        [LEASE, ownerId, nowMs, nowMs + ttlMs],
      ),
    );
    return taken === 1;
  }

  async releaseDeliveryLease(ownerId: string): Promise<void> {
    // Kept with expires_ms 0 rather than deleted: the epoch must keep growing across hand-overs.
    await this.read('release delivery lease', (db) => db.run(`UPDATE ${this.t.lease} SET expires_ms = 0 WHERE name = $1 AND owner_id = $2`, [LEASE, ownerId]));
  }

  async deliveryLeaseHolder(): Promise<DeliveryLeaseHolder | null> {
    const rows = await this.read('read delivery lease', (db) =>
      db.rows<{
        owner_id: string;
        acquired_ms: number;
        expires_ms: number;
        epoch: number;
        previous_owner_id: string | null;
        previous_expires_ms: number | null;
      }>(`SELECT owner_id, acquired_ms, expires_ms, epoch, previous_owner_id, previous_expires_ms FROM ${this.t.lease} WHERE name = $1 AND expires_ms > 0`, [
        LEASE,
      ]),
    );
    const row = rows[0];
    if (row === undefined) return null;
    const previousHolder =
      row.previous_owner_id === null
        ? null
        : {
            ownerId: row.previous_owner_id,
            expiredMs: row.previous_expires_ms === null || Number(row.previous_expires_ms) === 0 ? null : Number(row.previous_expires_ms),
          };
    return { ownerId: row.owner_id, acquiredMs: row.acquired_ms, expiresMs: row.expires_ms, epoch: Number(row.epoch), previousHolder };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private rangeWhere(query: PunchRangeQuery): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const where = whereClause(
      punchRangeConditions(query, (value) => {
        params.push(value);
        return `$${params.length}`;
      }),
    );
    return { where, params };
  }

  findPunchPage(query: PunchPageQuery): Promise<PunchRecord[]> {
    const { where, params } = this.rangeWhere(query);
    // Ordered as SQLite orders: a punch without an instant comes first ascending, last descending.
    const order = query.order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    params.push(query.limit, query.offset ?? 0);
    const sql = `SELECT * FROM ${this.t.punches} ${where} ORDER BY event_ms ${order}, id ${direction} LIMIT $${params.length - 1} OFFSET $${params.length}`;
    return this.read('query page', (db) => this.punches(db, sql, params));
  }

  async countPunchRange(query: PunchRangeQuery): Promise<number> {
    const { where, params } = this.rangeWhere(query);
    const rows = await this.read('count range', (db) => db.rows<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${this.t.punches} ${where}`, params));
    return Number(rows[0]?.n ?? 0);
  }

  async punchPeople(query: PunchRangeQuery): Promise<PunchPerson[]> {
    const { where, params } = this.rangeWhere(query);
    // NULLS FIRST: the order SQLite gives the same rows.
    const sql = `SELECT ${PUNCH_PEOPLE_SELECT} FROM ${this.t.punches} ${where} GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST`;
    return (await this.read('read punch people', (db) => db.rows<PunchPersonRow>(sql, params))).map(punchPersonFromRow);
  }

  async punchInstants(query: PunchRangeQuery): Promise<number[]> {
    const { where, params } = this.rangeWhere(query);
    const sql = `SELECT event_ms FROM ${this.t.punches} ${where}${where ? ' AND' : ' WHERE'} event_ms IS NOT NULL ORDER BY event_ms`;
    return (await this.read('read instants', (db) => db.rows<{ event_ms: number | string }>(sql, params))).map((r) => Number(r.event_ms));
  }
}
