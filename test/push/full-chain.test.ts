import { describe, expect, it } from 'vitest';
import { expectedTimelines, humandTimelines } from '../e2e/harness.js';
import { notification, post, pushedEvent } from './helpers.js';
import { PushChains, PUSH_TOKEN as TOKEN, settled } from './push-chain.js';

const HOUR = 3_600_000;

/**
 * The whole chain over real HTTP: simulated HikCentral pushes → our receiver → App.ingest
 * (ledger) → decisions → delivery → simulated Humand, whose timelines must end exactly as the
 * generated working day's ground truth says.
 */
describe('push, end to end', () => {
  const chains = new PushChains();
  const setUp = (options: { employees: number; seed: number; pollIntervalMs: number }) => chains.start(options);

  it('delivers a working day pushed hour by hour, re-pushes with new eventIds included, with Humand timelines exactly as expected', async () => {
    const { clock, startMs, endMs, app: theApp, world: w } = await setUp({ employees: 60, seed: 9, pollIntervalMs: 24 * HOUR });
    let copies = 0;
    for (let at = startMs + HOUR; at <= endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      // What the real site did: every recent punch pushed again with a new eventId.
      copies += w.hik.state.repushRecent({ sinceMs: HOUR, freshEventIds: true }).length;
      await w.hik.state.pumpPush();
      await settled(theApp);
    }
    expect(copies).toBeGreaterThan(20);
    expect(w.hik.state.pushAttempts().every((a) => a.outcome === 'delivered')).toBe(true);
    expect(humandTimelines(w)).toEqual(expectedTimelines(w));
    const punches = await theApp.store.findPunches({ limit: 100_000 });
    expect(new Set(punches.map((p) => p.source))).toEqual(new Set(['push']));
    const expectedCount = Object.values(w.day.expected.timelines).reduce((n, t) => n + t.length, 0);
    expect((await theApp.store.countsByOutcome()).delivered).toBe(expectedCount);
    expect(w.humand.state.requests.filter((r) => r.method === 'POST')).toHaveLength(expectedCount);
  });

  it('push and poll running together ingest the same punches and still produce no duplicate in Humand', async () => {
    const received = { push: { fresh: 0, duplicates: 0 }, poll: { fresh: 0, duplicates: 0 } };
    const { clock, startMs, endMs, app: theApp, world: w } = await setUp({ employees: 40, seed: 9, pollIntervalMs: 100 });
    theApp.subscribe((event) => {
      if (event.type === 'events-received' && (event.source === 'push' || event.source === 'poll')) {
        received[event.source].fresh += event.fresh;
        received[event.source].duplicates += event.duplicates;
      }
    });
    for (let at = startMs + HOUR; at <= endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      // The platform pushes while the daemon (polling every 100 ms) reads the same window.
      await w.hik.state.pumpPush();
      await settled(theApp);
    }
    // Let at least one more poll read the last hours the pushes already brought.
    const before = received.poll.duplicates;
    await expect.poll(() => received.poll.duplicates, { timeout: 10_000 }).toBeGreaterThan(before);
    await settled(theApp);
    expect(received.push.fresh).toBeGreaterThan(0);
    expect(received.poll.duplicates + received.push.duplicates).toBeGreaterThan(0);
    const actual = humandTimelines(w);
    const expected = expectedTimelines(w);
    expect(actual).toEqual(expected);
    const expectedCount = Object.values(w.day.expected.timelines).reduce((n, t) => n + t.length, 0);
    expect(w.humand.state.requests.filter((r) => r.method === 'POST' && r.status === 201)).toHaveLength(expectedCount);
  });

  it('answers the push before delivering: Humand is still slow when the platform already has its 200', async () => {
    const { clock, startMs, app: theApp, world: w } = await setUp({ employees: 1, seed: 1, pollIntervalMs: 24 * HOUR });
    const employee = w.day.employees[0];
    if (!employee) throw new Error('one employee expected');
    // Before any generated event of the day: this punch is the only one.
    const entryAt = startMs + 30 * 60_000;
    w.hik.state.addEvents([
      {
        eventId: 'fast-ack-1',
        eventType: 196893,
        eventTime: entryAt,
        personId: employee.personId,
        doorIndexCode: '1',
        readerIndexCode: '101',
        checkInAndOutType: 1,
      },
    ]);
    clock.jumpTo(entryAt + 1_000);
    w.humand.faults.set({ slowMs: 1_500 });
    await w.hik.state.pumpPush();
    expect(w.hik.state.pushAttempts().at(-1)).toMatchObject({ outcome: 'delivered', httpStatus: 200 });
    expect((await theApp.store.findPunches({ personId: employee.personId })).map((p) => p.eventId)).toEqual(['fast-ack-1']);
    expect(w.humand.state.timeline(employee.employeeInternalId)).toHaveLength(0);
    await expect.poll(() => w.humand.state.timeline(employee.employeeInternalId).length, { timeout: 20_000 }).toBe(1);
  });

  it('records the unreadable events of a mixed batch through the app, none lost to concurrent batches', async () => {
    const { app: theApp, receiver } = await setUp({ employees: 1, seed: 2, pollIntervalMs: 24 * HOUR });
    const url = receiver.url;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(url, notification([pushedEvent({ happenTime: `broken-${i}` }), pushedEvent({ eventType: 'x' })]), { token: TOKEN }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const kept = JSON.parse((await theApp.store.getMeta('rejected_inputs')) ?? '[]') as { reason: string }[];
    expect(kept).toHaveLength(12);
    expect(kept.filter((entry) => /happenTime/.test(entry.reason))).toHaveLength(6);
  });
});
