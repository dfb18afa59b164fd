import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { startWebhookServer, type WebhookServer } from '../../src/push/webhook-server.js';
import { CUT_KEY } from '../../src/ingest-guard/screen-events.js';
import { UNREADABLE_META } from '../../src/ingest-guard/unreadable-inputs.js';
import { formatStatus } from '../../src/cli/format/status.js';
import { opsDataSourceFromApp } from '../../src/ops/app-data-source.js';
import { buildProblems } from '../../src/ops/views/problems.js';
import { createOpsMetrics } from '../../src/ops/metrics.js';
import { memoryLogger, tapBy } from '../e2e/harness.js';
import { ShiftedClock } from '../e2e/shifted-clock.js';
import { notification, post, pushedEvent } from '../push/helpers.js';

const TOKEN = 'edge-token-0123456789abcdef';
const NOW = Date.parse('2026-01-29T12:00:00Z');

/** A body whose `__DEEP__` string is replaced by an array nested `depth` deep (too deep for JSON.stringify here). */
function withDeepArray(body: unknown, depth: number): string {
  return JSON.stringify(body).replace('"__DEEP__"', `${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

describe('bounds at the edge, identical for push and poll, through the real App and ledger', () => {
  let app: App | undefined;
  let receiver: WebhookServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await receiver?.close();
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    app = undefined;
    receiver = undefined;
  });

  async function setUp(env: Record<string, string> = {}) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edge-bounds-'));
    const memory = memoryLogger('info');
    const config = loadConfig({ env: { SITE_TIMEZONE: 'UTC', DATABASE_PATH: path.join(dir, 'ledger.db'), ...env }, cwd: dir, dotenv: false });
    const theApp = await createApp({ config, logger: memory.logger, overrides: { clock: new ShiftedClock(NOW) } });
    app = theApp;
    receiver = await startWebhookServer({
      port: 0,
      token: TOKEN,
      logger: memory.logger,
      ingest: (events, source) => theApp.ingest(events, source),
      recordRejectedInput: (inputs) => theApp.recordRejectedInputs(inputs, 'push'),
    });
    return { app: theApp, url: receiver.url, lines: memory.lines };
  }

  it('keeps the good and the merely huge events of a batch, sets aside impossible times, answers 200', async () => {
    const { app: theApp, url } = await setUp();
    const good = pushedEvent({ happenTime: '2026-01-29T08:00:00-03:00' }, { personId: '1', personCode: 'E-1' });
    const offset = pushedEvent({ happenTime: '2026-01-29T08:00:00+19:00' }, { personId: '2', personCode: 'E-2' });
    const ancient = pushedEvent({ happenTime: '0001-01-01T08:00:00-03:00' }, { personId: '3', personCode: 'E-3' });
    const deep = pushedEvent({ happenTime: '2026-01-29T08:05:00-03:00' }, { personId: '4', personCode: 'E-4', extra: '__DEEP__' });
    const huge = pushedEvent({ happenTime: '2026-01-29T08:06:00-03:00' }, { personId: '5', personCode: 'E-5', personName: 'N'.repeat(900_000) });
    const answer = await post(url, null, { token: TOKEN, rawBody: withDeepArray(notification([good, offset, ancient, deep, huge]), 5_000) });
    expect(answer.status).toBe(200);

    const stored = await theApp.punches({ order: 'asc', limit: 100 });
    expect(stored.map((p) => p.eventId).sort()).toEqual([good.eventId, deep.eventId, huge.eventId].sort());
    const deepRow = stored.find((p) => p.eventId === deep.eventId)!;
    expect((deepRow.raw as Record<string, unknown>)[CUT_KEY]).toBe('nesting deeper than 32');
    const hugeRow = stored.find((p) => p.eventId === huge.eventId)!;
    expect(hugeRow.personName?.length).toBe(4096);
    expect(JSON.stringify(hugeRow.raw).length).toBeLessThan(10_000);

    const unreadable = await theApp.unreadableInputs();
    expect(unreadable.total).toBe(2);
    expect(unreadable.recent.map((entry) => entry.reason).sort()).toEqual(
      [
        `eventId ${ancient.eventId}: unreadable time: 0001-01-01T08:00:00-03:00 is more than 400 days old (EVENT_MAX_AGE)`,
        `eventId ${offset.eventId}: unreadable time: offset +19:00 is beyond ±14 h (no real time zone)`,
      ].sort(),
    );
    const status = await theApp.status();
    expect(status.unreadableInputs).toEqual({ total: 2, lastMs: expect.any(Number) as number });
    expect(formatStatus(status, NOW, 'ledger.db').find((line) => line.trimStart().startsWith('Unreadable input'))).toMatch(
      /Unreadable input +2 set aside, never sent/,
    );
    const metrics = createOpsMetrics({ processMetrics: false });
    metrics.observe(status, NOW);
    expect(await metrics.render()).toMatch(/^hik2humand_unreadable_inputs 2$/m);
    const problems = await buildProblems(await opsDataSourceFromApp(theApp));
    expect(problems.unreadable.total).toBe(2);
    expect(problems.unreadable.recent.map((entry) => entry.source)).toEqual(['push', 'push']);
    expect(problems.unreadable.recent.some((entry) => entry.preview.includes(offset.eventId as string))).toBe(true);
  });

  it('applies the same bounds to polled events (EVENT_MAX_AGE configurable)', async () => {
    const { app: theApp } = await setUp({ EVENT_MAX_AGE: '30d' });
    const person = { personId: '42', employeeInternalId: 'E-42' };
    const result = await theApp.ingest(
      [
        tapBy(person, 'p-ok', '2026-01-20T08:00:00-03:00'),
        tapBy(person, 'p-old', '2025-12-01T08:00:00-03:00'),
        tapBy(person, 'p-offset', '2026-01-28T08:00:00-18:30'),
      ],
      'poll',
    );
    expect(result).toMatchObject({ inserted: 1, refused: 2 });
    const reasons = (await theApp.unreadableInputs()).recent.map((entry) => `${entry.source} ${entry.reason}`).sort();
    expect(reasons).toEqual([
      'poll eventId p-offset: unreadable time: offset -18:30 is beyond ±14 h (no real time zone)',
      'poll eventId p-old: unreadable time: 2025-12-01T08:00:00-03:00 is more than 30 days old (EVENT_MAX_AGE)',
    ]);
    // A poll re-reading its look-back window finds them again: counted, not listed twice.
    await theApp.ingest([tapBy(person, 'p-old', '2025-12-01T08:00:00-03:00')], 'poll');
    const again = await theApp.unreadableInputs();
    expect(again.recent).toHaveLength(2);
    expect(again.recent.find((entry) => entry.reason.includes('p-old'))?.seen).toBe(2);
  });

  it('keeps the list of unreadable inputs small however big and many they are, with one log line per batch', async () => {
    const { app: theApp, url, lines } = await setUp();
    for (let i = 0; i < 30; i++) {
      const bad = pushedEvent({ eventType: 'not-a-code', blob: 'B'.repeat(900_000) });
      expect((await post(url, notification([bad]), { token: TOKEN })).status).toBe(200);
    }
    const text = (await theApp.store.getMeta(UNREADABLE_META.list)) ?? '';
    expect(text.length).toBeLessThanOrEqual(128 * 1024);
    expect((await theApp.unreadableInputs()).total).toBe(30);

    const before = lines().length;
    const many = Array.from({ length: 2_000 }, (_, i) => ({ eventId: `bad-${i}`, eventType: 'x' }));
    expect((await post(url, notification(many), { token: TOKEN })).status).toBe(200);
    const warned = lines()
      .slice(before)
      .filter((line) => line.level === 'warn');
    expect(warned.length).toBeLessThanOrEqual(1);
    const summary = await theApp.unreadableInputs();
    expect(summary.total).toBe(2_030);
    expect(summary.recent.length).toBeLessThanOrEqual(100);
  });
});
