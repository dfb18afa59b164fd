import { quoteSchema } from './connection.js';
import { tablesNamed, type Tables } from '../sql/dialect.js';

export type { Tables };

/** Schema-qualified table names, so every statement names its schema (no reliance on search_path). */
export function tablesIn(schema: string): Tables {
  const s = quoteSchema(schema);
  return { ...tablesNamed(`${s}.`), schema: s };
}
