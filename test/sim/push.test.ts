import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { startHikCentralSimulator, type HikSimulator, type HikSimulatorOptions, type SimEventInput } from '../../src/sim/hikcentral/index.js';
import { generateSelfSignedTls } from '../../src/sim/hikcentral/tls.js';
import type { SimPerson } from '../../src/sim/scenario/index.js';
import { callArtemis } from './support/artemis-call.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { startPushReceiver, type PushReceiver } from './support/push-receiver.js';

const APP_KEY = '55667788';
const APP_SECRET = 'push-secret-3';
const creds = { appKey: APP_KEY, appSecret: APP_SECRET };
const SUBSCRIBE = '/artemis/api/eventService/v1/eventSubscriptionByEventTypes';
const VIEW = '/artemis/api/eventService/v1/eventSubscriptionView';
const UNSUBSCRIBE = '/artemis/api/eventService/v1/eventUnSubscriptionByEventTypes';
const T0 = Date.parse('2026-01-27T08:00:00-03:00');

const ana: SimPerson = {
  personId: '501',
  personCode: '20417',
  personGivenName: 'Ana',
  personFamilyName: 'Gómez',
  orgIndexCode: '1',
  phoneNo: '',
  email: '',
  cardNos: [],
  customFields: {},
};
const scenario = {
  site: { timezone: 'America/Argentina/Buenos_Aires' },
  persons: [ana],
  doors: [{ doorIndexCode: '1', doorName: 'Molinete Reloj Entrada', readers: [{ readerIndexCode: '101', readerName: 'Facial Entrada' }] }],
  events: [],
};

function punch(eventId: string, minutesAfterT0: number, extra: Partial<SimEventInput> = {}): SimEventInput {
  return {
    eventId,
    eventType: 196893,
    eventTime: T0 + minutesAfterT0 * 60_000,
    personId: '501',
    doorIndexCode: '1',
    readerIndexCode: '101',
    checkInAndOutType: 1,
    ...extra,
  };
}

type Push = {
  method: string;
  params: {
    ability: string;
    sendTime: string;
    events: Array<{ eventId: string; happenTime: string; data: Record<string, unknown> } & Record<string, unknown>>;
  };
};

