import type { Logger } from 'pino';
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
