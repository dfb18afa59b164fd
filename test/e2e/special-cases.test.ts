import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../src/domain/access-event.js';
import type { PunchRecord } from '../../src/store/punch.js';
import type { ExpectedEventOutcome } from '../../src/sim/scenario/index.js';
import { E2eRuns, expectedTimelines, humandTimelines, startWorld, type World } from './harness.js';
import { syncAttention } from '../../src/cli/format/sync-attention.js';

const AFTER_THE_DAY = Date.parse('2026-01-29T12:00:00Z');
const MINUTE = 60_000;

/** What the ledger must say about an event, by the ground truth's verdict. */
function expectedLedgerState(verdict: ExpectedEventOutcome): string {
  if (verdict.kind === 'review') return 'review';
  if (verdict.kind !== 'noise') return verdict.kind === 'clock-in' ? 'delivered START' : 'delivered END';
  switch (verdict.reason) {
    case 'not-time-clock':
      return 'ignored: not a time-clock door';
    case 'refused':
      return 'ignored: refused access';
    case 'door-state':
      return 'ignored: door-state event, nobody passed';
    case 'no-person':
      return 'ignored: the event names no person';
    case 'double-tap':
      return 'debounced';
    case 'corrected':
      return 'corrected';
    case 'covered':
      return 'covered';
  }
}

function ledgerState(punch: PunchRecord): string {
  if (punch.outcome === 'delivered') return `delivered ${punch.entryType}`;
  if (punch.outcome === 'debounced') return 'debounced';
  return punch.reason ?? punch.outcome;
}

