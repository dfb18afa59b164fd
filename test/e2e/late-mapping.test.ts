import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import type { AccessEvent } from '../../src/domain/access-event.js';
import type { AccessEventSourcePort, DoorEventQuery } from '../../src/domain/ports.js';
import { HikCentralClient, PERSON_BY_ID_PATH } from '../../src/hikcentral/client.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { GeneratedEmployee } from '../../src/sim/scenario/index.js';
import { configFor, startWorld, tapBy, worldHikClient, type World } from './harness.js';
import { ShiftedClock } from './shifted-clock.js';

const NOW = Date.parse('2026-01-29T12:00:00Z'); // 09:00 at the site, two days after the generated day
const FIRST_TAP = '2026-01-29T08:00:00-03:00';
const SECOND_TAP = '2026-01-29T08:00:30-03:00'; // a double tap: the first one is the clock-in

/**
 * The real HikCentral client whose door-event reads wait at a gate the test opens: it holds a
 * poll between the mapping refresh that starts a pass and the evaluation that ends it, which
 * is where a push used to overtake an earlier punch parked as unmapped.
 */
class GatedEventSource implements AccessEventSourcePort {
  private open: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  private entered: () => void = () => undefined;
  /** Resolves when a poll is waiting at the gate. */
  readonly reached = new Promise<void>((resolve) => (this.entered = resolve));

  constructor(private readonly inner: AccessEventSourcePort) {}

  release(): void {
    this.open();
  }

  async *scanDoorEvents(query: DoorEventQuery, signal?: AbortSignal): AsyncIterable<AccessEvent> {
    this.entered();
    await this.gate;
    yield* this.inner.scanDoorEvents(query, signal);
  }
}

function tap(employee: GeneratedEmployee, eventId: string, time: string, withPersonCode = true): AccessEvent {
  return tapBy(employee, eventId, time, { readerName: 'Facial Entrada', ...(withPersonCode ? {} : { personCode: null }) });
}

