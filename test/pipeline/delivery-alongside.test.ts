import { describe, expect, it } from 'vitest';
import { DeliveryAlongside, timeSlices } from '../../src/app/backfill-slices.js';

type Run = { steps: number; paused: { reason: string; hint: string | null } | null };

function deferred() {
  let resolve!: (run: Run) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Run>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('delivery beside a backfill (issue #14 drain)', () => {
  it('cuts a range into days, the last one short', () => {
    expect(timeSlices(0, 60 * 3_600_000)).toEqual([
      { fromMs: 0, toMs: 24 * 3_600_000 },
      { fromMs: 24 * 3_600_000, toMs: 48 * 3_600_000 },
      { fromMs: 48 * 3_600_000, toMs: 60 * 3_600_000 },
    ]);
  });

  it('starts one drain at a time, a new one once the last ran out of work, and one more at the end', async () => {
    const runs: ReturnType<typeof deferred>[] = [];
    const delivery = new DeliveryAlongside<Run>(() => {
      const run = deferred();
      runs.push(run);
      return run.promise;
    });
    delivery.kick();
    delivery.kick(); // the first drain still runs: nothing new
    expect(runs).toHaveLength(1);
    runs[0]!.resolve({ steps: 3, paused: null });
    await new Promise((resolve) => setImmediate(resolve));
    delivery.kick();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve({ steps: 2, paused: null });
    const finishing = delivery.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toHaveLength(3); // what the last slice queued
    runs[2]!.resolve({ steps: 1, paused: null });
    expect(await finishing).toEqual({ steps: 6, paused: null });
  });

  it('does not start again once paused, and throws a drain failure at the end', async () => {
    const paused = new DeliveryAlongside<Run>(() => Promise.resolve({ steps: 1, paused: { reason: 'Humand answered 403', hint: 'check the key' } }));
    paused.kick();
    expect(await paused.finish()).toEqual({ steps: 1, paused: { reason: 'Humand answered 403', hint: 'check the key' } });
    const failing = new DeliveryAlongside<Run>(() => Promise.reject(new Error('ledger gone')));
    failing.kick();
    await expect(failing.finish()).rejects.toThrow('ledger gone');
  });
});