describe('special cases end as expected (real HTTP, both simulators)', () => {
  const runs = new E2eRuns();

  async function setUp(options: { withoutUsers?: string[]; clockAt?: number; seed?: number } = {}) {
    const { clock, world, app } = await runs.start({
      dirPrefix: 'e2e-special-',
      clockAt: options.clockAt ?? AFTER_THE_DAY,
      employees: 40,
      seed: options.seed ?? 3,
      ...(options.withoutUsers ? { withoutUsers: options.withoutUsers } : {}),
    });
    return { clock, world, app };
  }

  it('every event (double taps, refused faces, other doors, door states, face-only persons, night shifts) ends with the reason the rules give it; re-polled and re-pushed copies with new eventIds change nothing', async () => {
    const { world, app } = await setUp();
    const first = await app.syncOnce();
    expect(syncAttention(first)).toEqual([]);
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));

    const byEventId = new Map((await app.store.findPunches({ limit: 100_000 })).map((p) => [p.eventId, p]));
    const verdicts = Object.entries(world.day.expected.events);
    const kinds = new Set<string>();
    for (const [eventId, verdict] of verdicts) {
      const punch = byEventId.get(eventId);
      expect(punch, `event ${eventId}`).toBeDefined();
      expect(`${eventId}: ${ledgerState(punch!)}`).toBe(`${eventId}: ${expectedLedgerState(verdict)}`);
      kinds.add(verdict.kind === 'noise' ? verdict.reason : verdict.kind);
    }
    // The generated day really holds each special case.
    expect([...kinds].sort()).toEqual(['clock-in', 'clock-out', 'door-state', 'double-tap', 'no-person', 'not-time-clock', 'refused'].sort());
    const night = world.day.employees.find((e) => e.shift === 'night' && (world.day.expected.timelines[e.employeeInternalId]?.length ?? 0) > 0);
    expect(night).toBeDefined();
    const nightEntries = world.humand.state.timeline(night!.employeeInternalId);
    expect(new Set(nightEntries.map((e) => e.referenceDate)).size).toBe(2); // clocked in one day, out the next
    const faceOnly = world.day.scenario.persons.find((p) => p.cardNos.length === 0 && (world.day.expected.timelines[p.personCode]?.length ?? 0) > 0);
    expect(faceOnly).toBeDefined();
    expect(world.humand.state.timeline(faceOnly!.personCode).length).toBe(world.day.expected.timelines[faceOnly!.personCode]!.length);

    // Copies: the platform re-serves time-clock events under new eventIds (poll)…
    const clockEvents = world.day.scenario.events.filter((e) => {
      const verdict = world.day.expected.events[e.eventId];
      return verdict?.kind === 'clock-in' || verdict?.kind === 'clock-out';
    });
    world.hik.state.addEvents(clockEvents.slice(0, 25).map((e) => ({ ...e, eventId: `${e.eventId}-copy`, arrivalTime: e.arrivalTime })));
    const requestsBefore = world.humand.state.requests.filter((r) => r.method === 'POST').length;
    // Re-reading the whole day (a backfill over it) sees every event again, copies included.
    const reread = await app.backfill({ fromMs: world.day.window.startMs, toMs: world.day.window.endMs });
    expect(reread.scan.fresh).toBe(0);
    expect(reread.scan.duplicates).toBe(world.day.scenario.events.length + 25);
    // …and pushes them again with other ids, a personCode, no reader code, and the time spelled in UTC.
    const persons = new Map(world.day.scenario.persons.map((p) => [p.personId, p]));
    const pushed: AccessEvent[] = clockEvents.slice(0, 25).map((e) => ({
      eventId: `push-${e.eventId}`,
      eventCode: e.eventType,
      eventTime: new Date(e.eventTime + 400).toISOString(),
      personId: e.personId,
      personCode: persons.get(e.personId!)?.personCode ?? null,
      personName: null,
      cardNo: e.cardNo,
      doorIndexCode: e.doorIndexCode,
      doorName: null,
      readerIndexCode: null,
      readerName: null,
      checkInAndOutType: e.checkInAndOutType,
      inAndOutType: null,
      raw: { pushed: true },
    }));
    const ingested = await app.ingest(pushed, 'push');
    expect(ingested).toMatchObject({ inserted: 0, duplicates: 25 });
    await app.deliverPending();
    expect(world.humand.state.requests.filter((r) => r.method === 'POST').length).toBe(requestsBefore);
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
  });

  it('a late-uploaded event is picked up by a later overlapping poll and delivered with its own time', async () => {
    const start = Date.parse('2026-01-27T10:00:00-03:00');
    const { clock, world, app } = await setUp({ clockAt: start });
    const absent = world.day.employees.find((e) => e.shift === 'absent')!;
    const person = world.day.scenario.persons.find((p) => p.personId === absent.personId)!;
    const startTime = Date.parse('2026-01-27T10:30:00-03:00');
    const endTime = Date.parse('2026-01-27T11:10:00-03:00');
    world.hik.state.addEvents([
      // The entry reader was offline: its event reaches HikCentral 50 minutes late, after the exit.
      {
        eventId: 'late-in',
        eventType: 196893,
        eventTime: startTime,
        arrivalTime: startTime + 50 * MINUTE,
        personId: person.personId,
        doorIndexCode: '1',
        readerIndexCode: '101',
        checkInAndOutType: 1,
      },
      {
        eventId: 'on-time-out',
        eventType: 196893,
        eventTime: endTime,
        arrivalTime: endTime + 5_000,
        personId: person.personId,
        doorIndexCode: '2',
        readerIndexCode: '201',
        checkInAndOutType: 2,
      },
    ]);
    clock.jumpTo(Date.parse('2026-01-27T10:45:00-03:00'));
    await app.syncOnce();
    expect(world.humand.state.timeline(absent.employeeInternalId)).toHaveLength(0); // not uploaded yet
    clock.jumpTo(Date.parse('2026-01-27T11:25:00-03:00'));
    await app.syncOnce();
    expect(world.humand.state.timeline(absent.employeeInternalId).map((e) => `${e.type} ${e.time}`)).toEqual([
      'START 2026-01-27T10:30:00.000-03:00',
      'END 2026-01-27T11:10:00.000-03:00',
    ]);
  });

  it('an employee mapped only after their punches arrived is delivered once the Humand user appears', async () => {
    const probe = await startWorld({ employees: 40, seed: 3 });
    const late = probe.day.employees.find((e) => (probe.day.expected.timelines[e.employeeInternalId]?.length ?? 0) >= 2)!;
    await probe.close();
    const { world, app } = await setUp({ withoutUsers: [late.employeeInternalId] });
    const first = await app.syncOnce();
    expect(world.humand.state.timeline(late.employeeInternalId)).toHaveLength(0);
    const parked = await app.punches({ employeeId: late.employeeInternalId, outcome: 'unmapped' });
    expect(parked.length).toBe(world.day.expected.timelines[late.employeeInternalId]!.length + countDoubleTaps(world, late.personId));
    expect(parked[0]!.reason).toBe(`unmapped: no Humand user has employeeInternalId ${late.employeeInternalId} (personCode)`);
    expect(first.needsPerson).toBe(true);
    expect(syncAttention(first).some((line) => line.includes('unmapped'))).toBe(true);

    world.humand.state.addUser({ employeeInternalId: late.employeeInternalId, firstName: late.firstName, lastName: late.lastName });
    const refresh = await app.refreshMappings();
    expect(refresh.evaluation.queued).toBeGreaterThan(0);
    await app.deliverPending();
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
  });
});

function countDoubleTaps(world: World, personId: string): number {
  return world.day.scenario.events.filter((e) => {
    const verdict = world.day.expected.events[e.eventId];
    return e.personId === personId && verdict?.kind === 'noise' && verdict.reason === 'double-tap';
  }).length;
}
