import fc from 'fast-check';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { WebhookRequestOutcome } from '../../src/push/webhook-server.js';
import { PUNCH_OUTCOMES } from '../../src/store/index.js';
import { expectedTimelines, humandTimelines } from '../e2e/harness.js';
import { notification, pushedEvent } from './helpers.js';
import { PushChains, PUSH_TOKEN as TOKEN, settled } from './push-chain.js';

const HOUR = 3_600_000;
const RUNS = 2_000;
const SEED = 14;

/** What one generated event is meant to be; ids are given when the body is built, so each run is fresh. */
type EventPlan =
  | { readonly kind: 'good'; readonly minutesAgo: number }
  | { readonly kind: 'long'; readonly minutesAgo: number; readonly length: number }
  | { readonly kind: 'deep'; readonly minutesAgo: number; readonly depth: number }
  | { readonly kind: 'impossible-time'; readonly time: string }
  | { readonly kind: 'mutant'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'random'; readonly value: unknown };

type BodyPlan =
  | { readonly kind: 'batch'; readonly events: readonly EventPlan[]; readonly token: 'right' | 'wrong' | 'none'; readonly contentType: string }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string };

const IMPOSSIBLE_TIMES = [
  '2026-01-27T08:00:00+19:00',
  '2026-01-27T08:00:00-14:30',
  '2026-01-27T08:00:00+9959',
  '0001-01-01T08:00:00-03:00',
  '1900-01-27T08:00:00Z',
  '2020-01-27T08:00:00Z',
];
const FIELDS = [
  'eventId',
  'eventType',
  'happenTime',
  'srcIndex',
  'srcType',
  'status',
  'data',
  'data.personId',
  'data.personName',
  'data.checkInAndOutType',
  '__proto__',
  'constructor',
];

const minutesAgo = fc.integer({ min: 1, max: 48 * 60 });
const eventPlan: fc.Arbitrary<EventPlan> = fc.oneof(
  { weight: 4, arbitrary: minutesAgo.map((m) => ({ kind: 'good' as const, minutesAgo: m })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long' as const), minutesAgo, length: fc.integer({ min: 4_000, max: 40_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep' as const), minutesAgo, depth: fc.integer({ min: 30, max: 3_000 }) }) },
  { weight: 1, arbitrary: fc.constantFrom(...IMPOSSIBLE_TIMES).map((time) => ({ kind: 'impossible-time' as const, time })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mutant' as const), field: fc.constantFrom(...FIELDS), value: fc.jsonValue({ maxDepth: 3 }) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'random' as const, value })) },
);
const bodyPlan: fc.Arbitrary<BodyPlan> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      events: fc.array(eventPlan, { maxLength: 12 }),
      token: fc.constantFrom('right' as const, 'right' as const, 'right' as const, 'wrong' as const, 'none' as const),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain'),
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ kind: 'text' as const, text })) },
);

/**
 * A few thousand generated webhook bodies (fixed seed) against the real receiver, App and
 * ledger (issue #14): hostile events are refused or cut, never a 5xx; a refused request
 * stores nothing; the good events of a mixed batch are kept; memory stays bounded; and the
 * real working day pushed afterwards still ends exactly right in Humand.
 */
