import type { PipelineContext } from '../pipeline/context.js';
import type { PauseState } from '../pipeline/delivery/engine.js';
import type { EvaluationSummary } from '../pipeline/evaluator.js';
import type { MappingRefresh } from '../pipeline/mapping-directory.js';
import { AWAITING_DELIVERY } from '../store/punch.js';
import { outstandingProblems } from './outstanding.js';
import type { SourcesRead } from './read-sources.js';
import type { SyncSummary } from './types.js';

/** One pass: the directories refreshed if stale, the sources read, and what was decided. */
export interface PassResult extends SourcesRead {
  readonly mappings: MappingRefresh;
  readonly evaluation: EvaluationSummary;
}

export interface SyncPassFacts {
  readonly startedMs: number;
  readonly dryRun: boolean;
  readonly pass: PassResult;
  readonly delivery: { readonly steps: number; readonly paused: PauseState | null };
  readonly readsTerminals: boolean;
  readonly deliveryConfigured: boolean;
  /** A `sync` looks at everything still outstanding in the ledger; a daemon's pass does not. */
  readonly withOutstanding: boolean;
}

/**
 * What a pass did and what needs a person, as data: the CLI words it in the reader's language
 * (src/cli/format/sync-attention.ts). A scheduled `sync` keeps exiting non-zero until the
 * outstanding punches are dealt with, not only while a pass finds new ones.
 */
export async function summariseSyncPass(context: PipelineContext, facts: SyncPassFacts): Promise<SyncSummary> {
  const { store, clock, logger } = context;
  const { pass, delivery } = facts;
  const counts = await store.countsByOutcome();
  const pending = AWAITING_DELIVERY.reduce((sum, outcome) => sum + counts[outcome], 0);
  const outstanding = facts.withOutstanding ? await outstandingProblems(store, counts) : [];
  const needsPerson =
    facts.withOutstanding &&
    (delivery.paused !== null || !facts.deliveryConfigured || pass.pollError !== null || pass.mappings.problems.length > 0 || outstanding.length > 0);
  const summary: SyncSummary = {
    startedMs: facts.startedMs,
    finishedMs: clock.now(),
    dryRun: facts.dryRun,
    poll: pass.poll,
    pollError: pass.pollError,
    mappings: pass.mappings,
    evaluation: pass.evaluation,
    deliverySteps: delivery.steps,
    paused: delivery.paused,
    counts,
    pending,
    outstanding,
    readsTerminals: facts.readsTerminals,
    deliveryConfigured: facts.deliveryConfigured,
    needsPerson,
  };
  if (facts.withOutstanding) {
    logger.info(
      {
        poll: pass.poll,
        pollError: pass.pollError,
        evaluation: pass.evaluation,
        deliverySteps: delivery.steps,
        pending,
        paused: delivery.paused?.reason,
        mappingProblems: pass.mappings.problems,
        outstanding: outstanding.map(({ outcome, count }) => ({ outcome, count })),
      },
      'sync pass finished',
    );
  }
  return summary;
}
