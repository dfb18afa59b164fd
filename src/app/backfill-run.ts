import type { PipelineContext } from '../pipeline/context.js';
import type { DeliveryEngine, PauseState } from '../pipeline/delivery/engine.js';
import type { EvaluationSummary } from '../pipeline/evaluator.js';
import type { Poller } from '../pipeline/poller.js';
import { DeliveryAlongside, scanInSlices } from './backfill-slices.js';
import type { BackfillOptions, BackfillSummary } from './types.js';

export interface BackfillParts {
  readonly context: PipelineContext;
  readonly poller: Poller | null;
  readonly engine: DeliveryEngine | null;
  readonly defaultDeliverForMs: number;
  prepareToDeliver(): Promise<void>;
  refreshMappings(signal?: AbortSignal): Promise<unknown>;
  evaluate(): Promise<EvaluationSummary>;
  drain(deliverForMs: number, signal?: AbortSignal): Promise<{ steps: number; paused: PauseState | null }>;
}

/**
 * Re-reads HikCentral over a range a day at a time and decides each day as it is recorded;
 * delivery starts once the first day is decided, while later days are still read.
 */
export async function runBackfill(parts: BackfillParts, options: BackfillOptions): Promise<BackfillSummary> {
  const { poller, engine, context } = parts;
  if (poller === null) throw new Error('HikCentral is not configured (HIKVISION_HOST): nothing to backfill from');
  const deliver = options.deliver !== false;
  if (deliver) await parts.prepareToDeliver();
  await parts.refreshMappings(options.signal);
  const deliverUntilMs = context.clock.now() + (options.deliverForMs ?? parts.defaultDeliverForMs);
  const delivery = new DeliveryAlongside(() => parts.drain(Math.max(0, deliverUntilMs - context.clock.now()), options.signal));
  const { scan, evaluation } = await scanInSlices(options.fromMs, options.toMs, {
    scan: (fromMs, toMs, onProgress) => poller.scan(fromMs, toMs, 'backfill', options.signal, onProgress),
    evaluate: () => parts.evaluate(),
    deliverWhatIsDecided: () => {
      if (!deliver) return;
      delivery.kick();
      engine?.wake();
    },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const { steps, paused } = deliver ? await delivery.finish() : { steps: 0, paused: engine?.pauseState ?? null };
  return { scan, evaluation, deliverySteps: steps, counts: await context.store.countsByOutcome(), paused };
}
