import type { Logger } from '../../logging/logger.js';

export interface StopSignals {
  /** Aborts on the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** Which signal stopped us, if any. */
  readonly received: () => NodeJS.Signals | null;
  dispose(): void;
}

/**
 * Turns SIGINT/SIGTERM into an AbortSignal for a graceful stop. A second signal while
 * stopping ends the process at once (a person pressing Ctrl-C twice means it).
 */
export function stopOnSignals(logger: Logger | null, what: string, forceExit: (signal: NodeJS.Signals) => void): StopSignals {
  const controller = new AbortController();
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received !== null) {
      logger?.warn({ signal }, `second ${signal}: stopping ${what} at once`);
      forceExit(signal);
      return;
    }
    received = signal;
    logger?.info({ signal }, `${signal} received: stopping ${what} (deliveries in flight finish; press Ctrl-C again to force)`);
    controller.abort(new Error(`stopped by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    received: () => received,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
