import type { PunchOutcome } from '../store/punch.js';
import type { LedgerStore } from '../store/store.js';

/** What each kind of outstanding problem says, and what a person does about it. */
const PROBLEMS: ReadonlyArray<{ readonly outcome: PunchOutcome; readonly says: string; readonly todo: string }> = [
  { outcome: 'unmapped', says: 'unmapped', todo: 'map the person to a Humand employee (see doctor / the Coverage page)' },
  { outcome: 'rejected', says: 'rejected', todo: 'see dead-letters list' },
  { outcome: 'dead', says: 'dead after retries', todo: 'dead-letters retry once fixed' },
  {
    outcome: 'review',
    says: 'need review (Humand would refuse them as they are)',
    todo: 'correct the day in Humand, then `dead-letters fixed --id N`; or `dead-letters retry --id N` to decide it again',
  },
  { outcome: 'waiting', says: 'waiting behind a dead punch of the same employee', todo: 'they follow once it is re-driven' },
];

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
  for (const { outcome } of PROBLEMS) {
    const count = counts[outcome] ?? 0;
    if (count === 0) continue;
    const [example] = await store.listByOutcome([outcome], 1);
    found.push({ outcome, count, example: example === undefined ? null : { correlationId: example.correlationId, reason: example.reason } });
  }
  return found;
}

/** The English line of a problem, for the log and the JSON summary. */
export function outstandingLine(problem: OutstandingProblem): string {
  const kind = PROBLEMS.find((p) => p.outcome === problem.outcome);
  const e = problem.example === null ? '' : ` — e.g. ${problem.example.correlationId}: ${problem.example.reason ?? ''}`;
  return `${problem.count} punch(es) ${kind?.says ?? problem.outcome}${e} (${kind?.todo ?? ''})`;
}
