import type { PipelineContext } from '../pipeline/context.js';
import type { DeliveryEngine } from '../pipeline/delivery/engine.js';
import { noteRecentError } from './ops-meta.js';
import { beatUntilStopped } from './service-heartbeat.js';

export interface DaemonLoopParts {
  readonly context: PipelineContext;
  readonly engine: DeliveryEngine | null;
  readonly intervalMs: number;
  /** One poll pass (read, decide, wake delivery); the engine delivers beside it. */
  readonly pass: (signal: AbortSignal) => Promise<void>;
}

/**
 * The service's loop until `signal`: delivery runs all along, a pass reads and decides every
 * interval, and a heartbeat says in the ledger that a service runs. A failed pass is logged and
 * tried again next interval; on the way out, deliveries in flight settle first.
 */
export async function runDaemonLoop(parts: DaemonLoopParts, signal: AbortSignal): Promise<void> {
  const { context, engine } = parts;
  const delivering = engine === null ? Promise.resolve() : engine.drain({ signal }).then(() => undefined);
  const beating = beatUntilStopped(context, signal);
  try {
    while (!signal.aborted) {
      try {
        await parts.pass(signal);
      } catch (error) {
        if (signal.aborted) break;
        context.logger.error({ err: error }, 'poll pass failed; trying again next interval');
        await noteRecentError(context.store, context.clock.now(), error, 'poll pass failed');
      }
      try {
        await context.clock.sleep(parts.intervalMs, signal);
      } catch {
        break;
      }
    }
  } finally {
    await delivering;
    await beating;
    context.logger.info('daemon stopped');
  }
}
