import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/domain/errors.js';
import { DEFAULT_GRANTED_EVENT_CODES } from '../../src/config/event-codes.js';
import { ensureSubscription, listSubscriptions, removeSubscription, sameDestination } from '../../src/push/subscription-manager.js';
import { startHik, type HikFixture } from './hik-sim.js';
import { ManualClock } from '../support/manual-clock.js';

const DEST = 'http://10.0.4.15:8089/hik/events';
const TOKEN = 'subscription-token-abcdef012345';

describe('subscription manager (against the HikCentral simulator)', () => {
  let hik: HikFixture;

  beforeEach(async () => {
    hik = await startHik({ clock: new ManualClock() });
  });

  afterEach(async () => {
    await hik.close();
  });

  const subscribeCalls = () => hik.sim.state.requests().filter((r) => r.path.endsWith('/eventSubscriptionByEventTypes')).length;

  it('subscribes the access-granted codes to our address with our token when nothing is subscribed', async () => {
    const result = await ensureSubscription({ client: hik.client, eventTypes: DEFAULT_GRANTED_EVENT_CODES, eventDest: DEST, token: TOKEN });
    expect(result.action).toBe('subscribed');
    expect(result.missing).toEqual([]);
    const subscriptions = hik.sim.state.subscriptions();
    expect(subscriptions.map((s) => s.eventType).sort()).toEqual([...DEFAULT_GRANTED_EVENT_CODES].sort());
    expect(new Set(subscriptions.map((s) => s.eventDest))).toEqual(new Set([DEST]));
    expect(new Set(subscriptions.map((s) => s.token))).toEqual(new Set([TOKEN]));
  });

  it('is idempotent: a second call reads the subscriptions and changes nothing', async () => {
    await ensureSubscription({ client: hik.client, eventTypes: DEFAULT_GRANTED_EVENT_CODES, eventDest: DEST, token: TOKEN });
    const before = subscribeCalls();
    const again = await ensureSubscription({ client: hik.client, eventTypes: DEFAULT_GRANTED_EVENT_CODES, eventDest: `${DEST}/`, token: TOKEN });
    expect(again.action).toBe('unchanged');
    expect(again.covered.sort()).toEqual([...DEFAULT_GRANTED_EVENT_CODES].sort());
    expect(subscribeCalls()).toBe(before);
  });

  it('re-subscribes when the platform lost some event types', async () => {
    await ensureSubscription({ client: hik.client, eventTypes: DEFAULT_GRANTED_EVENT_CODES, eventDest: DEST, token: TOKEN });
    await hik.client.unsubscribe([196893, 198914]);
    const result = await ensureSubscription({ client: hik.client, eventTypes: DEFAULT_GRANTED_EVENT_CODES, eventDest: DEST, token: TOKEN });
    expect(result.action).toBe('subscribed');
    expect(hik.sim.state.subscriptions().map((s) => s.eventType)).toEqual(expect.arrayContaining([196893, 198914]));
  });

  it('moves event types that point at another address to ours, and leaves unrelated types alone', async () => {
    await hik.client.subscribe({ eventTypes: [196893, 198913], eventDest: 'http://old-host:9999/hook', token: 'old-token-xyz' });
    const result = await ensureSubscription({ client: hik.client, eventTypes: [196893, 198914], eventDest: DEST, token: TOKEN });
    expect(result.action).toBe('subscribed');
    expect(result.redirected).toEqual([196893]);
    const byType = new Map(hik.sim.state.subscriptions().map((s) => [s.eventType, s]));
    expect(byType.get(196893)).toMatchObject({ eventDest: DEST, token: TOKEN });
    expect(byType.get(198914)).toMatchObject({ eventDest: DEST, token: TOKEN });
    expect(byType.get(198913)).toMatchObject({ eventDest: 'http://old-host:9999/hook' });
  });

  it('with force, subscribes again even when everything is listed (a rotated token is not visible in the view)', async () => {
    await ensureSubscription({ client: hik.client, eventTypes: [196893], eventDest: DEST, token: TOKEN });
    const rotated = 'rotated-token-9876543210fedcba';
    const result = await ensureSubscription({ client: hik.client, eventTypes: [196893], eventDest: DEST, token: rotated, force: true });
    expect(result.action).toBe('subscribed');
    expect(hik.sim.state.subscriptions()).toMatchObject([{ eventType: 196893, token: rotated }]);
  });

  it('lists subscriptions marking ours, and removes by event type', async () => {
    await hik.client.subscribe({ eventTypes: [198913], eventDest: 'http://elsewhere:1/x', token: 'other-token-123' });
    await ensureSubscription({ client: hik.client, eventTypes: [198914, 196893], eventDest: DEST, token: TOKEN });
    const listed = await listSubscriptions(hik.client, DEST);
    expect(listed).toEqual(
      expect.arrayContaining([
        { eventDest: DEST, eventTypes: [196893, 198914], ours: true },
        { eventDest: 'http://elsewhere:1/x', eventTypes: [198913], ours: false },
      ]),
    );
    await removeSubscription(hik.client, [196893, 198914]);
    expect(hik.sim.state.subscriptions().map((s) => s.eventType)).toEqual([198913]);
  });

  it('refuses to subscribe nothing or to a non-URL, with a hint', async () => {
    await expect(ensureSubscription({ client: hik.client, eventTypes: [], eventDest: DEST, token: TOKEN })).rejects.toThrow(ConfigurationError);
    await expect(ensureSubscription({ client: hik.client, eventTypes: [196893], eventDest: 'not a url', token: TOKEN })).rejects.toThrow(/WEBHOOK_URL/);
    expect(subscribeCalls()).toBe(0);
  });

  it('passes a HikCentral failure through as the typed error the client raised', async () => {
    hik.sim.faults.set({ refuseConnections: true });
    await expect(ensureSubscription({ client: hik.client, eventTypes: [196893], eventDest: DEST, token: TOKEN })).rejects.toMatchObject({
      category: 'transient',
    });
    expect(hik.sim.state.subscriptions()).toEqual([]);
  });
});

describe('sameDestination', () => {
  it.each([
    ['http://10.0.0.1:8089/hik/events', 'http://10.0.0.1:8089/hik/events/', true],
    ['HTTP://Host.Example:80/hik', 'http://host.example/hik', true],
    ['http://10.0.0.1:8089/hik/events', 'http://10.0.0.1:8090/hik/events', false],
    ['http://10.0.0.1:8089/hik/events', 'https://10.0.0.1:8089/hik/events', false],
    ['http://10.0.0.1/a', 'http://10.0.0.1/A', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(sameDestination(a, b)).toBe(expected);
  });
});
