import type { RateLimitInfo } from '../domain/humand.js';
import type { PipelineContext } from '../pipeline/context.js';
import { HumandHealth, type HumandReachability } from './humand-health.js';
import { saveRateLimit } from './ops-meta.js';

/**
 * Watches every Humand response the pipeline reports: the last rate-limit answer (saved, so a
 * restart does not spend a busy window again) and whether Humand answers at all.
 */
export class HumandObserver {
  private last: RateLimitInfo | null = null;
  private readonly health: HumandHealth;
  private readonly unsubscribe: () => void;

  /** `track` keeps the ledger writes this starts, so that closing waits for them. */
  constructor(
    private readonly context: PipelineContext,
    track: (work: Promise<unknown>) => void,
  ) {
    this.health = new HumandHealth(context.store);
    this.unsubscribe = context.events.subscribe((event) => {
      if (event.type !== 'humand-response') return;
      if (event.rateLimit !== null) {
        this.last = event.rateLimit;
        track(saveRateLimit(context.store, event.rateLimit).catch(() => undefined));
      }
      const unanswered = event.result === 'transient' && (event.status === null || event.status >= 500);
      track(this.health.observe(!unanswered, event.message ?? null, context.clock.now()).catch(() => undefined));
    });
  }

  get lastRateLimit(): RateLimitInfo | null {
    return this.last;
  }

  /** This process's view once it has talked to Humand; before that, what the service saved. */
  async reachability(): Promise<HumandReachability | null> {
    const own = this.health.current;
    if (own.lastOkMs !== null || own.failingSinceMs !== null) return own;
    return HumandHealth.saved(this.context.store);
  }

  close(): void {
    this.unsubscribe();
  }
}
