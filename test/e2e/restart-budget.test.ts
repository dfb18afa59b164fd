import { describe, expect, it } from 'vitest';
import { E2eRuns, expectedTimelines, humandTimelines } from './harness.js';

const AFTER_THE_DAY = Date.parse('2026-01-29T12:00:00Z');
const WINDOW_MS = 4_000;
const LIMIT = 20;

describe('a restart inside a busy Humand window (issue #14 item 7)', () => {
  const runs = new E2eRuns();

  it('the new process does not spend the window again: zero 429s, the day still exact', async () => {
    const on = await runs.startWorld({
      dirPrefix: 'e2e-restart-budget-',
      clockAt: AFTER_THE_DAY,
      employees: 40,
      seed: 11,
      rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
    });
    const first = await runs.openApp(on);
    await first.refreshMappings();
    // Stop the first process as soon as Humand says the window is nearly spent.
    const stop = new AbortController();
    first.subscribe((event) => {
      if (event.type === 'humand-response' && event.rateLimit !== null && (event.rateLimit.remaining ?? LIMIT) <= 3) stop.abort();
    });
    await first.syncOnce({ signal: stop.signal });
    expect(stop.signal.aborted).toBe(true);
    await first.close();
    const sentBefore = on.world.humand.state.requests.length;
    expect(sentBefore).toBeGreaterThan(0);

    // The same ledger (it holds the first process's last RateLimit answer), a new process.
    const second = await runs.openApp(on);
    const summary = await second.syncOnce();
    expect(summary.pending).toBe(0);
    const statuses = on.world.humand.state.countsByStatus();
    expect(statuses['429'] ?? 0, JSON.stringify(statuses)).toBe(0);
    expect(humandTimelines(on.world)).toEqual(expectedTimelines(on.world));
  });
});
