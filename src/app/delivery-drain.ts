import type { Clock } from '../domain/ports.js';
import type { DeliveryEngine, PauseState } from '../pipeline/delivery/engine.js';

export interface DrainResult {
  readonly steps: number;
  readonly paused: PauseState | null;
}

/**
 * Delivery on demand (sync, backfill, the dashboard's "deliver now") beside the daemon's
 * continuous delivery: only one drain runs at a time, and while one runs, asking again only
 * wakes it.
 */
export class DeliveryDrain {
  private draining = false;

  constructor(
    private readonly engine: DeliveryEngine | null,
    private readonly clock: Clock,
  ) {}

  /** Delivers until idle or `deliverForMs` has passed; stops early when delivery pauses. */
  async drain(deliverForMs: number, signal?: AbortSignal): Promise<DrainResult> {
    const engine = this.engine;
    if (engine === null) return { steps: 0, paused: null };
    if (this.draining) {
      engine.wake();
      return { steps: 0, paused: engine.pauseState };
    }
    this.draining = true;
    try {
      engine.probeNow();
      const result = await engine.drain({ idleDeadlineMs: this.clock.now() + deliverForMs, stopWhenPaused: true, ...(signal ? { signal } : {}) });
      return { steps: result.processed, paused: result.paused };
    } finally {
      this.draining = false;
    }
  }

  /** `run` delivers continuously (the daemon): drains asked for meanwhile only wake it. */
  async continuously(run: () => Promise<void>): Promise<void> {
    this.draining = true;
    try {
      await run();
    } finally {
      this.draining = false;
    }
  }
}
