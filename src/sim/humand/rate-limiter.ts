import type { Clock } from '../../domain/ports.js';

export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Whole seconds until the current window ends (at least 1). */
  readonly resetSeconds: number;
  readonly windowSeconds: number;
}

/**
 * Fixed window per key, aligned on the first request of each window: the first request
 * opens a window of `windowMs`; every request in it counts (rejected ones too, as in
 * production where a 429 still costs a request); the first request at or after its end opens the next.
 * `reset` is the time left in the window rounded up, so `Retry-After: reset` is always enough.
 */
export class FixedWindowRateLimiter {
  readonly #windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {
    if (!Number.isInteger(limit) || limit <= 0) throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`rate window must be positive, got ${windowMs}`);
  }

  get windowSeconds(): number {
    return Math.max(1, Math.ceil(this.windowMs / 1000));
  }

  take(key: string): RateDecision {
    const now = this.clock.now();
    let window = this.#windows.get(key);
    if (!window || now >= window.startMs + this.windowMs) {
      window = { startMs: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    const allowed = window.count <= this.limit;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.startMs + this.windowMs - now) / 1000)),
      windowSeconds: this.windowSeconds,
    };
  }
}