describe('per-employee order when the mapping appears late (real HTTP, both simulators)', () => {
  let world: World | undefined;
  let app: App | undefined;
  let client: HikCentralClient | undefined;
  let daemon: { stop: AbortController; done: Promise<void> } | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    daemon?.stop.abort();
    await daemon?.done;
    await app?.close();
    await client?.close();
    await world?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    daemon = undefined;
    app = undefined;
    client = undefined;
    world = undefined;
    dir = undefined;
  });

  async function setUp(options: { withoutUser?: boolean; usersRefreshMs?: number } = {}) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-late-mapping-'));
    const clock = new ShiftedClock(NOW);
    const probe = await startWorld({ employees: 12, seed: 9 });
    const absent = probe.day.employees.find((e) => e.shift === 'absent');
    await probe.close();
    if (!absent) throw new Error('the generated day should have an absent employee');
    world = await startWorld({ employees: 12, seed: 9, clock, ...(options.withoutUser ? { withoutUsers: [absent.employeeInternalId] } : {}) });
    client = worldHikClient(world, clock);
    const source = new GatedEventSource(client);
    const theApp = await createApp({
      config: configFor(world, path.join(dir, 'ledger.db')),
      logger: silentLogger(),
      overrides: {
        clock,
        rateResetMarginMs: 50,
        eventSource: source,
        ...(options.usersRefreshMs !== undefined ? { poll: { usersRefreshMs: options.usersRefreshMs } } : {}),
      },
    });
    app = theApp;
    const startDaemon = () => {
      const stop = new AbortController();
      daemon = { stop, done: theApp.runDaemon({ signal: stop.signal }) };
    };
    return { world, app: theApp, employee: absent, source, startDaemon };
  }

  /** Waits until none of the employee's punches is still waiting for a decision or for delivery. */
  async function settled(theApp: App, employee: GeneratedEmployee): Promise<string[]> {
    const open = ['received', 'unmapped', 'queued', 'held', 'sending'];
    await expect
      .poll(async () => (await theApp.store.findPunches({ personId: employee.personId })).filter((p) => open.includes(p.outcome)).length, {
        timeout: 20_000,
        interval: 20,
      })
      .toBe(0);
    return (await theApp.store.findPunches({ personId: employee.personId })).map((p) => `${p.eventId} ${p.outcome}`);
  }

  const timelineOf = (w: World, employee: GeneratedEmployee) => w.humand.state.timeline(employee.employeeInternalId).map((e) => `${e.type} ${e.time}`);

  it('a punch pushed before the first listing of Humand users waits for it, and a later push cannot overtake it', async () => {
    const { world: w, app: theApp, employee, source, startDaemon } = await setUp();
    // HikCentral re-sends its backlog the moment the receiver opens, before the daemon's first pass.
    await theApp.ingest([tap(employee, 'first-tap', FIRST_TAP)], 'push');
    await theApp.deliverPending({ deliverForMs: 0 }); // returns once that ingest's evaluation is done
    const [first] = await theApp.store.findPunches({ personId: employee.personId });
    expect(first?.outcome).toBe('received'); // not "unmapped": nobody could have been mapped yet

    startDaemon();
    await source.reached; // the first pass has loaded the directories and is polling
    await theApp.ingest([tap(employee, 'second-tap', SECOND_TAP)], 'push');
    await expect.poll(() => w.humand.state.timeline(employee.employeeInternalId).length, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    source.release();

    expect(await settled(theApp, employee)).toEqual(['first-tap delivered', 'second-tap debounced']);
    expect(timelineOf(w, employee)).toEqual(['START 2026-01-29T08:00:00.000-03:00']);
  });

  it('an employee created in Humand between two punches gets both, in order, though the second is pushed while a pass polls', async () => {
    const { world: w, app: theApp, employee, source, startDaemon } = await setUp({ withoutUser: true, usersRefreshMs: 0 });
    await theApp.refreshMappings();
    await theApp.ingest([tap(employee, 'first-tap', FIRST_TAP)], 'push');
    await theApp.deliverPending({ deliverForMs: 0 });
    const [parked] = await theApp.store.findPunches({ personId: employee.personId });
    expect(`${parked?.outcome}: ${parked?.reason}`).toBe(
      `unmapped: unmapped: no Humand user has employeeInternalId ${employee.employeeInternalId} (personCode)`,
    );

    w.humand.state.addUser({ employeeInternalId: employee.employeeInternalId, firstName: employee.firstName, lastName: employee.lastName });
    startDaemon(); // its pass reads the users again (now with the new employee), then polls
    await source.reached;
    await theApp.ingest([tap(employee, 'second-tap', SECOND_TAP)], 'push');
    await expect.poll(() => w.humand.state.timeline(employee.employeeInternalId).length, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    source.release();

    expect(await settled(theApp, employee)).toEqual(['first-tap delivered', 'second-tap debounced']);
    expect(timelineOf(w, employee)).toEqual(['START 2026-01-29T08:00:00.000-03:00']);
  });

  it('a punch that needs its HikCentral person waits while the persons were never listed, then is delivered once they are', async () => {
    const { world: w, app: theApp, employee } = await setUp();
    w.hik.faults.set({ forceCode: { code: '1', msg: 'the server is busy' } }); // HikCentral answers nothing useful
    const refresh = await theApp.refreshMappings(); // Humand users load; HikCentral persons do not
    expect(refresh.users).not.toBeNull();
    expect(refresh.persons).toBeNull();
    await theApp.ingest([tap(employee, 'first-tap', FIRST_TAP, false)], 'poll'); // no personCode: the person decides
    await theApp.deliverPending({ deliverForMs: 0 });
    const [waiting] = await theApp.store.findPunches({ personId: employee.personId });
    expect(waiting?.outcome).toBe('received'); // not "unmapped: person … is unknown to HikCentral"

    w.hik.faults.clear();
    const pass = await theApp.syncOnce({ skipPoll: true }); // the persons listing is due: never loaded
    expect(pass.mappings.persons).not.toBeNull();
    expect((await theApp.store.findPunches({ personId: employee.personId })).map((p) => `${p.eventId} ${p.outcome}`)).toEqual(['first-tap delivered']);
    expect(timelineOf(w, employee)).toEqual(['START 2026-01-29T08:00:00.000-03:00']);
  });

  it("a punch parked because HikCentral could not be read is decided again with its person's next punch, before it is sent", async () => {
    const { world: w, app: theApp, employee } = await setUp();
    // Enrolled in HikCentral after the persons listing: the first punch needs a read by id, which fails.
    const person = w.hik.state.listPersons().find((p) => p.personId === employee.personId)!;
    w.hik.state.removePerson(employee.personId);
    await theApp.refreshMappings();
    w.hik.state.addPersons([person]);
    w.hik.faults.set({ forceCode: { code: '1', msg: 'the server is busy', path: PERSON_BY_ID_PATH } });
    await theApp.ingest([tap(employee, 'first-tap', FIRST_TAP, false)], 'poll');
    await theApp.deliverPending({ deliverForMs: 0 });
    const [parked] = await theApp.store.findPunches({ personId: employee.personId });
    expect(parked?.outcome).toBe('unmapped');

    w.hik.faults.clear();
    await theApp.ingest([tap(employee, 'second-tap', SECOND_TAP, false)], 'poll');
    await theApp.deliverPending(); // until idle: both are decided and delivered when it returns
    expect((await theApp.store.findPunches({ personId: employee.personId })).map((p) => `${p.eventId} ${p.outcome}`)).toEqual([
      'first-tap delivered',
      'second-tap debounced',
    ]);
    expect(timelineOf(w, employee)).toEqual(['START 2026-01-29T08:00:00.000-03:00']);
  });
});
