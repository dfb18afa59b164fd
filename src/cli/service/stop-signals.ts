import type { Logger } from '../../logging/logger.js';

export interface StopSignals {
  /** Aborts on the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** Which signal stopped us, if any. */
  readonly received: () => NodeJS.Signals | null;
  dispose(): void;
}

/**
 * Copies of one stop request arrive together: Ctrl-C reaches every process of the terminal's
 * group, and `npm start` / tsx relay the signal to us as well. Only a signal this long after
 * the first one is a person insisting.
 */
const RELAYED_COPY_WINDOW_MS = 2_000;

/**
 * Turns SIGINT/SIGTERM into an AbortSignal for a graceful stop. A second signal while
 * stopping (not a relayed copy of the first) ends the process at once.
 */
export function stopOnSignals(logger: Logger | null, what: string, forceExit: (signal: NodeJS.Signals) => void, now: () => number = Date.now): StopSignals {
  const controller = new AbortController();
  let received: NodeJS.Signals | null = null;
  let receivedAtMs = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received !== null) {
      if (now() - receivedAtMs < RELAYED_COPY_WINDOW_MS) return;
      logger?.warn({ signal }, `second ${signal}: stopping ${what} at once`);
      forceExit(signal);
      return;
    }
    received = signal;
    receivedAtMs = now();
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
