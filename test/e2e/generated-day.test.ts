import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/index.js';
import type { App } from '../../src/app/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { configFor, expectedTimelines, humandTimelines, memoryLogger, startWorld, type World } from './harness.js';
import { ShiftedClock } from './shifted-clock.js';
import { syncAttention } from '../../src/cli/format/sync-attention.js';

const HOUR = 3_600_000;

describe('a generated working day for 200 employees (poll mode)', () => {
  let world: World | undefined;
  let app: App | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    await world?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    app = undefined;
    world = undefined;
  });

  it('ends with every Humand timeline exactly equal to the expected one, polling hour by hour through the day', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-day-'));
    // Replay the day: the simulators and the app share a clock that starts at the day's first hour.
    const probe = await startWorld({ employees: 200, seed: 7 });
    const { startMs, endMs } = probe.day.window;
    await probe.close();
    const clock = new ShiftedClock(startMs + HOUR);
    world = await startWorld({ employees: 200, seed: 7, clock, rateLimit: { limit: 400, windowMs: 1_000 } });
    app = await createApp({ config: configFor(world, path.join(dir, 'ledger.db')), logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });
    let passes = 0;
    for (let at = startMs + HOUR; at <= endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      const summary = await app.syncOnce();
      expect(summary.pollError).toBeNull();
      expect(summary.paused).toBeNull();
      passes++;
    }
    expect(passes).toBeGreaterThan(40);
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
    // Every generated event is in the ledger once, with the reason it did or did not count.
    const counts = await app.store.countsByOutcome();
    expect(counts.queued + counts.sending + counts.held + counts.received + counts.dead + counts.rejected).toBe(0);
    const timelineLength = Object.values(world.day.expected.timelines).reduce((n, t) => n + t.length, 0);
    expect(counts.delivered).toBe(timelineLength);
    // Never beyond the announced budget: the simulator refused nothing.
    expect(world.humand.state.countsByStatus()['429'] ?? 0).toBe(0);
  });

  it('in DRY_RUN sends nothing, logs every would-be request exactly and marks the punches dry-run; a later real run delivers them', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-dry-'));
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    world = await startWorld({ employees: 200, seed: 11, clock });
    const { logger, lines } = memoryLogger();
    const databasePath = path.join(dir, 'ledger.db');
    app = await createApp({ config: configFor(world, databasePath, { dryRun: true }), logger, overrides: { clock, rateResetMarginMs: 50 } });
    const summary = await app.syncOnce();
    expect(summary.dryRun).toBe(true);
    expect(syncAttention(summary)).toEqual([]);
    expect(summary.counts['dry-run']).toBeGreaterThan(0);
    const posts = world.humand.state.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(0);
    // The would-be requests are exactly the expected timelines.
    const wouldBe = lines().filter((l) => l.dryRun === true && l.msg !== 'hik2humand starting');
    const byEmployee: Record<string, string[]> = {};
    for (const entry of wouldBe) {
      const body = entry.body as { employeeId: string; now: string; comment: string };
      expect(entry.method).toBe('POST');
      expect(['/time-tracking/entries/clockIn', '/time-tracking/entries/clockOut']).toContain(entry.path);
      expect(body.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000-03:00$/);
      expect(typeof entry.punch).toBe('string');
      (byEmployee[body.employeeId] ??= []).push(
        `${entry.path === '/time-tracking/entries/clockIn' ? 'START' : 'END'} ${new Date(Date.parse(body.now)).toISOString()}`,
      );
    }
    for (const list of Object.values(byEmployee)) list.sort((a, b) => a.slice(a.indexOf(' ')).localeCompare(b.slice(b.indexOf(' '))));
    expect(byEmployee).toEqual(expectedTimelines(world));
    const counts = await app.store.countsByOutcome();
    expect(counts['dry-run']).toBe(wouldBe.length);
    expect(counts.delivered).toBe(0);

    // A read-only look without DRY_RUN (`status`, `punches`) changes nothing: only real delivery takes the dry run over.
    const requestsBefore = (await app.punches({ outcome: 'dry-run', limit: 100_000 })).map((p) => `${p.id} ${JSON.stringify(p.request)}`);
    await app.close();
    app = await createApp({ config: configFor(world, databasePath), logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });
    expect((await app.status()).counts['dry-run']).toBe(wouldBe.length);
    expect(await app.deadLetters.list()).toEqual([]);
    await app.close();
    app = await createApp({ config: configFor(world, databasePath), logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });
    expect((await app.punches({ outcome: 'dry-run', limit: 100_000 })).map((p) => `${p.id} ${JSON.stringify(p.request)}`)).toEqual(requestsBefore);

    // The same ledger, for real now: every dry-run punch is delivered, exactly once.
    const real = await app.syncOnce();
    expect(syncAttention(real)).toEqual([]);
    expect(humandTimelines(world)).toEqual(expectedTimelines(world));
    expect((await app.store.countsByOutcome())['dry-run']).toBe(0);
  });
});
