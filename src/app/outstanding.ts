import type { PunchOutcome } from '../store/punch.js';
import type { LedgerStore } from '../store/store.js';

/** The kinds of punch that need a person, in the order a summary lists them (worded by the CLI's catalogs). */
const PROBLEM_KINDS: readonly PunchOutcome[] = ['unmapped', 'rejected', 'dead', 'review', 'waiting'];

/** A kind of punch that still needs a person, with one example. */
export interface OutstandingProblem {
  readonly outcome: PunchOutcome;
  readonly count: number;
  readonly example: { readonly correlationId: string; readonly reason: string | null } | null;
}

/**
 * Every kind of punch that still needs a person, over the whole ledger — not only what one
 * pass found — with one example each, so a scheduled `sync` exits 4 until the problem is gone.
 */
export async function outstandingProblems(store: LedgerStore, counts: Readonly<Record<PunchOutcome, number>>): Promise<OutstandingProblem[]> {
  const found: OutstandingProblem[] = [];
  for (const outcome of PROBLEM_KINDS) {
    const count = counts[outcome] ?? 0;
    if (count === 0) continue;
    const [example] = await store.listByOutcome([outcome], 1);
    found.push({ outcome, count, example: example === undefined ? null : { correlationId: example.correlationId, reason: example.reason } });
  }
  return found;
}
