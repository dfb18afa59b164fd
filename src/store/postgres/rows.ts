import type { PunchRecord } from '../punch.js';
import { punchFromColumns, type PunchRowColumns } from '../row-mapping.js';

export { attemptFromRow, groupAttempts, personFromRow, userFromRow, type AttemptRow, type PersonRow, type UserRow } from '../row-mapping.js';

/** A punch row as node-postgres returns it (BIGINT parsed to number by the pool). */
export interface PunchRow extends PunchRowColumns {
  reconcile_needed: boolean;
}

export function punchFromRow(row: PunchRow): PunchRecord {
  return punchFromColumns(row, row.reconcile_needed);
}
