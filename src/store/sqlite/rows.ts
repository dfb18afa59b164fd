import type { PunchRecord } from '../punch.js';
import { punchFromColumns, type PunchRowColumns } from '../row-mapping.js';

export { attemptFromRow, groupAttempts, personFromRow, userFromRow, type AttemptRow, type PersonRow, type UserRow } from '../row-mapping.js';

/** A punch row as SQLite returns it. */
export interface PunchRow extends PunchRowColumns {
  natural_key: string | null;
  reconcile_needed: number;
}

export function punchFromRow(row: PunchRow): PunchRecord {
  return punchFromColumns(row, row.reconcile_needed === 1);
}
