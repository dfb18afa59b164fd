import os from 'node:os';
import type { PipelineContext } from '../pipeline/context.js';
import { HEARTBEAT_MS, META } from './ops-meta.js';
import type { ServiceHeartbeat } from './types.js';

/** Says in the ledger, every HEARTBEAT_MS until `signal`, that a service runs here; then that it stopped. */
export async function beatUntilStopped(context: PipelineContext, signal: AbortSignal): Promise<void> {
  const { store, clock, logger } = context;
  const startedMs = clock.now();
  const beat = (stoppedMs: number | null) => {
    const heartbeat: ServiceHeartbeat = { host: os.hostname(), pid: process.pid, startedMs, lastSeenMs: clock.now(), stoppedMs };
    return store
      .setMeta(META.serviceHeartbeat, JSON.stringify(heartbeat))
      .catch((error: unknown) => logger.warn({ err: error }, 'could not write the service heartbeat'));
  };
  while (!signal.aborted) {
    await beat(null);
    try {
      await clock.sleep(HEARTBEAT_MS, signal);
    } catch {
      break;
    }
  }
  await beat(clock.now());
}
