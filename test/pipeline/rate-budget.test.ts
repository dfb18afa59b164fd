import { describe, expect, it } from 'vitest';
import { RateBudget, type RatePermit, type RequestPriority } from '../../src/pipeline/delivery/rate-budget.js';
import type { RateLimitInfo } from '../../src/domain/humand.js';
import { ManualClock, flush } from '../support/manual-clock.js';

function info(clock: ManualClock, remaining: number, resetSeconds: number, limit = 50, windowSeconds = 60): RateLimitInfo {
  return { limit, remaining, resetSeconds, windowSeconds, observedAt: clock.now() };
}

/** Starts `n` acquisitions and records the order in which they are granted. */
function acquireMany(budget: RateBudget, priorities: RequestPriority[]) {
  const granted: { index: number; permit: RatePermit }[] = [];
  priorities.forEach((priority, index) => {
    void budget.acquire(priority).then((permit) => granted.push({ index, permit }));
  });
  return granted;
}

describe('rate budget', () => {
  it('grants the assumed 50 at once before any header, then waits for the window to reset', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 500 });
    const granted = acquireMany(budget, Array<RequestPriority>(60).fill('live'));
    await flush();
    expect(granted).toHaveLength(50);
    granted.forEach((g) => g.permit.complete(null));
    await clock.step(60_000);
    expect(granted).toHaveLength(50); // still within the margin after the assumed reset
    await clock.step(500);
    expect(granted).toHaveLength(60);
  });

  it('believes the server: a low remaining stops granting until the announced reset', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0 });
    const first = await budget.acquire('live');
    first.complete(info(clock, 2, 7)); // someone else used most of the key's budget
    const granted = acquireMany(budget, Array<RequestPriority>(5).fill('live'));
    await flush();
    expect(granted).toHaveLength(2);
    await clock.step(6_999);
    expect(granted).toHaveLength(2);
    await clock.step(1);
    expect(granted).toHaveLength(5);
  });

  it('on 429 waits Retry-After before anything else is sent', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0 });
    const permit = await budget.acquire('live');
    permit.complete(info(clock, 0, 30), 30_000);
    const granted = acquireMany(budget, ['live']);
    await clock.step(29_999);
    expect(granted).toHaveLength(0);
    await clock.step(1);
    expect(granted).toHaveLength(1);
  });

  it('serves live punches before retries before backfill when budget frees up', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 1, windowMs: 1_000, resetMarginMs: 0 });
    const blocker = await budget.acquire('live');
    blocker.complete(info(clock, 0, 1, 1, 1));
    const order: RequestPriority[] = ['backfill', 'retry', 'live', 'backfill', 'live', 'retry'];
    const granted = acquireMany(budget, order);
    for (let i = 0; i < order.length; i++) {
      await clock.step(1_000);
      const last = granted[granted.length - 1]!;
      last.permit.complete(info(clock, 0, 1, 1, 1));
    }
    expect(granted.map((g) => order[g.index])).toEqual(['live', 'live', 'retry', 'retry', 'backfill', 'backfill']);
    expect(granted.map((g) => g.index)).toEqual([2, 4, 1, 5, 0, 3]);
  });

  it('never exceeds a fixed-window server limit and uses all of it under backlog (random latencies)', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const limit = 10;
    const windowMs = 2_000;
    // A server with fixed windows aligned on its first request, announcing remaining/reset like Humand.
    let windowStart: number | null = null;
    let used = 0;
    const perWindow = new Map<number, number>();
    const serve = (): RateLimitInfo => {
      const now = clock.now();
      if (windowStart === null || now >= windowStart + windowMs) {
        windowStart = now;
        used = 0;
      }
      used++;
      perWindow.set(windowStart, (perWindow.get(windowStart) ?? 0) + 1);
      const resetSeconds = Math.ceil((windowStart + windowMs - now) / 1000);
      return { limit, remaining: Math.max(0, limit - used), resetSeconds, windowSeconds: windowMs / 1000, observedAt: now };
    };
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 250 });
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let done = 0;
    const total = 100;
    const worker = async () => {
      while (done < total) {
        const permit = await budget.acquire('live').catch(() => null);
        if (permit === null) return;
        if (done >= total) {
          permit.complete(null);
          return;
        }
        done++;
        const latency = Math.floor(random() * 300);
        await clock.sleep(latency / 2);
        const answer = serve();
        await clock.sleep(latency / 2);
        permit.complete(answer);
      }
    };
    const workers = Array.from({ length: 4 }, () => worker());
    for (let i = 0; i < 2000 && done < total; i++) await clock.step(100);
    await clock.step(5_000);
    budget.close();
    await Promise.all(workers);
    expect(done, [...perWindow.entries()].map(([k, v]) => `${k % 100000}:${v}`).join(' ')).toBe(total);
    const counts = [...perWindow.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(limit);
    // Under backlog the budget is used: in-flight requests are counted conservatively, so a
    // window may lose one or two to out-of-order answers, never more.
    const full = counts.slice(0, -1);
    expect(full.reduce((a, b) => a + b, 0) / full.length).toBeGreaterThanOrEqual(limit * 0.8);
  });

  it('rejects waiters on close and honours an aborted signal', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 1, windowMs: 1_000 });
    await budget.acquire('live');
    const waiting = budget.acquire('live');
    const controller = new AbortController();
    const aborted = budget.acquire('backfill', controller.signal);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    budget.close();
    await expect(waiting).rejects.toThrow('rate budget closed');
  });
});
