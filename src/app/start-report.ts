import type { Logger } from 'pino';
import type { AppConfig } from '../config/types.js';
import type { RateBudgetSnapshot } from '../pipeline/delivery/rate-budget.js';
import { describeLedger } from '../store/open-store.js';
import type { PunchOutcome } from '../store/punch.js';

/**
 * One line when the service starts delivering: what the ledger holds from before. Punches
 * interrupted mid-send are read back from Humand before anything is sent again. (The budget it
 * starts from is in the "hik2humand starting" line.)
 */
export function logStartState(logger: Logger, counts: Readonly<Record<PunchOutcome, number>>): void {
  const found = { sending: counts.sending, queued: counts.queued, held: counts.held, waiting: counts.waiting };
  logger.info(
    found,
    counts.sending > 0 ? 'delivery starting: punches interrupted mid-send are read back from Humand before anything is sent again' : 'delivery starting',
  );
}

/** The first line of every process: what it is configured to do, and the rate budget it starts from. */
export function logStarting(
  logger: Logger,
  config: AppConfig,
  parts: { readonly polls: boolean; readonly delivers: boolean; readonly budget: RateBudgetSnapshot },
): void {
  const { remaining, resetAtMs, probing } = parts.budget;
  logger.info(
    {
      mode: config.mode,
      dryRun: config.dryRun,
      siteTimezone: config.siteTimezone,
      database: describeLedger(config),
      hik: parts.polls,
      humand: parts.delivers,
      // What the rate budget starts from (the last RateLimit answer saved by a previous process).
      budget: { remaining, resetAtMs, probing },
    },
    'hik2humand starting',
  );
}
