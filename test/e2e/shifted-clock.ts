import type { Clock } from '../../src/domain/ports.js';
import { systemClock } from '../../src/domain/clock.js';

/**
 * Real time, shifted: `now` is wall time plus an offset the test moves forward, so a whole
 * working day in the past can be replayed hour by hour while sleeps stay real (and short).
 */
export class ShiftedClock implements Clock {
  private offsetMs: number;

  constructor(startAtMs: number) {
    this.offsetMs = startAtMs - Date.now();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms, signal);
  }

  /** Jumps forward (never back). */
  jumpTo(ms: number): void {
    this.offsetMs = Math.max(this.offsetMs, ms - Date.now());
  }

  /** Moves `now` to this instant, forward or back (benchmarks re-read an earlier hour). */
  setTo(ms: number): void {
    this.offsetMs = ms - Date.now();
  }
}
