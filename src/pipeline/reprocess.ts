import { META_KEYS } from '../store/meta-keys.js';
import { createHash } from 'node:crypto';
import type { RulesConfig } from '../config/types.js';
import type { PunchOutcome, PunchRecord, PunchUpdate } from '../store/punch.js';
import type { PipelineContext } from './context.js';
import type { Evaluator } from './evaluator.js';
import { redrive } from './problems.js';

/** Decisions that can be made again: nothing Humand accepted, nothing in flight, nothing a person closed. */
const RECONSIDERED: readonly PunchOutcome[] = [
  'received',
  'ignored',
  'unmapped',
  'held',
  'queued',
  'waiting',
  'debounced',
  'corrected',
  'covered',
  'suppressed',
  'review',
  'rejected',
  'dead',
];
/** Decided only at delivery, from the employee's day: a preview can only say they are decided again. */
const DAY_DECISIONS: readonly PunchOutcome[] = ['waiting', 'debounced', 'corrected', 'covered', 'suppressed', 'review'];
const PAGE = 2_000;
export const RULES_DIGEST_META = META_KEYS.rulesDigest;

export interface ReprocessChange {
  readonly id: number;
  readonly correlationId: string;
  readonly eventTime: string;
  readonly personName: string | null;
  readonly door: string | null;
  readonly from: PunchOutcome;
  readonly fromReason: string | null;
  /** The first decision under today's rules; `queued` goes on to delivery, where the employee's day decides it. */
  readonly to: PunchOutcome;
  readonly toReason: string | null;
}

export interface ReprocessResult {
  readonly from: string;
  readonly to: string;
  readonly dryRun: boolean;
  /** Punches looked at (not delivered, not in flight, not closed by a person). */
  readonly considered: number;
  /** Punches whose first decision changes (e.g. ignored → queued after a time-clock name was fixed). */
  readonly changes: readonly ReprocessChange[];
  /** Of them, how many now go on to delivery. */
  readonly nowQueued: number;
  /** Punches decided from the employee's day (double taps, review…), decided again at delivery. */
  readonly redecidedAtDelivery: number;
}

/** What the first decisions depend on: a change means earlier punches were decided under other rules. */
export function rulesDigest(rules: RulesConfig): string {
  const relevant = {
    timeClocks: rules.timeClocks,
    granted: rules.grantedEventCodes,
    refused: rules.refusedEventCodes,
    doorState: rules.doorStateEventCodes,
    mapping: rules.mapping,
    debounceMs: rules.debounceMs,
    dayBoundaryHour: rules.dayBoundaryHour,
    maxOpenShiftMs: rules.maxOpenShiftMs ?? null,
    minShiftMs: rules.minShiftMs ?? null,
  };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

/**
 * Decides punches of a range of days again under the current rules and mapping (issue #9:
 * raw events are facts, decisions are re-derivable). With `dryRun` nothing is written: the
 * result says what would change.
 */
export async function reprocess(
  context: PipelineContext,
  evaluator: Evaluator,
  range: { readonly from: string; readonly to: string; readonly dryRun: boolean },
): Promise<ReprocessResult> {
  const candidates: PunchRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await context.store.findPunchPage({ from: range.from, to: range.to, outcomes: RECONSIDERED, limit: PAGE, offset });
    candidates.push(...page.filter(isReconsidered));
    if (page.length < PAGE) break;
  }
  const changes: ReprocessChange[] = [];
  let redecidedAtDelivery = 0;
  for (const punch of candidates) {
    const preview = await evaluator.preview(punch);
    if (preview === null) continue;
    if (DAY_DECISIONS.includes(punch.outcome) && preview.outcome === 'queued') {
      redecidedAtDelivery++;
      continue;
    }
    if (preview.outcome === punch.outcome && (preview.reason ?? null) === punch.reason) continue;
    if (preview.outcome === 'queued' && ['queued', 'rejected', 'dead'].includes(punch.outcome)) continue;
    changes.push({
      id: punch.id,
      correlationId: punch.correlationId,
      eventTime: punch.eventTime,
      personName: punch.personName,
      door: punch.readerName ?? punch.doorName ?? punch.doorIndexCode,
      from: punch.outcome,
      fromReason: punch.reason,
      to: preview.outcome,
      toReason: preview.reason ?? null,
    });
  }
  const result = {
    from: range.from,
    to: range.to,
    dryRun: range.dryRun,
    considered: candidates.length,
    changes,
    nowQueued: changes.filter((c) => c.to === 'queued' || c.to === 'held').length,
    redecidedAtDelivery,
  };
  if (range.dryRun) return result;

  const problems = candidates.filter((p) => p.outcome === 'dead' || p.outcome === 'rejected');
  const rest = candidates.filter(
    (p) => p.outcome !== 'dead' && p.outcome !== 'rejected' && !(p.outcome === 'queued' && (p.request !== null || p.attempts > 0)),
  );
  const updates: PunchUpdate[] = rest.map((p) => ({
    id: p.id,
    outcome: 'received',
    reason: null,
    employeeId: null,
    entryType: null,
    workingDay: null,
    request: null,
    nextAttemptMs: null,
    expectedOutcome: p.outcome,
  }));
  if (updates.length > 0) await context.store.updatePunches(updates, context.clock.now());
  await redrive(context, problems);
  await evaluator.evaluate({ recheckUnmapped: true });
  context.logger.info(
    { from: range.from, to: range.to, considered: candidates.length, changed: changes.length, nowQueued: result.nowQueued },
    'punches decided again under the current rules',
  );
  return result;
}

function isReconsidered(punch: PunchRecord): boolean {
  if (punch.eventMs === null) return false;
  // A person closed it ("fixed by hand in Humand"): their word stands.
  if (punch.outcome === 'covered' && punch.reason?.startsWith('covered: fixed by hand') === true) return false;
  if (punch.outcome === 'queued' && (punch.request !== null || punch.attempts > 0 || punch.reconcileNeeded)) return false;
  return true;
}
