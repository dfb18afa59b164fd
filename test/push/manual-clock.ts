import type { Clock } from '../../src/domain/ports.js';

/** A clock that moves only when the test says so; sleepers wake when time passes their deadline. */
export class ManualClock implements Clock {
  private sleepers: { until: number; wake: () => void }[] = [];

  constructor(private current: number = Date.UTC(2026, 0, 27, 11, 0, 0)) {}

  now(): number {
    return this.current;
  }

  /** How many sleeps are waiting (a loop that went back to sleep shows up here). */
  waiting(): number {
    return this.sleepers.length;
  }

  advance(ms: number): void {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.until <= this.current);
    this.sleepers = this.sleepers.filter((s) => s.until > this.current);
    for (const sleeper of due) sleeper.wake();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Error('aborted'));
        return;
      }
      const sleeper = { until: this.current + ms, wake: () => resolve() };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(new Error('aborted'));
        },
        { once: true },
      );
    });
  }
}
