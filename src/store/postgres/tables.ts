import { quoteSchema } from './connection.js';

/** Schema-qualified table names, so every statement names its schema (no reliance on search_path). */
export interface Tables {
  readonly schema: string;
  readonly punches: string;
  readonly eventIds: string;
  readonly attempts: string;
  readonly cursors: string;
  readonly persons: string;
  readonly users: string;
  readonly userFields: string;
  readonly meta: string;
  readonly lease: string;
  readonly migrations: string;
}

export function tablesIn(schema: string): Tables {
  const s = quoteSchema(schema);
  return {
    schema: s,
    punches: `${s}.punches`,
    eventIds: `${s}.event_ids`,
    attempts: `${s}.attempts`,
    cursors: `${s}.cursors`,
    persons: `${s}.hik_persons`,
    users: `${s}.humand_users`,
    userFields: `${s}.humand_user_fields`,
    meta: `${s}.meta`,
    lease: `${s}.delivery_lease`,
    migrations: `${s}.schema_migrations`,
  };
}
