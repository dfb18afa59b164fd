import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../src/domain/access-event.js';
import { HikCentralError } from '../../src/hikcentral/errors.js';
import type { SimEventInput } from '../../src/sim/hikcentral/index.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { at, capturedLogger, collect, doorsNumbered, person, SITE_ZONE, startHarness, type Harness } from './support/harness.js';

const FACE = 196893;
const CARD = 198914;
const FACE_FAILED = 197151;
const DOOR_OPENED = 198913;
const EVENTS_PATH = '/artemis/api/acs/v1/door/events';

const NOW = at('2026-03-31T12:00:00-03:00');
const doors = doorsNumbered(23);
const persons = [person(1), person(2, { cardNos: [] })];

function event(id: string, eventTime: number, overrides: Partial<SimEventInput> = {}): SimEventInput {
  return {
    eventId: id,
    eventType: FACE,
    eventTime,
    personId: '1001',
    doorIndexCode: '1',
    readerIndexCode: '101',
    checkInAndOutType: 1,
    cardNo: '300001',
    ...overrides,
  };
}

function times(events: readonly AccessEvent[]): number[] {
  return events.map((e) => Date.parse(e.eventTime));
}

function isAscending(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || (values[i - 1] ?? value) <= value);
}

describe('HikCentralClient.scanDoorEvents against the simulator over HTTPS', () => {
  let harness: Harness;
  const clock = new AutoAdvanceClock(NOW);
  const doorEventRequests = () => harness.sim.state.requests().filter((r) => r.path === EVENTS_PATH);

  beforeAll(async () => {
    harness = await startHarness({ appKey: '51515151', appSecret: 'scan-test-secret-xyz', clock });
  });
  afterAll(async () => {
    await harness.closeAll();
  });
  beforeEach(() => {
    clock.set(NOW);
    harness.sim.state.loadScenario({ site: { timezone: SITE_ZONE }, persons, doors, events: [] });
    harness.sim.state.resetRequestLog();
  });

  it('streams 1,234 events in three pages (500 + 500 + 234), ascending, each once', async () => {
    const base = at('2026-03-31T06:00:00-03:00');
    harness.sim.state.addEvents(Array.from({ length: 1234 }, (_, i) => event(`ev-${String(i).padStart(4, '0')}`, base + i * 7_000)));
    const scan = harness.client().scanDoorEvents({ startMs: at('2026-03-31T00:00:00-03:00'), endMs: NOW, doorIndexCodes: [], eventCodes: [] });
    const events = await collect(scan);

    expect(events).toHaveLength(1234);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(1234);
    expect(isAscending(times(events))).toBe(true);
    expect(doorEventRequests()).toHaveLength(3);
    expect(scan.stats).toMatchObject({ requests: 3, received: 1234, emitted: 1234, duplicates: 0, invalid: 0 });
  });

  it('normalises records into AccessEvents: offset kept, empty strings become null', async () => {
    harness.sim.state.addEvents([
      event('with-card', at('2026-03-31T08:00:00-03:00')),
      event('face-only', at('2026-03-31T08:01:00-03:00'), { personId: '1002', cardNo: null, checkInAndOutType: 2, doorIndexCode: '2', readerIndexCode: '201' }),
      event('door-state', at('2026-03-31T08:02:00-03:00'), {
        eventType: DOOR_OPENED,
        personId: null,
        cardNo: null,
        readerIndexCode: null,
        checkInAndOutType: 0,
      }),
    ]);
    const events = await collect(harness.client().scanDoorEvents({ startMs: at('2026-03-31T07:00:00-03:00'), endMs: NOW, doorIndexCodes: [], eventCodes: [] }));
    expect(events.map((e) => e.eventId)).toEqual(['with-card', 'face-only', 'door-state']);
    const [withCard, faceOnly, doorState] = events;
    expect(withCard).toMatchObject({
      eventCode: FACE,
      eventTime: '2026-03-31T08:00:00-03:00',
      personId: '1001',
      personCode: null,
      personName: 'Nombre1 Apellido1',
      cardNo: '300001',
      doorIndexCode: '1',
      doorName: 'Puerta 1',
      readerIndexCode: '101',
      readerName: 'Lector 1',
      checkInAndOutType: 1,
      inAndOutType: null,
    });
    expect(withCard?.raw).toMatchObject({ eventId: 'with-card', receiveTime: expect.any(String) });
    expect(faceOnly).toMatchObject({ personId: '1002', cardNo: null, checkInAndOutType: 2 });
    expect(doorState).toMatchObject({ eventCode: DOOR_OPENED, personId: null, cardNo: null, readerIndexCode: null, readerName: null });
  });

  it('splits a 70-day window into slices the platform accepts (it refuses more than 31 days)', async () => {
    const start = at('2026-01-20T00:00:00-03:00');
    harness.sim.state.addEvents([
      event('day-1', start + 3_600_000),
      event('day-29', start + 29 * 86_400_000),
      event('day-35', start + 35 * 86_400_000),
      event('day-69', start + 69 * 86_400_000),
    ]);
    const scan = harness.client().scanDoorEvents({ startMs: start, endMs: start + 70 * 86_400_000, doorIndexCodes: [], eventCodes: [] });
    const events = await collect(scan);
    expect(events.map((e) => e.eventId)).toEqual(['day-1', 'day-29', 'day-35', 'day-69']);
    expect(scan.stats.slices).toBe(3);
    expect(doorEventRequests().map((r) => r.code)).toEqual(['0', '0', '0']);
  });

  it('splits 23 doors into groups of at most 10 and merges every group and event code back into one ascending stream', async () => {
    const base = at('2026-03-31T06:00:00-03:00');
    const input: SimEventInput[] = [];
    for (let i = 0; i < 23 * 4; i++) {
      const door = (i * 7) % 23; // scatter doors across time so groups interleave
      input.push(
        event(`e${i}`, base + i * 60_000, { doorIndexCode: String(door + 1), readerIndexCode: `${door + 1}01`, eventType: i % 2 === 0 ? FACE : CARD }),
      );
    }
    input.push(event('refused', base + 30_500, { eventType: FACE_FAILED }));
    input.push(event('other-door', base + 40_000, { doorIndexCode: '99' }));
    harness.sim.state.addEvents(input);

    const scan = harness.client().scanDoorEvents({
      startMs: at('2026-03-31T00:00:00-03:00'),
      endMs: NOW,
      doorIndexCodes: doors.map((d) => d.doorIndexCode),
      eventCodes: [FACE, CARD],
    });
    const events = await collect(scan);

    expect(events.map((e) => e.eventId)).toEqual(input.slice(0, 92).map((e) => e.eventId));
    expect(isAscending(times(events))).toBe(true);
    // 3 door groups × 2 event codes, one page each; every request accepted (the platform refuses > 10 doors).
    expect(doorEventRequests()).toHaveLength(6);
    expect(doorEventRequests().every((r) => r.code === '0')).toBe(true);
  });

  it('asks for ascending order explicitly (the platform defaults to descending)', async () => {
    const base = at('2026-03-31T08:00:00-03:00');
    harness.sim.state.addEvents([event('first', base), event('second', base + 1000), event('third', base + 2000)]);
    const events = await collect(
      harness.client({ pageSize: 2 }).scanDoorEvents({ startMs: base - 60_000, endMs: NOW, doorIndexCodes: ['1'], eventCodes: [FACE] }),
    );
    expect(events.map((e) => e.eventId)).toEqual(['first', 'second', 'third']);
  });

  it('gives the same events in single-query mode, filtering codes locally with one request per group', async () => {
    const base = at('2026-03-31T08:00:00-03:00');
    harness.sim.state.addEvents([
      event('face', base),
      event('refused', base + 1000, { eventType: FACE_FAILED }),
      event('card', base + 2000, { eventType: CARD }),
      event('door', base + 3000, { eventType: DOOR_OPENED, personId: null }),
    ]);
    const query = { startMs: base - 60_000, endMs: NOW, doorIndexCodes: [], eventCodes: [FACE, CARD] };
    const perCode = await collect(harness.client().scanDoorEvents(query));
    harness.sim.state.resetRequestLog();
    const scan = harness.client({ eventTypeQuery: 'single-query' }).scanDoorEvents(query);
    const single = await collect(scan);
    expect(single.map((e) => e.eventId)).toEqual(['face', 'card']);
    expect(single).toEqual(perCode);
    expect(doorEventRequests()).toHaveLength(1);
    expect(scan.stats.filteredOut).toBe(2);
  });

  it('drops a record seen twice in one scan (a late event shifting pages) and counts it', async () => {
    const base = at('2026-03-31T08:00:00-03:00');
    harness.sim.state.addEvents(Array.from({ length: 5 }, (_, i) => event(`p${i}`, base + i * 60_000)));
    // Arrives between the two page requests, with an event time before everything: it pushes p1 onto page 2.
    harness.sim.state.addEvents([event('late', base - 60_000, { arrivalTime: NOW + 30_000 })]);

    const scan = harness.client({ pageSize: 2 }).scanDoorEvents({ startMs: base - 3_600_000, endMs: NOW, doorIndexCodes: [], eventCodes: [] });
    const seen: string[] = [];
    for await (const e of scan) {
      seen.push(e.eventId);
      if (seen.length === 2) clock.advance(60_000);
    }
    expect(seen).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(scan.stats.duplicates).toBe(1);
  });

  it('finds an event stored late with a later, overlapping scan', async () => {
    const lookBack = 10 * 60_000;
    harness.sim.state.addEvents([
      event('on-time', NOW - 6 * 60_000),
      // Happened 5 minutes ago, the device uploads it 2 minutes from now.
      event('uploaded-late', NOW - 5 * 60_000, { arrivalTime: NOW + 2 * 60_000 }),
    ]);
    const client = harness.client();
    const first = await collect(client.scanDoorEvents({ startMs: NOW - lookBack, endMs: NOW, doorIndexCodes: [], eventCodes: [FACE] }));
    expect(first.map((e) => e.eventId)).toEqual(['on-time']);

    clock.advance(3 * 60_000);
    const now = clock.now();
    const second = await collect(client.scanDoorEvents({ startMs: now - lookBack, endMs: now, doorIndexCodes: [], eventCodes: [FACE] }));
    expect(second.map((e) => e.eventId)).toEqual(['on-time', 'uploaded-late']);
    expect(second[1]?.eventTime).toBe('2026-03-31T11:55:00-03:00');
  });

  it('skips a record that fails validation, warns with its eventId, counts it, and keeps scanning', async () => {
    const base = at('2026-03-31T08:00:00-03:00');
    harness.sim.state.addEvents([
      event('good-1', base),
      // NaN travels as JSON null: a record without a usable event code.
      event('broken', base + 1000, { eventType: Number.NaN }),
      event('good-2', base + 2000),
    ]);
    const log = capturedLogger();
    const client = harness.client({ logger: log.logger, eventTypeQuery: 'single-query' });
    const scan = client.scanDoorEvents({ startMs: base - 60_000, endMs: NOW, doorIndexCodes: [], eventCodes: [] });
    const events = await collect(scan);
    expect(events.map((e) => e.eventId)).toEqual(['good-1', 'good-2']);
    expect(scan.stats.invalid).toBe(1);
    expect(client.counters.invalidDoorEvents).toBe(1);
    const warning = log.records().find((r) => r.level === 'warn');
    expect(warning).toMatchObject({ invalid: 1, examples: [{ eventId: 'broken' }] });
    expect(JSON.stringify(warning?.examples)).toMatch(/eventType/);
  });

  it('warns once per page however many of its records are unreadable (issue #14 item 4)', async () => {
    const base = at('2026-03-31T09:00:00-03:00');
    harness.sim.state.addEvents([
      ...Array.from({ length: 300 }, (_, i) => event(`bad-${i}`, base + i * 10, { eventType: Number.NaN })),
      event('fine', base + 5_000),
    ]);
    const log = capturedLogger();
    const client = harness.client({ logger: log.logger, eventTypeQuery: 'single-query', pageSize: 500 });
    const scan = client.scanDoorEvents({ startMs: base - 1_000, endMs: base + 10_000, doorIndexCodes: [], eventCodes: [] });
    expect((await collect(scan)).map((e) => e.eventId)).toEqual(['fine']);
    expect(scan.stats.invalid).toBe(300);
    const warnings = log.records().filter((r) => r.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ invalid: 300 });
    expect(warnings[0]?.examples).toHaveLength(3);
  });

  it("stops when the caller aborts, with the caller's reason", async () => {
    const base = at('2026-03-31T08:00:00-03:00');
    harness.sim.state.addEvents(Array.from({ length: 5 }, (_, i) => event(`a${i}`, base + i * 1000)));
    const controller = new AbortController();
    const scan = harness.client({ pageSize: 2 }).scanDoorEvents({ startMs: base - 60_000, endMs: NOW, doorIndexCodes: [], eventCodes: [] }, controller.signal);
    const seen: string[] = [];
    const outcome = (async () => {
      for await (const e of scan) {
        seen.push(e.eventId);
        if (seen.length === 2) controller.abort(new Error('shutting down'));
      }
    })();
    await expect(outcome).rejects.toThrow('shutting down');
    expect(seen).toEqual(['a0', 'a1']);
    expect(scan.stats.requests).toBe(1);
  });

  it('names the setting to change when the platform requires an event type and none was configured', async () => {
    await harness.closeAll();
    harness = await startHarness({ appKey: '51515151', appSecret: 'scan-test-secret-xyz', clock, requireEventTypeOrPersonName: true });
    harness.sim.state.loadScenario({ site: { timezone: SITE_ZONE }, persons, doors, events: [] });
    harness.sim.state.addEvents([event('x', NOW - 60_000)]);
    const client = harness.client();
    const error = await collect(client.scanDoorEvents({ startMs: NOW - 3_600_000, endMs: NOW, doorIndexCodes: [], eventCodes: [] })).catch((e: unknown) => e);
    expect(error, String(error)).toBeInstanceOf(HikCentralError);
    expect(error).toMatchObject({ category: 'bad-input', reason: 'missing-parameter', artemisCode: '0x00072001', hint: expect.stringMatching(/event codes/) });
    // Per-code queries always name an eventType, so they work on such a platform.
    const events = await collect(client.scanDoorEvents({ startMs: NOW - 3_600_000, endMs: NOW, doorIndexCodes: [], eventCodes: [FACE] }));
    expect(events.map((e) => e.eventId)).toEqual(['x']);
  });
});
