import { PUNCH_OUTCOMES, type PunchOutcome } from './punch.js';

/** Every outcome with its count, zero where the ledger has none. */
export function countsFrom(rows: readonly { readonly outcome: PunchOutcome; readonly n: number | string }[]): Record<PunchOutcome, number> {
  const counts = Object.fromEntries(PUNCH_OUTCOMES.map((o) => [o, 0])) as Record<PunchOutcome, number>;
  for (const row of rows) counts[row.outcome] = Number(row.n);
  return counts;
}
