import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { createRejectedInputLog, readRejectedInput, rejectedInputPathBeside } from '../../src/push/rejected-input-log.js';
import { startWebhookServer, type WebhookServer } from '../../src/push/webhook-server.js';
import { SqliteLedgerStore } from '../../src/store/index.js';
import { ledgerIngest, notification, post, pushedEvent, tempDir } from './helpers.js';
import { ManualClock } from './manual-clock.js';

const TOKEN = 'rejected-token-0123456789abcdef';

describe('rejected input log', () => {
  let tmp: ReturnType<typeof tempDir>;
  let clock: ManualClock;

  beforeEach(() => {
    tmp = tempDir('push-rejected-');
    clock = new ManualClock(Date.UTC(2026, 0, 27, 11, 0, 0));
  });
  afterEach(() => tmp.remove());

  it('lives beside the ledger', () => {
    expect(rejectedInputPathBeside('/var/lib/hik2humand/ledger.sqlite')).toBe('/var/lib/hik2humand/rejected-input.jsonl');
  });

  it('keeps what the receiver refused from a mixed batch, with the reason and the raw event, across restarts', async () => {
    const file = path.join(tmp.dir, 'state', 'rejected-input.jsonl');
    const store = SqliteLedgerStore.open({ path: ':memory:' });
    let server: WebhookServer | undefined;
    try {
      server = await startWebhookServer({ port: 0, token: TOKEN, logger: silentLogger(), ingest: ledgerIngest(store), recordRejectedInput: createRejectedInputLog({ path: file, clock }) });
      const bad = pushedEvent({ eventType: null });
      const good = pushedEvent();
      expect((await post(server.url, notification([good, bad]), { token: TOKEN })).status).toBe(200);
    } finally {
      await server?.close();
      await store.close();
    }
    const entries = await readRejectedInput(file);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ at: '2026-01-27T11:00:00.000Z', source: 'push', reason: expect.stringMatching(/eventType/) });
    expect((entries[0]?.raw as { eventType: unknown }).eventType).toBeNull();
  });

  it('serialises concurrent appends into whole lines and rotates past the size limit', async () => {
    const file = path.join(tmp.dir, 'rejected-input.jsonl');
    const record = createRejectedInputLog({ path: file, clock, maxBytes: 2000 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => record({ n: i, filler: 'x'.repeat(50) }, `reason ${i}`)));
    const current = await readRejectedInput(file, 1000);
    const previous = await readRejectedInput(`${file}.1`, 1000);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(2000);
    const all = [...previous, ...current].map((entry) => (entry.raw as { n: number }).n);
    // Rotation keeps one previous file: the newest entries are all there, in order.
    expect(all.length).toBeGreaterThan(10);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => 30 - all.length + i));
  });

  it('fails the push (503) when the log cannot be written', async () => {
    const blocker = path.join(tmp.dir, 'not-a-dir');
    fs.writeFileSync(blocker, '');
    const store = SqliteLedgerStore.open({ path: ':memory:' });
    const server = await startWebhookServer({ port: 0, token: TOKEN, logger: silentLogger(), ingest: ledgerIngest(store), recordRejectedInput: createRejectedInputLog({ path: path.join(blocker, 'x.jsonl'), clock }) });
    try {
      expect((await post(server.url, notification([pushedEvent({ happenTime: 'garbage' })]), { token: TOKEN })).status).toBe(503);
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('reads nothing from a missing file and skips a torn last line', async () => {
    const file = path.join(tmp.dir, 'r.jsonl');
    expect(await readRejectedInput(file)).toEqual([]);
    fs.writeFileSync(file, `${JSON.stringify({ at: 'x', source: 'push', reason: 'r', raw: 1 })}\n{"at":"y","sou`);
    expect(await readRejectedInput(file)).toHaveLength(1);
  });
});
