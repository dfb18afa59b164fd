import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRANTED_EVENT_CODES } from '../../src/config/event-codes.js';
import { silentLogger } from '../../src/logging/logger.js';
import { ensureSubscription } from '../../src/push/subscription-manager.js';
import { startWebhookServer, type WebhookServer } from '../../src/push/webhook-server.js';
import { generateWorkingDay } from '../../src/sim/scenario/index.js';
import { SqliteLedgerStore } from '../../src/store/index.js';
import { ledgerIngest, tempDir, totalPunches } from './helpers.js';
import { startHik, type HikFixture } from './hik-sim.js';
import { ManualClock } from '../support/manual-clock.js';

const TOKEN = 'sim-push-token-0123456789abcdef';
const granted = new Set(DEFAULT_GRANTED_EVENT_CODES);

/**
 * The simulated HikCentral pushing to our receiver over real HTTP, the receiver committing to a
 * real SQLite ledger. (The full chain through delivery to Humand is in full-chain.test.ts.)
 */
describe('simulated HikCentral pushing to the receiver', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  async function setUp(options: { storePath?: string; busyTimeoutMs?: number; repushEveryMs?: number; employees?: number } = {}) {
    const day = generateWorkingDay({ date: '2026-01-27', timezone: 'America/Argentina/Buenos_Aires', employees: options.employees ?? 12, seed: 7 });
    const clock = new ManualClock(day.window.startMs);
    const hik: HikFixture = await startHik({
      clock,
      scenario: day.scenario,
      push: { maxBatch: 20, ...(options.repushEveryMs ? { repushEveryMs: options.repushEveryMs, repushForMs: 10 * 60_000 } : {}) },
    });
    cleanup.push(() => hik.close());
    const store = SqliteLedgerStore.open({ path: options.storePath ?? ':memory:', ...(options.busyTimeoutMs ? { busyTimeoutMs: options.busyTimeoutMs } : {}) });
    cleanup.push(() => store.close());
    const receiver: WebhookServer = await startWebhookServer({ port: 0, token: TOKEN, logger: silentLogger(), ingest: ledgerIngest(store, () => clock.now()) });
    cleanup.push(() => receiver.close());
    await ensureSubscription({ client: hik.client, eventTypes: DEFAULT_GRANTED_EVENT_CODES, eventDest: receiver.url, token: TOKEN });
    return { day, clock, hik, store, receiver };
  }

  /** Walks the sim clock through the day, letting the platform push what becomes visible. */
  async function runDay(clock: ManualClock, hik: HikFixture, endMs: number, stepMs = 15 * 60_000): Promise<void> {
    while (clock.now() < endMs) {
      clock.advance(Math.min(stepMs, endMs - clock.now()));
      await hik.sim.state.pumpPush();
    }
  }

  it('stores every pushed access-granted event of a working day exactly once', async () => {
    const { day, clock, hik, store } = await setUp();
    await runDay(clock, hik, day.window.endMs);
    const expected = day.scenario.events
      .filter((e) => granted.has(e.eventType))
      .map((e) => e.eventId)
      .sort();
    expect(expected.length).toBeGreaterThan(20);
    const stored = (await store.findPunches({ limit: 100_000 })).map((p) => p.eventId).sort();
    expect(stored).toEqual(expected);
    const punches = await store.findPunches({ limit: 100_000 });
    expect(new Set(punches.map((p) => p.source))).toEqual(new Set(['push']));
    expect(hik.sim.state.pushAttempts().every((a) => a.outcome === 'delivered')).toBe(true);
    expect(hik.sim.state.pendingPushEvents()).toBe(0);
  });

  it('collapses re-pushes with new eventIds (after a receiver restart and the ~95 s repeats)', async () => {
    const { day, clock, hik, store } = await setUp({ repushEveryMs: 95_000 });
    await runDay(clock, hik, day.window.startMs + 16 * 3600_000, 95_000);
    // A copy of a punch is recognised by person, second and door. Events that name nobody have no
    // such identity (the ledger keeps each copy; the pipeline ignores them): count people's punches.
    const peoplesPunches = async () => (await store.findPunches({ limit: 100_000 })).filter((p) => p.personId !== null);
    const before = await peoplesPunches();
    expect(before.length).toBeGreaterThan(0);
    expect(hik.sim.state.pushCopies().length).toBeGreaterThan(before.length);
    const copies = hik.sim.state.repushRecent({ sinceMs: 3 * 3600_000, freshEventIds: true });
    expect(copies.length).toBeGreaterThan(0);
    await hik.sim.state.pumpPush();
    expect(hik.sim.state.pushAttempts().every((a) => a.outcome === 'delivered')).toBe(true);
    const after = await peoplesPunches();
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    // Only originals became punches; every copy was recognised as one of them.
    const originalIds = new Set(day.scenario.events.map((e) => e.eventId));
    expect(after.every((p) => originalIds.has(p.eventId))).toBe(true);
  });

  it('refuses pushes carrying another token: the platform sees 401 and nothing is stored', async () => {
    const { day, clock, hik, store, receiver } = await setUp();
    await hik.client.subscribe({ eventTypes: DEFAULT_GRANTED_EVENT_CODES, eventDest: receiver.url, token: 'not-the-configured-token-1234' });
    await runDay(clock, hik, day.window.startMs + 12 * 3600_000);
    const attempts = hik.sim.state.pushAttempts();
    expect(attempts.length).toBeGreaterThan(0);
    expect(new Set(attempts.map((a) => a.httpStatus))).toEqual(new Set([401]));
    expect(await totalPunches(store)).toBe(0);
  });

  it('answers 503 while the ledger is locked; the platform re-sends later and the events are then stored once', async () => {
    const tmp = tempDir('push-sim-');
    cleanup.push(() => tmp.remove());
    const file = path.join(tmp.dir, 'ledger.sqlite');
    const { day, clock, hik, store } = await setUp({ storePath: file, busyTimeoutMs: 50 });
    const locker = new BetterSqlite3(file);
    cleanup.push(() => {
      if (locker.inTransaction) locker.exec('ROLLBACK');
      locker.close();
    });

    const morning = day.window.startMs + 10 * 3600_000;
    locker.exec('BEGIN IMMEDIATE');
    await runDay(clock, hik, morning, 10 * 3600_000);
    const refused = hik.sim.state.pushAttempts();
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((a) => a.httpStatus))).toEqual(new Set([503]));
    expect(hik.sim.state.pendingPushEvents()).toBeGreaterThan(0);
    locker.exec('COMMIT');
    expect(await totalPunches(store)).toBe(0);

    // The platform backs off on its own clock, then re-sends.
    clock.advance(60_000);
    await hik.sim.state.pumpPush();
    expect(hik.sim.state.pendingPushEvents()).toBe(0);
    const visibleGranted = hik.sim.state
      .visibleEvents()
      .filter((e) => granted.has(e.eventType))
      .map((e) => e.eventId)
      .sort();
    expect((await store.findPunches({ limit: 100_000 })).map((p) => p.eventId).sort()).toEqual(visibleGranted);
    expect(hik.sim.state.pushAttempts().at(-1)?.outcome).toBe('delivered');
  });
});
