import type { PunchOutcome } from '../store/punch.js';
import type { LedgerStore } from '../store/store.js';

/** What each kind of outstanding problem says, and what a person does about it. */
const PROBLEMS: ReadonlyArray<{ readonly outcome: PunchOutcome; readonly says: string; readonly todo: string }> = [
  { outcome: 'unmapped', says: 'unmapped', todo: 'map the person to a Humand employee (see doctor / the Coverage page)' },
  { outcome: 'rejected', says: 'rejected', todo: 'see dead-letters list' },
  { outcome: 'dead', says: 'dead after retries', todo: 'dead-letters retry once fixed' },
  { outcome: 'review', says: 'need review (Humand would refuse them as they are)', todo: 'correct the day in Humand, then `dead-letters fixed --id N`; or `dead-letters retry --id N` to decide it again' },
  { outcome: 'waiting', says: 'waiting behind a dead punch of the same employee', todo: 'they follow once it is re-driven' },
];

/**
 * One line per kind of punch that still needs a person, over the whole ledger — not only what
 * one pass found — with one example, so a scheduled `sync` exits 4 until the problem is gone.
 */
export async function outstandingProblems(store: LedgerStore, counts: Readonly<Record<PunchOutcome, number>>): Promise<string[]> {
  const lines: string[] = [];
  for (const problem of PROBLEMS) {
    const count = counts[problem.outcome] ?? 0;
    if (count === 0) continue;
    const [example] = await store.listByOutcome([problem.outcome], 1);
    const e = example === undefined ? '' : ` — e.g. ${example.correlationId}: ${example.reason ?? ''}`;
    lines.push(`${count} punch(es) ${problem.says}${e} (${problem.todo})`);
  }
  return lines;
}
