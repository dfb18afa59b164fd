import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import type { Tables } from '../sql/dialect.js';
import type { Db } from './database.js';

/** Replaces the cached HikCentral persons inside the caller's transaction: one statement per listing, not one per person. */
export async function writePersons(db: Db, t: Tables, persons: readonly HikPerson[], nowMs: number): Promise<void> {
  // Two instances replacing the cache at once take turns (readers are not blocked).
  await db.run(`LOCK TABLE ${t.persons} IN EXCLUSIVE MODE`);
  await db.run(`DELETE FROM ${t.persons}`);
  // One statement per listing, not one per person; a person listed twice keeps the last.
  const list = [...new Map(persons.map((p) => [p.personId, p])).values()];
  await db.run(
    `INSERT INTO ${t.persons}(person_id, person_code, person_name, card_nos, custom_fields, refreshed_ms)
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
}

/** Replaces the cached Humand users and their searchable fields inside the caller's transaction. */
export async function writeUsers(db: Db, t: Tables, users: readonly HumandUser[], nowMs: number): Promise<void> {
  await db.run(`LOCK TABLE ${t.users}, ${t.userFields} IN EXCLUSIVE MODE`);
  await db.run(`DELETE FROM ${t.userFields}`);
  await db.run(`DELETE FROM ${t.users}`);
  // One statement per table, not per user; an employee listed twice keeps the last, as SQLite's INSERT OR REPLACE does.
  const list = [...new Map(users.map((u) => [u.employeeInternalId, u])).values()];
  await db.run(
    `INSERT INTO ${t.users}(employee_internal_id, user_id, email, first_name, last_name, status, fields, refreshed_ms)
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
  await db.run(`INSERT INTO ${t.userFields}(employee_internal_id, name, value) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
    fields.map((f) => f[0]),
    fields.map((f) => f[1]),
    fields.map((f) => f[2]),
  ]);
}
