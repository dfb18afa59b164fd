import { REDERIVABLE, type PunchRecord, type PunchUpdate } from '../store/punch.js';
import type { PipelineContext } from './context.js';

/** How far after a changed fact an employee's decisions are taken up again: the rest of that day and night. */
export const REDERIVE_SPAN_MS = 24 * 3_600_000;

/** Back to the queue, undecided: the delivery engine decides it again in the employee's order. */
export function undecided(punch: PunchRecord, reason: string | null = null): PunchUpdate {
  return {
    id: punch.id,
    outcome: 'queued',
    reason,
    entryType: null,
    request: null,
    nextAttemptMs: null,
    reconcileNeeded: false,
    expectedOutcome: punch.outcome,
  };
}

/**
 * A fact about an employee changed at `fromMs` (an earlier punch arrived late, a dead punch was
 * re-driven, a problem was fixed by hand in Humand): the decisions after it that were made
 * without that fact are made again. Nothing Humand accepted and nothing in flight is touched.
 * Returns how many punches were put back.
 */
export async function rederiveAfter(context: PipelineContext, employeeId: string, fromMs: number, exceptIds: ReadonlySet<number> = new Set()): Promise<number> {
  const later = await context.store.employeePunches(employeeId, fromMs, fromMs + REDERIVE_SPAN_MS, REDERIVABLE);
  const updates = later.filter((p) => !exceptIds.has(p.id)).map((p) => undecided(p));
  if (updates.length > 0) {
    await context.store.updatePunches(updates, context.clock.now());
    context.logger.debug({ employee: employeeId, punches: updates.length }, 'decisions after a changed fact are made again');
  }
  return updates.length;
}

/** For each employee among `changed`, the decisions after the earliest changed punch are made again (the changed ones excepted). */
export async function rederiveBehind(
  context: PipelineContext,
  changed: readonly { readonly id: number; readonly employeeId: string | null; readonly eventMs: number | null }[],
): Promise<void> {
  const earliest = new Map<string, { ms: number; ids: Set<number> }>();
  for (const p of changed) {
    if (p.employeeId === null || p.eventMs === null) continue;
    const seen = earliest.get(p.employeeId) ?? { ms: p.eventMs, ids: new Set<number>() };
    seen.ms = Math.min(seen.ms, p.eventMs);
    seen.ids.add(p.id);
    earliest.set(p.employeeId, seen);
  }
  for (const [employeeId, { ms, ids }] of earliest) await rederiveAfter(context, employeeId, ms, ids);
}
