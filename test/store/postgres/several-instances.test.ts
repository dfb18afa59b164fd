import { afterEach, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app/index.js';
import type { AppConfig } from '../../../src/config/types.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import type { LedgerStore } from '../../../src/store/store.js';
import { configFor, expectedTimelines, humandTimelines, startWorld, tapBy, type World } from '../../e2e/harness.js';
import { ShiftedClock } from '../../e2e/shifted-clock.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName } from './pg-test-db.js';

const database = await findTestDatabase();

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One hik2humand instance: its own App and its own connection pool to the shared ledger. */
interface Instance {
  readonly app: App;
  /** Punches this instance moved to each outcome. */
  readonly outcomes: Record<string, number>;
}

describeWithPostgres('several instances on one PostgreSQL ledger (over the simulators)', database, (url) => {
  let world: World | undefined;
  let schema: string;
  const instances: Instance[] = [];
  afterEach(async () => {
    await Promise.allSettled(instances.splice(0).map((i) => i.app.close()));
    await world?.close();
    world = undefined;
    await dropSchema(url, schema);
  });

  async function start(config: AppConfig, clock: ShiftedClock, name: string, wrap: (store: LedgerStore) => LedgerStore = (s) => s): Promise<Instance> {
    const store = wrap(await PostgresLedgerStore.open({ connectionString: url, schema, applicationName: `${schema}-${name}` }));
    const app = await createApp({ config, logger: silentLogger(), overrides: { clock, store, rateResetMarginMs: 50 } });
    const outcomes: Record<string, number> = {};
    app.subscribe((event) => {
      if (event.type === 'punch-outcome') outcomes[event.outcome] = (outcomes[event.outcome] ?? 0) + 1;
    });
    const instance = { app, outcomes };
    instances.push(instance);
    return instance;
  }

  const clockPosts = (w: World) => w.humand.state.requests.filter((r) => r.method === 'POST' && /clock(In|Out)$/.test(r.path));
  const timelineLength = (w: World) => Object.values(w.day.expected.timelines).reduce((n, t) => n + t.length, 0);

  it('two instances polling and syncing at once deliver every punch exactly once', async () => {
    schema = freshSchemaName('inst_sync');
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    world = await startWorld({ employees: 40, seed: 31, clock });
    const config = configFor(world, '/nonexistent/unused.db');
    const [a, b] = [await start(config, clock, 'a'), await start(config, clock, 'b')];

    const summaries = await Promise.all([a!.app.syncOnce(), b!.app.syncOnce()]);
    // Whoever did not get to deliver in this pass finds the rest on its next one.
    await Promise.all([a!.app.syncOnce(), b!.app.syncOnce()]);

    expect(summaries.map((s) => s.pollError)).toEqual([null, null]);
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
    // Exactly one request per entry, none refused: nothing was sent twice.
    const posts = clockPosts(world);
    expect(posts).toHaveLength(timelineLength(world));
    expect(posts.every((r) => r.status === 201)).toBe(true);
    expect((await a!.app.store.countsByOutcome()).delivered).toBe(timelineLength(world));
    expect((a!.outcomes.delivered ?? 0) + (b!.outcomes.delivered ?? 0)).toBe(timelineLength(world));
  });

  it('a decision taken on what an instance read before another one delivered the punch does not undo the delivery', async () => {
    schema = freshSchemaName('inst_stale');
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    world = await startWorld({ employees: 10, seed: 5, clock });
    const config = configFor(world, '/nonexistent/unused.db');
    const a = await start(config, clock, 'a');
    // Instance b's ledger connection, with the race made to happen: right before b writes its
    // decisions, instance a delivers the punch b has just read as `received`.
    let race: (() => Promise<void>) | null = null;
    const racing = (store: LedgerStore): LedgerStore =>
      new Proxy(store, {
        get(target, property) {
          if (property === 'updatePunches') {
            return async (...args: Parameters<LedgerStore['updatePunches']>) => {
              const before = race;
              race = null;
              await before?.();
              return target.updatePunches(...args);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    const b = await start(config, clock, 'b', racing);
    await b.app.refreshMappings();
    const employee = world.day.employees.find((e) => e.shift === 'absent')!;
    race = async () => {
      const [punch] = await a.app.store.findPunches({ personId: employee.personId });
      await a.app.store.updatePunches(
        [{ id: punch!.id, outcome: 'delivered', employeeId: employee.employeeInternalId, humandEntryId: 'delivered-by-a' }],
        clock.now(),
      );
    };
    await b.app.ingest([tapBy(employee, 'stale-1', '2026-01-29T08:59:30-03:00', { readerName: 'Facial Entrada' })], 'push');
    await b.app.deliverPending({ deliverForMs: 1_000 });
    expect(race).toBeNull();
    const [punch] = await a.app.store.findPunches({ personId: employee.personId });
    expect(punch).toMatchObject({ outcome: 'delivered', humandEntryId: 'delivered-by-a' });
    expect(clockPosts(world)).toHaveLength(0);
  });

  it('while both run as daemons the lease holder delivers, both ingest and decide; stopping it hands delivery over', async () => {
    schema = freshSchemaName('inst_daemon');
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    world = await startWorld({ employees: 30, seed: 9, clock });
    const base = configFor(world, '/nonexistent/unused.db');
    const config: AppConfig = { ...base, delivery: { ...base.delivery, leaseTtlMs: 6_000 } };
    const [a, b] = [await start(config, clock, 'a'), await start(config, clock, 'b')];
    const stopA = new AbortController();
    const stopB = new AbortController();
    const daemons = [a!.app.runDaemon({ signal: stopA.signal }), b!.app.runDaemon({ signal: stopB.signal })];
    try {
      // Humand has the entry a moment before the deliverer has recorded and announced it.
      const announced = () => (a!.outcomes.delivered ?? 0) + (b!.outcomes.delivered ?? 0);
      await until(
        () => JSON.stringify(humandTimelines(world!)) === JSON.stringify(expectedTimelines(world!)) && announced() >= timelineLength(world!),
        'the polled day to be delivered',
      );
      expect(clockPosts(world)).toHaveLength(timelineLength(world));
      const holder = await a!.app.store.deliveryLeaseHolder!();
      expect(holder).not.toBeNull();
      const [leader, follower, stopLeader] = (a!.outcomes.delivered ?? 0) > 0 ? [a!, b!, stopA] : [b!, a!, stopB];
      expect(leader.outcomes.delivered).toBe(timelineLength(world));
      expect(follower.outcomes.delivered ?? 0).toBe(0);

      // A webhook reaches the follower: it records and decides the punch, the leader delivers it.
      const absent = world.day.employees.filter((e) => e.shift === 'absent');
      expect(absent.length).toBeGreaterThanOrEqual(2);
      const push = (employee: (typeof absent)[number], eventId: string, time: string) =>
        follower.app.ingest([tapBy(employee, eventId, time, { readerName: 'Facial Entrada' })], 'push');
      const queuedBefore = follower.outcomes.queued ?? 0;
      expect((await push(absent[0]!, 'pushed-1', '2026-01-29T08:59:30-03:00')).inserted).toBe(1);
      await until(() => world!.humand.state.timeline(absent[0]!.employeeInternalId).length === 1, 'the pushed punch to be delivered');
      expect(follower.outcomes.queued).toBe(queuedBefore + 1);
      expect(follower.outcomes.delivered ?? 0).toBe(0);

      // The leader stops (a deploy): it gives the lease up and the follower delivers from then on.
      stopLeader.abort();
      await (leader === a ? daemons[0] : daemons[1]);
      expect((await push(absent[1]!, 'pushed-2', '2026-01-29T08:59:40-03:00')).inserted).toBe(1);
      // Humand has the entry a moment before the deliverer has recorded and announced it.
      await until(
        () => world!.humand.state.timeline(absent[1]!.employeeInternalId).length === 1 && (follower.outcomes.delivered ?? 0) >= 1,
        'the follower to take over delivery',
      );
      expect(follower.outcomes.delivered).toBe(1);
      expect(clockPosts(world)).toHaveLength(timelineLength(world) + 2);
      expect(clockPosts(world).every((r) => r.status === 201)).toBe(true);
    } finally {
      stopA.abort();
      stopB.abort();
      await Promise.allSettled(daemons);
    }
  });

  // Issue #14 item 9: a holder frozen past the lease (SIGSTOP, a paused VM) wakes with punches
  // marked `sending` that were waiting for a rate permit; another instance has delivered them.
  it('a lease holder that froze past its lease sends nothing when it wakes: every entry is POSTed once', async () => {
    schema = freshSchemaName('inst_fence');
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    // A tight window so that A's workers wait for permits with their punches marked `sending`.
    world = await startWorld({ employees: 8, seed: 12, clock, rateLimit: { limit: 4, windowMs: 2_000 } });
    const base = configFor(world, '/nonexistent/unused.db');
    const config: AppConfig = { ...base, delivery: { ...base.delivery, leaseTtlMs: 1_500 } };
    // While A is "frozen" its timers do not fire (waits for the rate budget, the lease renewal) and
    // its ledger connection answers nothing about the lease, as under SIGSTOP.
    let thaw = (): void => undefined;
    let frozen: Promise<void> | null = null;
    class FrozenClock extends ShiftedClock {
      override async sleep(ms: number, signal?: AbortSignal): Promise<void> {
        await super.sleep(ms, signal);
        while (frozen !== null) await frozen;
      }
    }
    const freezable = (store: LedgerStore): LedgerStore =>
      new Proxy(store, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if (typeof value !== 'function') return value;
          const bound = (value as (...a: unknown[]) => unknown).bind(target);
          if (property !== 'tryAcquireDeliveryLease') return bound;
          return async (...args: unknown[]) => {
            await frozen;
            return bound(...args);
          };
        },
      });
    const a = await start(config, new FrozenClock(clock.now()), 'a', freezable);
    await a.app.syncOnce({ deliverForMs: 0 });
    const stopA = new AbortController();
    const stopB = new AbortController();
    const daemons: Promise<void>[] = [a.app.runDaemon({ signal: stopA.signal })];
    try {
      await until(
        async () => (await a.app.store.countsByOutcome()).sending > 0 && clockPosts(world!).length >= 4,
        'a to have punches sending while it waits for the budget',
      );
      frozen = new Promise<void>((resolve) => {
        thaw = () => {
          frozen = null;
          resolve();
        };
      });
      await new Promise((resolve) => setTimeout(resolve, 1_700)); // past the lease
      const b = await start(config, clock, 'b');
      daemons.push(b.app.runDaemon({ signal: stopB.signal }));
      await until(() => JSON.stringify(humandTimelines(world!)) === JSON.stringify(expectedTimelines(world!)), 'b to deliver the rest', 40_000);
      thaw();
      // A wakes: its workers get their permits in the next windows and must not send.
      await new Promise((resolve) => setTimeout(resolve, 4_500));
      const posts = clockPosts(world);
      expect(posts.filter((r) => r.status !== 201)).toEqual([]);
      expect(posts).toHaveLength(timelineLength(world));
      expect(humandTimelines(world)).toEqual(expectedTimelines(world));
      expect(b.outcomes.delivered ?? 0).toBeGreaterThan(0);
      expect((await b.app.store.deliveryLeaseHolder!())?.epoch).toBeGreaterThanOrEqual(2);
    } finally {
      thaw();
      stopA.abort();
      stopB.abort();
      await Promise.allSettled(daemons);
    }
  }, 90_000);
});
