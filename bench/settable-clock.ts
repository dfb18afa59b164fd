import { systemClock } from '../src/domain/clock.js';
import type { Clock } from '../src/domain/ports.js';

/**
 * Wall time moved to a chosen instant: `now` runs at real speed from wherever it was set,
 * sleeps are real. Lets a benchmark replay a day in the past against the simulators.
 */
export class SettableClock implements Clock {
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

  /** Moves `now` to this instant, forward or back. */
  setTo(ms: number): void {
    this.offsetMs = ms - Date.now();
  }
}
