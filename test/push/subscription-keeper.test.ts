import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { startSubscriptionKeeper, type SubscriptionKeeper } from '../../src/push/subscription-keeper.js';
import { startHik, type HikFixture } from './hik-sim.js';
import { ManualClock } from '../support/manual-clock.js';

const DEST = 'http://10.0.4.15:8089/hik/events';
const TOKEN = 'keeper-token-abcdef0123456789';
const TYPES = [196893, 198914];
const MINUTE = 60_000;

describe('subscription keeper', () => {
  let hik: HikFixture;
  let clock: ManualClock;
  let keeper: SubscriptionKeeper | undefined;

  beforeEach(async () => {
    clock = new ManualClock();
    hik = await startHik({ clock });
  });

  afterEach(async () => {
    await keeper?.stop();
    keeper = undefined;
    await hik.close();
  });

  const start = () =>
    (keeper = startSubscriptionKeeper({
      client: hik.client,
      eventTypes: TYPES,
      eventDest: DEST,
      token: TOKEN,
      clock,
      logger: silentLogger(),
      intervalMs: 10 * MINUTE,
      retryMs: MINUTE,
    }));

  it('subscribes on start', async () => {
    const k = start();
    await k.started;
    expect(hik.sim.state.subscriptions().map((s) => s.eventType)).toEqual(TYPES);
    expect(k.status()).toMatchObject({ checks: 1, resubscriptions: 1, lastError: null, lastResult: { action: 'subscribed' } });
  });

  it('notices that the platform lost the subscription and subscribes again at the next check', async () => {
    const k = start();
    await k.started;
    await hik.client.unsubscribe(TYPES); // what a platform restart can do
    await expect.poll(() => clock.waiting()).toBe(1);
    clock.advance(10 * MINUTE - 1);
    expect(hik.sim.state.subscriptions()).toEqual([]);
    clock.advance(1);
    await expect.poll(() => hik.sim.state.subscriptions().map((s) => s.eventType)).toEqual(TYPES);
    await expect.poll(() => k.status().resubscriptions).toBe(2);
  });

  it('leaves a healthy subscription alone', async () => {
    const k = start();
    await k.started;
    for (let i = 0; i < 3; i++) {
      await expect.poll(() => clock.waiting()).toBe(1);
      clock.advance(10 * MINUTE);
      await expect.poll(() => k.status().checks).toBe(i + 2);
    }
    expect(k.status()).toMatchObject({ resubscriptions: 1, lastResult: { action: 'unchanged' } });
  });

  it('keeps running when HikCentral is unreachable, retries sooner, and recovers', async () => {
    hik.sim.faults.set({ refuseConnections: true });
    const k = start();
    await k.started;
    expect(k.status().lastError?.message).toBeTruthy();
    expect(hik.sim.state.subscriptions()).toEqual([]);
    hik.sim.faults.clear();
    await expect.poll(() => clock.waiting()).toBe(1);
    clock.advance(MINUTE);
    await expect.poll(() => hik.sim.state.subscriptions().map((s) => s.eventType)).toEqual(TYPES);
    await expect.poll(() => k.status().lastError).toBeNull();
  });

  it('stops promptly, even while asleep', async () => {
    const k = start();
    await k.started;
    await expect.poll(() => clock.waiting()).toBe(1);
    await k.stop();
    expect(clock.waiting()).toBe(0);
  });
});
