import type { Clock } from '../domain/ports.js';
import { isAppError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import { ensureSubscription, type DesiredSubscription, type EnsureResult, type SubscriptionClient } from './subscription-manager.js';

export const DEFAULT_RECHECK_INTERVAL_MS = 10 * 60_000;
export const DEFAULT_RETRY_INTERVAL_MS = 60_000;

export interface SubscriptionKeeperOptions extends DesiredSubscription {
  readonly client: SubscriptionClient;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How often to confirm the platform still has the subscription (a platform restart can lose it). */
  readonly intervalMs?: number;
  /** After a failed check, try again this soon (capped by intervalMs). */
  readonly retryMs?: number;
}

export interface SubscriptionStatus {
  readonly checks: number;
  readonly lastCheckMs: number | null;
  /** The last successful check. */
  readonly lastResult: EnsureResult | null;
  /** How many times the subscription had to be (re)created, the start included. */
  readonly resubscriptions: number;
  /** The last check's failure; cleared by a successful check. */
  readonly lastError: { readonly message: string; readonly hint: string | undefined; readonly atMs: number } | null;
}

export interface SubscriptionKeeper {
  /** Resolves after the first check (successful or not). */
  readonly started: Promise<void>;
  /** Runs a check now (also what the loop does on each tick). */
  checkNow(): Promise<EnsureResult>;
  status(): SubscriptionStatus;
  stop(): Promise<void>;
}

/**
 * Ensures the subscription on start, then re-checks it every `intervalMs`, re-subscribing when
 * HikCentral lost it. Failures are logged and retried sooner; they never stop the service
 * (polling keeps punches flowing while push is down).
 */
export function startSubscriptionKeeper(options: SubscriptionKeeperOptions): SubscriptionKeeper {
  const { clock, client } = options;
  const logger = options.logger.child({ component: 'subscription' });
  const intervalMs = options.intervalMs ?? DEFAULT_RECHECK_INTERVAL_MS;
  const retryMs = Math.min(options.retryMs ?? DEFAULT_RETRY_INTERVAL_MS, intervalMs);
  const abort = new AbortController();
  let status: SubscriptionStatus = { checks: 0, lastCheckMs: null, lastResult: null, resubscriptions: 0, lastError: null };
  let inFlight: Promise<EnsureResult> | null = null;

  const check = (): Promise<EnsureResult> => {
    // Concurrent callers share one check rather than racing two subscribe calls.
    inFlight ??= (async () => {
      try {
        const result = await ensureSubscription({ ...options, client, logger, signal: abort.signal });
        status = {
          checks: status.checks + 1,
          lastCheckMs: clock.now(),
          lastResult: result,
          resubscriptions: status.resubscriptions + (result.action === 'subscribed' ? 1 : 0),
          lastError: null,
        };
        if (result.action === 'subscribed' && status.checks > 1)
          logger.warn({ eventDest: options.eventDest }, 'HikCentral had lost the event subscription; subscribed again');
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        status = {
          ...status,
          checks: status.checks + 1,
          lastCheckMs: clock.now(),
          lastError: { message, hint: isAppError(error) ? error.hint : undefined, atMs: clock.now() },
        };
        throw error;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };

  const loop = async (): Promise<void> => {
    let first = true;
    let failed = false;
    while (!abort.signal.aborted) {
      if (!first) {
        try {
          await clock.sleep(failed ? retryMs : intervalMs, abort.signal);
        } catch {
          break;
        }
      }
      try {
        await check();
        failed = false;
      } catch (error) {
        failed = true;
        if (abort.signal.aborted) break;
        logger.error(
          { err: error, hint: isAppError(error) ? error.hint : undefined, retryInMs: retryMs },
          'could not confirm the HikCentral event subscription; polling still runs, will retry',
        );
      }
      if (first) resolveStarted();
      first = false;
    }
    resolveStarted();
  };

  let resolveStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (resolveStarted = resolve));
  const running = loop();

  return {
    started,
    checkNow: check,
    status: () => status,
    async stop() {
      abort.abort(new Error('subscription keeper stopped'));
      await running;
    },
  };
}
