import { describe, expect, it } from 'vitest';
import { RateBudget, type RatePermit, type RequestPriority } from '../../src/pipeline/delivery/rate-budget.js';
import type { RateLimitInfo } from '../../src/domain/humand.js';
import { ManualClock, flush } from '../support/manual-clock.js';

function info(clock: ManualClock, remaining: number, resetSeconds: number, limit = 50, windowSeconds = 60): RateLimitInfo {
  return { limit, remaining, resetSeconds, windowSeconds, observedAt: clock.now() };
}

function acquireMany(budget: RateBudget, n: number, priority: RequestPriority = 'live') {
  const granted: RatePermit[] = [];
  for (let i = 0; i < n; i++) void budget.acquire(priority).then((permit) => granted.push(permit));
  return granted;
}

describe('rate budget: answers out of order (issue #14 item 8)', () => {
  it('a late answer to an earlier request never raises what is left of the window', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0 });
    const [p45, p47, p48] = [await budget.acquire('live'), await budget.acquire('live'), await budget.acquire('live')];
    // 47 and 48 are answered first: 2 left, the window resets in 5 s.
    p47!.complete(info(clock, 3, 5));
    p48!.complete(info(clock, 2, 5));
    // 45's answer comes 1.1 s later; Humand rounds `reset` up, so it looks like a later window with 5 left.
    await clock.step(1_100);
    p45!.complete(info(clock, 5, 5));
    const granted = acquireMany(budget, 6);
    await flush();
    expect(granted.length).toBeLessThanOrEqual(2);
    await clock.step(3_900); // the window announced by 47/48 is over
    await flush();
    expect(granted).toHaveLength(6);
  });

  it('still learns a new window from the answer to a later request', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0 });
    const first = await budget.acquire('live');
    first.complete(info(clock, 0, 2));
    await clock.step(2_000);
    const second = await budget.acquire('live');
    second.complete(info(clock, 49, 60));
    expect(budget.snapshot()).toMatchObject({ remaining: 49, resetAtMs: clock.now() + 60_000 });
  });
});

describe('rate budget: a restart inside a busy window (issue #14 item 7)', () => {
  it('starts from the saved answer less what may have been sent after it, and waits for the reset when nothing is left', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const saved = info(clock, 3, 20); // the previous process had 3 left, 20 s before the reset
    await clock.step(5_000); // restarted 5 s later
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0, lastAnswer: saved, unsavedReserve: 5 });
    const granted = acquireMany(budget, 10);
    await flush();
    expect(granted).toHaveLength(0);
    await clock.step(15_000);
    await flush();
    expect(granted).toHaveLength(1); // one request, to hear the server's own count
    granted[0]!.complete(info(clock, 49, 60));
    await flush();
    expect(granted).toHaveLength(10);
  });

  it('sends one request at a time until the first answer, then believes it', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const saved = info(clock, 30, 40);
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0, lastAnswer: saved, unsavedReserve: 5 });
    const granted = acquireMany(budget, 30);
    await flush();
    expect(granted).toHaveLength(1);
    // The previous process sent more than it saved: the server has 4 left.
    granted[0]!.complete(info(clock, 4, 40));
    await flush();
    expect(granted).toHaveLength(5);
  });

  it('without any saved answer, still starts with one request until the first answer', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0, lastAnswer: null });
    const granted = acquireMany(budget, 10);
    await flush();
    expect(granted).toHaveLength(1);
    granted[0]!.complete(null); // no headers (a timeout): carry on with the assumed budget
    await flush();
    expect(granted).toHaveLength(10);
  });

  it('a saved answer from a window that is over gives the assumed budget, one request first', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const saved = info(clock, 0, 10);
    await clock.step(11_000);
    const budget = new RateBudget({ clock, limit: 50, windowMs: 60_000, resetMarginMs: 0, lastAnswer: saved, unsavedReserve: 5 });
    const granted = acquireMany(budget, 3);
    await flush();
    expect(granted).toHaveLength(1);
    granted[0]!.complete(info(clock, 49, 60));
    await flush();
    expect(granted).toHaveLength(3);
  });
});

describe('rate budget: the reset margin is measured, not a fixed second (issue #14 drain)', () => {
  it('after a reset Humand announced, waits only 10 ms: the announcement is never early on our clock', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 2, windowMs: 10_000 });
    const [a, b] = [await budget.acquire('live'), await budget.acquire('live')];
    await clock.step(30);
    a.complete(info(clock, 1, 10, 2, 10));
    b.complete(info(clock, 0, 10, 2, 10));
    const granted = acquireMany(budget, 1);
    // Announced at 30 ms: reset in 10 s, so at 10_030; our own guess (first grant + window) was 10_000.
    await clock.step(10_000 + 9);
    expect(granted).toHaveLength(0);
    await clock.step(1);
    expect(granted).toHaveLength(1);
  });

  it('after only its own guess (answers without a RateLimit count), waits the slowest round trip + 25 ms', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 2, windowMs: 10_000 });
    const [a, b] = [await budget.acquire('live'), await budget.acquire('live')];
    await clock.step(30);
    const unannounced: RateLimitInfo = { limit: 2, remaining: null, resetSeconds: null, windowSeconds: 10, observedAt: clock.now() };
    a.complete(unannounced);
    b.complete(unannounced);
    const granted = acquireMany(budget, 1);
    // The window ends 10 s after the first grant (the guess); margin = 30 + 25 ms.
    await clock.step(9_970 + 54);
    expect(granted).toHaveLength(0);
    await clock.step(1);
    expect(granted).toHaveLength(1);
  });

  it('adds a second for good when Humand refuses a request sent just after a window opened', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 27, 12, 0, 0));
    const budget = new RateBudget({ clock, limit: 1, windowMs: 10_000 });
    const first = await budget.acquire('live');
    first.complete(info(clock, 0, 10, 1, 10)); // announced reset at 10_000: margin 10 ms
    const second = acquireMany(budget, 1);
    await clock.step(10_010);
    expect(second).toHaveLength(1);
    // Humand says its window had not reset yet (a clock or rounding we did not expect).
    second[0]!.complete(info(clock, 0, 1, 1, 10), 1_000);
    const third = acquireMany(budget, 1);
    await clock.step(1_000 + 1_010 - 1);
    expect(third).toHaveLength(0);
    await clock.step(1);
    expect(third).toHaveLength(1);
  });
});
