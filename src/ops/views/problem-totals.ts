import type { OpsDataSource } from '../data-source.js';

/** The lists of the Problems page that show only their newest punches. */
export const LISTED_PROBLEMS = ['dead', 'rejected', 'held', 'suppressed', 'debounced'] as const;

export type ProblemTotals = Readonly<Record<(typeof LISTED_PROBLEMS)[number], number>>;

/** How many punches each Problems list holds in all (each shows the newest 200): "200 of 1,050". */
export async function problemTotals(data: OpsDataSource): Promise<ProblemTotals> {
  const counted = await Promise.all(LISTED_PROBLEMS.map((outcome) => data.ranges.countPunchRange({ outcomes: [outcome] })));
  return Object.fromEntries(LISTED_PROBLEMS.map((outcome, i) => [outcome, counted[i] ?? 0])) as ProblemTotals;
}
