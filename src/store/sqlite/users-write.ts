import type { Statement } from 'better-sqlite3';
import type { HumandUser } from '../../domain/humand.js';

/** Replaces the cached Humand users and their searchable fields, inside the caller's transaction. */
export function writeUsers(stmt: (sql: string) => Statement, users: readonly HumandUser[], nowMs: number): void {
  stmt('DELETE FROM humand_users').run();
  stmt('DELETE FROM humand_user_fields').run();
  const insertUser = stmt(`INSERT OR REPLACE INTO humand_users(employee_internal_id, user_id, email, first_name, last_name, status, fields, refreshed_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertField = stmt('INSERT INTO humand_user_fields(employee_internal_id, name, value) VALUES (?, ?, ?)');
  for (const user of users) {
    insertUser.run(user.employeeInternalId, String(user.id), user.email, user.firstName, user.lastName, user.status, JSON.stringify(user.fields), nowMs);
    for (const [name, value] of Object.entries(user.fields)) insertField.run(user.employeeInternalId, name, value);
  }
}
