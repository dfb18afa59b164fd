import type { PunchOutcome, PunchRecord, PunchUpdate } from '../store/punch.js';
import type { PipelineContext } from './context.js';
import { rederiveBehind, undecided } from './rederive.js';

/** Punches a person can re-drive or mark fixed: given up on, refused, or waiting for review. */
export const PROBLEM_OUTCOMES: readonly PunchOutcome[] = ['dead', 'rejected', 'review'];

/**
 * Re-drives problem punches: a dead one is sent again (read back first when its last answer is
 * unknown); a refused or review one is decided again from the facts. Either way the rest of that
 * employee's day after it is decided again, in order, behind it. Returns how many were re-driven.
 */
export async function redrive(context: PipelineContext, punches: readonly PunchRecord[]): Promise<number> {
  const chosen = punches.filter((p) => PROBLEM_OUTCOMES.includes(p.outcome));
  const updates: PunchUpdate[] = chosen.map((p) => {
    if (p.employeeId === null) return { ...undecided(p, 'retry requested by a person'), outcome: 'received', attempts: 0 };
    if (p.outcome === 'dead' && p.request !== null) {
      return { id: p.id, outcome: 'queued', reason: 'retry requested by a person', attempts: 0, nextAttemptMs: null, expectedOutcome: p.outcome };
    }
    return { ...undecided(p, 'retry requested by a person'), attempts: 0 };
  });
  if (updates.length === 0) return 0;
  await context.store.updatePunches(updates, context.clock.now());
  await rederiveBehind(context, chosen);
  context.logger.info({ punches: updates.length }, 'problem punches re-driven');
  return updates.length;
}

/**
 * A person fixed these in Humand by hand (entered the missing entry, corrected the day): the
 * problem is closed — nothing is sent for it — and the employee's later punches are decided
 * again against the corrected day.
 */
export async function markFixedInHumand(context: PipelineContext, punches: readonly PunchRecord[], by: string): Promise<number> {
  const chosen = punches.filter((p) => PROBLEM_OUTCOMES.includes(p.outcome) || p.outcome === 'waiting' || p.outcome === 'unmapped');
  const updates: PunchUpdate[] = chosen.map((p) => ({
    id: p.id,
    outcome: 'covered',
    reason: `covered: fixed by hand in Humand (marked by ${by}); was ${p.outcome}: ${p.reason ?? ''}`.trim(),
    reconcileNeeded: false,
    nextAttemptMs: null,
    expectedOutcome: p.outcome,
  }));
  if (updates.length === 0) return 0;
  await context.store.updatePunches(updates, context.clock.now());
  await rederiveBehind(context, chosen);
  context.logger.info({ punches: updates.length, by }, 'problem punches marked fixed in Humand');
  return updates.length;
}
