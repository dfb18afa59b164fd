import type { Clock } from '../../src/domain/ports.js';

/**
 * A clock that moves only when the test says so; a sleep waits until `advance` carries time
 * past its deadline (for loops the test steps through: keepers, monitors, schedulers).
 */
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

  /** Moves time at once and wakes every sleep that is due (all of them together). */
  advance(ms: number): void {
    this.current += ms;
    const due = this.sleepers.filter((s) => s.until <= this.current);
    this.sleepers = this.sleepers.filter((s) => s.until > this.current);
    for (const sleeper of due) sleeper.wake();
  }

  /**
   * Moves time forward one due sleep at a time, in deadline order, letting each continuation
   * run (and perhaps sleep again) before the next fires — for code whose order of wake-ups matters.
   */
  async step(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await flush();
      const next = this.sleepers.reduce<(typeof this.sleepers)[number] | undefined>(
        (first, s) => (first === undefined || s.until < first.until ? s : first),
        undefined,
      );
      if (next === undefined || next.until > target) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.current = Math.max(this.current, next.until);
      next.wake();
    }
    this.current = target;
    await flush();
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

/**
 * A clock that moves only when told to, where `sleep` moves it forward at once and records the
 * wait (for code under test that waits out a delay the test wants to see, not to step through).
 */
export class AutoAdvanceClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  set(ms: number): void {
    this.current = ms;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new Error('aborted');
    this.sleeps.push(ms);
    this.current += Math.max(0, ms);
  }
}

/** Lets pending promise continuations and immediate callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