describe('HikCentral simulator: push (OnEventNotify)', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()?.();
  });

  async function setUp(
    options: Partial<HikSimulatorOptions> = {},
  ): Promise<{ sim: HikSimulator; clock: AutoAdvanceClock; receiver: PushReceiver; subscribe: (body?: Record<string, unknown>) => Promise<void> }> {
    const clock = new AutoAdvanceClock(T0);
    const receiver = await startPushReceiver();
    cleanup.push(() => receiver.close());
    const sim = await startHikCentralSimulator({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      clock,
      scenario,
      ...options,
      push: { retryBaseMs: 1_000, ...options.push },
    });
    cleanup.push(() => sim.close());
    const subscribe = async (body: Record<string, unknown> = {}) => {
      const answer = await callArtemis(
        { baseUrl: sim.httpsUrl, caPem: sim.caPem },
        SUBSCRIBE,
        { eventTypes: [196893, 198914], eventDest: receiver.url, token: 'tok-123', ...body },
        creds,
      );
      expect(answer.json().code).toBe('0');
    };
    return { sim, clock, receiver, subscribe };
  }

  const pushes = (receiver: PushReceiver) => receiver.received.map((r) => r.body as Push);
  const pushedIds = (receiver: PushReceiver) => pushes(receiver).flatMap((p) => p.params.events.map((e) => e.eventId));

  it('subscribes, lists and unsubscribes through the API', async () => {
    const { sim, receiver, subscribe } = await setUp();
    await subscribe();
    const target = { baseUrl: sim.httpsUrl, caPem: sim.caPem };
    expect((await callArtemis(target, VIEW, {}, creds)).json().data).toEqual({ detail: [{ eventTypes: [196893, 198914], eventDest: receiver.url }] });
    expect(sim.state.subscriptions().map((s) => s.token)).toEqual(['tok-123', 'tok-123']);
    expect((await callArtemis(target, UNSUBSCRIBE, { eventTypes: [198914] }, creds)).json().code).toBe('0');
    expect((await callArtemis(target, VIEW, {}, creds)).json().data).toEqual({ detail: [{ eventTypes: [196893], eventDest: receiver.url }] });
    expect((await callArtemis(target, SUBSCRIBE, { eventTypes: [196893], eventDest: 'ftp://nowhere' }, creds)).json().code).not.toBe('0');
  });

  it('pushes a subscribed event once it has arrived, with the token header and the OnEventNotify shape', async () => {
    const { sim, clock, receiver, subscribe } = await setUp();
    await subscribe();
    sim.state.addEvents([punch('in-1', 1, { arrivalTime: T0 + 3 * 60_000, cardNo: null, picUri: '/pic?a' }), punch('refused', 1, { eventType: 197151 })]);
    clock.advance(2 * 60_000);
    await sim.state.pumpPush();
    expect(receiver.received).toHaveLength(0);
    clock.advance(60_000);
    await sim.state.pumpPush();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers.token).toBe('tok-123');
    expect(receiver.received[0]?.body).toEqual({
      method: 'OnEventNotify',
      params: {
        ability: 'event_acs',
        sendTime: '2026-01-27T08:03:00-03:00',
        events: [
          {
            eventId: 'in-1',
            eventType: 196893,
            happenTime: '2026-01-27T08:01:00-03:00',
            srcIndex: '1',
            srcName: 'Molinete Reloj Entrada',
            srcType: 'door',
            status: 0,
            timeout: 0,
            data: {
              personId: '501',
              personCode: '20417',
              personName: 'Ana Gómez',
              cardNo: '',
              checkInAndOutType: 1,
              readerIndexCode: '101',
              readerName: 'Facial Entrada',
              picUri: '/pic?a',
            },
          },
        ],
      },
    });
    await sim.state.pumpPush();
    expect(receiver.received).toHaveLength(1);
  });

  it('does not push events that reached the platform before the subscription', async () => {
    const { sim, clock, receiver, subscribe } = await setUp();
    sim.state.addEvents([punch('before', 0)]);
    clock.advance(60_000);
    await subscribe();
    sim.state.addEvents([punch('after', 1)]);
    await sim.state.pumpPush();
    expect(pushedIds(receiver)).toEqual(['after']);
  });

  it('batches several events per POST, up to maxBatch', async () => {
    const { sim, receiver, subscribe } = await setUp({ push: { maxBatch: 3 } });
    await subscribe();
    sim.state.addEvents(Array.from({ length: 7 }, (_, i) => punch(`e${i}`, 0)));
    await sim.state.pumpPush();
    expect(pushes(receiver).map((p) => p.params.events.length)).toEqual([3, 3, 1]);
    expect(new Set(pushedIds(receiver)).size).toBe(7);
  });

  it('re-sends the same batch with back-off on the sim clock until the receiver answers 200', async () => {
    const { sim, clock, receiver, subscribe } = await setUp({ push: { retryBaseMs: 5_000 } });
    await subscribe();
    sim.state.addEvents([punch('p1', 0), punch('p2', 0)]);
    receiver.answerNext(500, 503);
    await sim.state.pumpPush();
    expect(receiver.received).toHaveLength(1);
    clock.advance(4_999);
    await sim.state.pumpPush();
    expect(receiver.received).toHaveLength(1);
    clock.advance(1);
    await sim.state.pumpPush();
    expect(receiver.received).toHaveLength(2);
    clock.advance(9_999); // second back-off doubles
    await sim.state.pumpPush();
    expect(receiver.received).toHaveLength(2);
    clock.advance(1);
    await sim.state.pumpPush();
    expect(pushes(receiver).map((p) => p.params.events.map((e) => e.eventId))).toEqual([
      ['p1', 'p2'],
      ['p1', 'p2'],
      ['p1', 'p2'],
    ]);
    const attempts = sim.state.pushAttempts();
    expect(attempts.map((a) => [a.outcome, a.httpStatus, a.attempt])).toEqual([
      ['rejected', 500, 1],
      ['rejected', 503, 2],
      ['delivered', 200, 3],
    ]);
    expect(new Set(attempts.map((a) => a.batchId)).size).toBe(1);
    expect(sim.state.pendingPushEvents()).toBe(0);
  });

  it('records a failed connection and gives up after maxAttempts', async () => {
    const { sim, clock, receiver, subscribe } = await setUp({ push: { maxAttempts: 2, retryBaseMs: 1_000 } });
    await receiver.close();
    await subscribe();
    sim.state.addEvents([punch('lost', 0)]);
    await sim.state.pumpPush();
    clock.advance(1_000);
    await sim.state.pumpPush();
    clock.advance(60_000);
    await sim.state.pumpPush();
    const attempts = sim.state.pushAttempts();
    expect(attempts.map((a) => [a.outcome, a.abandoned])).toEqual([
      ['failed', false],
      ['failed', true],
    ]);
    expect(attempts[0]?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(sim.state.pendingPushEvents()).toBe(0);
  });

  it('repushRecent re-sends recent events with NEW eventIds (what a real site did)', async () => {
    const { sim, clock, receiver, subscribe } = await setUp();
    await subscribe();
    sim.state.addEvents([punch('old', 0)]);
    clock.advance(20 * 60_000);
    sim.state.addEvents([punch('recent', 19)]);
    await sim.state.pumpPush();
    const copies = sim.state.repushRecent({ sinceMs: 10 * 60_000 });
    expect(copies.map((c) => c.originalEventId)).toEqual(['recent']);
    await sim.state.pumpPush();
    const last = pushes(receiver).at(-1)?.params.events ?? [];
    expect(last).toHaveLength(1);
    expect(last[0]?.eventId).toBe(copies[0]?.eventId);
    expect(last[0]?.eventId).not.toBe('recent');
    expect(last[0]?.happenTime).toBe('2026-01-27T08:19:00-03:00');
    expect(last[0]?.data.personCode).toBe('20417');
    // Same ids on request.
    const same = sim.state.repushRecent({ sinceMs: 10 * 60_000, freshEventIds: false });
    expect(same[0]?.eventId).toBe('recent');
  });

  it('repushEveryMs re-pushes each event with a new id every interval for repushForMs', async () => {
    const { sim, clock, receiver, subscribe } = await setUp({ push: { repushEveryMs: 95_000, repushForMs: 600_000 } });
    await subscribe();
    sim.state.addEvents([punch('orig', 0)]);
    await sim.state.pumpPush();
    for (let step = 0; step < 9; step++) {
      clock.advance(95_000);
      await sim.state.pumpPush();
    }
    const ids = pushedIds(receiver);
    expect(ids[0]).toBe('orig');
    expect(ids).toHaveLength(1 + 6); // copies at 95 s … 570 s; none after 600 s
    expect(new Set(ids).size).toBe(ids.length);
    expect(sim.state.pushCopies().every((c) => c.originalEventId === 'orig')).toBe(true);
  });

  it('delivers to an https receiver trusted through caPem, refuses an untrusted one, or skips verification when told', async () => {
    const tls = await generateSelfSignedTls();
    const app = Fastify({ logger: false, forceCloseConnections: true, https: { key: tls.keyPem, cert: tls.certPem } });
    const got: unknown[] = [];
    app.post('/events', async (request) => {
      got.push(request.body);
      return { ok: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    cleanup.push(() => app.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const eventDest = `https://127.0.0.1:${port}/events`;
    const trusting = await setUp({ push: { caPem: tls.certPem } });
    await trusting.subscribe({ eventDest });
    trusting.sim.state.addEvents([punch('tls', 0)]);
    await trusting.sim.state.pumpPush();
    expect(got).toHaveLength(1);
    expect(trusting.sim.state.pushAttempts()[0]?.outcome).toBe('delivered');

    // Without the CA the receiver's certificate is refused…
    const strict = await setUp();
    await strict.subscribe({ eventDest });
    strict.sim.state.addEvents([punch('tls-strict', 0)]);
    await strict.sim.state.pumpPush();
    expect(strict.sim.state.pushAttempts()[0]).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/certificate|self[- ]signed/i) });
    // …unless verification is switched off (test receivers only).
    const lax = await setUp({ push: { rejectUnauthorized: false } });
    await lax.subscribe({ eventDest });
    lax.sim.state.addEvents([punch('tls-lax', 0)]);
    await lax.sim.state.pumpPush();
    expect(lax.sim.state.pushAttempts()[0]?.outcome).toBe('delivered');
    expect(got).toHaveLength(2);
  });
});
