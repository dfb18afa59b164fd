import type { App } from '../app/types.js';
import type { Clock } from '../domain/ports.js';
import { HumandClient } from '../humand/index.js';
import type { Logger } from '../logging/logger.js';
import { cachedHumandDays, type HumandDaySource } from './views/humand-days.js';

export interface AppHumandDays {
  readonly source: HumandDaySource;
  close(): Promise<void>;
}

/**
 * The attendance view's read of Humand's days for a running App: its own client on the same
 * key, reads cached for five minutes, and a request only while the last answer Humand gave
 * (to anyone on this key) left at least a fifth of the window's budget, which deliveries keep.
 * Null when Humand is not configured (demo without a key, dry runs without one).
 */
export function humandDaysForApp(app: App, clock: Clock, logger: Logger): AppHumandDays | null {
  const humand = app.config.humand;
  if (humand === null) return null;
  const client = HumandClient.fromConfig(humand, { logger, clock });
  let budget: { remaining: number | null; limit: number | null; resetAtMs: number | null } = { remaining: null, limit: null, resetAtMs: null };
  const unsubscribe = app.subscribe((event) => {
    if (event.type !== 'humand-response' || event.rateLimit === null) return;
    const { remaining, limit, resetSeconds, observedAt } = event.rateLimit;
    budget = { remaining, limit, resetAtMs: resetSeconds === null ? null : observedAt + resetSeconds * 1000 };
  });
  const mayRequest = () => {
    if (budget.remaining === null || (budget.resetAtMs !== null && budget.resetAtMs <= clock.now())) return true;
    return budget.remaining >= Math.ceil((budget.limit ?? 50) / 5);
  };
  return {
    source: cachedHumandDays({ port: client, clock, mayRequest }),
    async close() {
      unsubscribe();
      await client.close();
    },
  };
}
