import type { Clock } from '../../../src/domain/ports.js';

/** A clock that moves only when told to; `sleep` advances it instantly and records the wait. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private current: number) {}

  now(): number {
    return this.current;
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
