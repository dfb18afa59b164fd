import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import { expectedTimelines, humandTimelines, serviceEnvFor, startWorld, type World } from '../../e2e/harness.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName } from './pg-test-db.js';

const database = await findTestDatabase();
const CHILD = fileURLToPath(new URL('../../e2e/fixtures/run-daemon-child.ts', import.meta.url));
const LEASE_TTL_MS = 3_000;
const RATE = { limit: 10, windowMs: 2_000 };

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

interface Daemon {
  readonly child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

/**
 * Issue #14 item 9 with real processes: the lease holder is SIGSTOPped (a VM paused, a swap
 * storm) while it has punches marked `sending` waiting for a rate permit, longer than its lease;
 * another instance takes over; SIGCONT. Humand must receive every entry exactly once.
 */
describeWithPostgres('a lease holder frozen with SIGSTOP past its lease (two service processes, one PostgreSQL ledger)', database, (url) => {
  let world: World;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let store: PostgresLedgerStore;
  const schema = freshSchemaName('sigstop');
  const daemons: Daemon[] = [];

  beforeAll(async () => {
    // A budget small enough that the holder's workers wait for permits most of the time.
    world = await startWorld({ employees: 40, seed: 44, rateLimit: RATE });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-sigstop-'));
    env = serviceEnvFor(world, dir, {
      HUMAND_RATE_LIMIT: `${RATE.limit}/${RATE.windowMs / 1000}s`,
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      DELIVERY_LEASE_TTL: `${LEASE_TTL_MS / 1000}s`,
      POLL_INTERVAL: '2s',
      RETRY_BACKOFF_BASE: '50ms',
      RETRY_BACKOFF_MAX: '500ms',
      LOG_LEVEL: 'info',
    });
    store = await PostgresLedgerStore.open({ connectionString: url, schema, applicationName: `${schema}-test` });
  });

  afterAll(async () => {
    await Promise.allSettled(daemons.map((d) => d.stop()));
    await store?.close();
    await world?.close();
    await dropSchema(url, schema);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function startDaemon(): Daemon {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const daemon: Daemon = {
      child,
      log: () => log,
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      },
    };
    daemons.push(daemon);
    return daemon;
  }

  /** The simulator's fixed window (opened by the first request at or after the last one's end) is spent, and lasts ≥ `ms` more. */
  const windowSpentFor = (ms: number): boolean => {
    let start = Number.NEGATIVE_INFINITY;
    let count = 0;
    for (const request of world.humand.state.requests) {
      if (request.at >= start + RATE.windowMs) {
        start = request.at;
        count = 0;
      }
      count++;
    }
    return count >= RATE.limit && start + RATE.windowMs - Date.now() >= ms;
  };
  const clockPosts = () => world.humand.state.requests.filter((r) => r.method === 'POST' && /clock(In|Out)$/.test(r.path));
  const holder = () => store.deliveryLeaseHolder();
  const ownedBy = (daemon: Daemon) => async () => ((await holder())?.ownerId ?? '').includes(`/${daemon.child.pid}/`);

  it('sends nothing after waking: every entry is POSTed once, and the takeover is recorded', async () => {
    const expectedEntries = Object.values(world.day.expected.timelines).reduce((n, t) => n + t.length, 0);
    const a = startDaemon();
    await until(ownedBy(a), 'the first instance to take the delivery lease', 60_000, 50);
    const b = startDaemon();
    await until(() => b.log().includes('delivery starting'), 'the second instance to start', 60_000, 50);

    // Freeze the holder while it has punches marked `sending` (waiting for permits or in flight).
    let sendingWhenFrozen = 0;
    await until(
      async () => {
        // In a spent window with most of it still to run, what is `sending` waits for a permit.
        if (clockPosts().length < 15 || !windowSpentFor(500)) return false;
        sendingWhenFrozen = (await store.countsByOutcome()).sending;
        return sendingWhenFrozen >= 3;
      },
      'the holder to be mid-drain with punches marked sending',
      60_000,
      5,
    );
    a.child.kill('SIGSTOP');
    const frozenAtPosts = clockPosts().length;
    expect(frozenAtPosts).toBeLessThan(expectedEntries);

    await until(ownedBy(b), 'the second instance to take over', 4 * LEASE_TTL_MS, 50);
    // Past the lease and a few windows: the new holder reads back and delivers what A had started.
    await new Promise((resolve) => setTimeout(resolve, LEASE_TTL_MS));
    a.child.kill('SIGCONT');

    await until(() => JSON.stringify(humandTimelines(world)) === JSON.stringify(expectedTimelines(world)), 'the whole day in Humand', 120_000, 100);
    // Give the thawed instance time to send anything it still believed it should.
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_TTL_MS));

    const posts = clockPosts();
    const context = `frozen at ${frozenAtPosts} POSTs with ${sendingWhenFrozen} sending`;
    // Both instances spend the one key (the other reads Humand's users too): a 429 can happen and
    // is retried. A second POST of an entry would be refused as a duplicate, or accepted twice.
    const answered = posts.filter((r) => r.status !== 429);
    expect(
      answered.filter((r) => r.status !== 201),
      context,
    ).toEqual([]);
    expect(answered, context).toHaveLength(expectedEntries);
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
    expect(sendingWhenFrozen).toBeGreaterThanOrEqual(1);

    // The thawed instance knows it no longer delivers; the takeover says from whom and how long it waited.
    expect(a.log()).toMatch(/another instance delivers|fenced: another instance holds the delivery lease/);
    const lease = await holder();
    expect(lease?.ownerId).toContain(`/${b.child.pid}/`);
    expect(lease?.epoch).toBeGreaterThanOrEqual(2);
    expect(lease?.previousHolder?.ownerId).toContain(`/${a.child.pid}/`);
    expect(lease?.previousHolder?.expiredMs).not.toBeNull();
    expect(lease!.acquiredMs - lease!.previousHolder!.expiredMs!).toBeLessThanOrEqual(LEASE_TTL_MS);
    expect(b.log()).toMatch(/"takenFrom":"[^"]*\/\d+\/[^"]*".*this instance now delivers|this instance now delivers.*"takenFrom"/);
  }, 240_000);
});
