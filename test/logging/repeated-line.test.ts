import { describe, expect, it } from 'vitest';
import { RepeatedLine } from '../../src/logging/repeated-line.js';
import { pushRecentError, readJson, META } from '../../src/app/ops-meta.js';
import type { RecentError } from '../../src/app/types.js';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';

describe('the same failure every poll is grouped, not repeated (issue #10)', () => {
  it('logs the first, then once per 5 minutes with the count, and says when the run ends', () => {
    const lines = new RepeatedLine(300_000);
    const logged = [0, 15_000, 30_000, 299_000, 300_000, 315_000].map((t) => lines.note('refused|/door/events', t));
    expect(logged.map((l) => l.log)).toEqual([true, false, false, false, true, false]);
    expect(logged[4]).toEqual({ log: true, count: 5, sinceMs: 0 });
    expect(lines.note('timeout|/door/events', 320_000)).toEqual({ log: true, count: 1, sinceMs: 320_000 });
    expect(lines.end()).toEqual({ count: 1, sinceMs: 320_000 });
    expect(lines.end()).toBeNull();
  });

  it('keeps one recent error with a count and the first time for the same error in a row', async () => {
    const store = SqliteLedgerStore.open({ path: ':memory:' });
    try {
      const refused = { message: 'HikCentral refused the connection at https://10.0.0.5', hint: 'check HIKVISION_HOST', code: null };
      for (const atMs of [1_000, 16_000, 31_000]) await pushRecentError(store, { ...refused, atMs });
      await pushRecentError(store, { atMs: 40_000, message: 'Humand did not answer: timeout', hint: null, code: 'HUMAND_UNREACHABLE' });
      const list = await readJson<RecentError[]>(store, META.recentErrors, []);
      expect(list).toEqual([
        { atMs: 40_000, message: 'Humand did not answer: timeout', hint: null, code: 'HUMAND_UNREACHABLE', count: 1, firstMs: 40_000 },
        { ...refused, atMs: 31_000, count: 3, firstMs: 1_000 },
      ]);
    } finally {
      await store.close();
    }
  });
});