describe('webhook fuzz', () => {
  const chains = new PushChains();

  it(`${RUNS} generated bodies: no 5xx, nothing from a refused request, good events kept, memory bounded; then a real day exact`, async () => {
    const outcomes: WebhookRequestOutcome[] = [];
    const {
      world,
      app: theApp,
      receiver,
      clock,
      startMs,
      endMs,
    } = await chains.start({ employees: 12, seed: 3, pollIntervalMs: 24 * HOUR, onRequest: (outcome) => outcomes.push(outcome) });
    const url = receiver.url;

    const totalPunches = async () => {
      const counts = await theApp.store.countsByOutcome();
      return PUNCH_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
    };
    const unreadableTotal = async () => (await theApp.unreadableInputs()).total;
    let serial = 0;
    const timeOf = (m: number) => new Date(startMs - m * 60_000).toISOString();
    /** A fuzz event at a door that is no time clock, by a person of its own: decided `ignored`, never sent. */
    const base = (m: number, data: Record<string, unknown> = {}) => {
      serial++;
      return pushedEvent(
        { eventId: `fz-${serial}`, happenTime: timeOf(m), srcIndex: 'fz-door' },
        { personId: `fz-p-${serial}`, personCode: `FZ${serial}`, readerIndexCode: 'fz-reader', ...data },
      );
    };

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    await fc.assert(
      fc.asyncProperty(bodyPlan, async (plan) => {
        const kept: string[] = [];
        const refused: string[] = [];
        let deep: number | null = null;
        let body: string;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (plan.kind === 'batch') {
          const events = plan.events.map((event) => {
            switch (event.kind) {
              case 'good': {
                const e = base(event.minutesAgo);
                kept.push(`fz-p-${serial}`);
                return e;
              }
              case 'long': {
                const e = base(event.minutesAgo, { personName: 'L'.repeat(event.length) });
                kept.push(`fz-p-${serial}`);
                return e;
              }
              case 'deep': {
                if (deep !== null) return base(event.minutesAgo);
                deep = event.depth;
                const e = base(event.minutesAgo, { extra: '__DEEP__' });
                kept.push(`fz-p-${serial}`);
                return e;
              }
              case 'impossible-time': {
                const e = { ...base(0), happenTime: event.time };
                refused.push(`fz-p-${serial}`);
                return e;
              }
              case 'mutant': {
                const e = base(5) as Record<string, unknown> & { data: Record<string, unknown> };
                if (event.field.startsWith('data.')) e.data = { ...e.data, [event.field.slice(5)]: event.value };
                else e[event.field] = event.value;
                return e;
              }
              case 'random':
                return event.value;
            }
          });
          body = JSON.stringify(notification(events));
          if (deep !== null) body = body.replace('"__DEEP__"', `${'['.repeat(deep)}0${']'.repeat(deep)}`);
          if (plan.token !== 'none') headers.token = plan.token === 'right' ? TOKEN : `${TOKEN}x`;
          headers['content-type'] = plan.contentType;
        } else {
          headers.token = TOKEN;
          body = plan.kind === 'json' ? JSON.stringify(plan.value) : plan.text;
        }
        const punchesBefore = await totalPunches();
        const unreadableBefore = await unreadableTotal();
        const response = await request(url, { method: 'POST', headers, body });
        await response.body.text();
        expect(response.statusCode, `answered ${response.statusCode} to ${body.slice(0, 300)}`).toBeLessThan(500);
        if (response.statusCode !== 200) {
          expect(await totalPunches()).toBe(punchesBefore);
          expect(await unreadableTotal()).toBe(unreadableBefore);
          return;
        }
        for (const personId of kept) expect((await theApp.store.findPunches({ personId })).length, `${personId} kept`).toBe(1);
        for (const personId of refused) expect(await theApp.store.findPunches({ personId }), `${personId} refused`).toEqual([]);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(RUNS / 3);
    // The list of unreadable inputs stays small however much was refused.
    expect(((await theApp.store.getMeta('rejected_inputs')) ?? '').length).toBeLessThanOrEqual(128 * 1024);
    expect(peakRss - rssBefore, `RSS grew from ${rssBefore} to a peak of ${peakRss}`).toBeLessThan(400 * 1024 * 1024);

    // And the real day, pushed afterwards, ends exactly right.
    await settled(theApp);
    for (let at = startMs + HOUR; at <= endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      await world.hik.state.pumpPush();
      await settled(theApp);
    }
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
    const expectedCount = Object.values(world.day.expected.timelines).reduce((n, t) => n + t.length, 0);
    expect(world.humand.state.requests.filter((r) => r.method === 'POST')).toHaveLength(expectedCount);
  }, 240_000);
});
