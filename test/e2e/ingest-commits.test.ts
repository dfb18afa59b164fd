import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import type { AccessEvent } from '../../src/domain/access-event.js';
import { silentLogger } from '../../src/logging/logger.js';
import { SqliteLedgerStore } from '../../src/store/index.js';
import type { LedgerStore } from '../../src/store/index.js';
import { tapBy } from './harness.js';
import { ShiftedClock } from './shifted-clock.js';

/** Every LedgerStore method that commits a transaction. */
const WRITES = new Set([
  'ingest',
  'updatePunches',
  'updateWithAttempt',
  'recordAttempt',
  'resetOutcome',
  'setCursor',
  'replacePersons',
  'upsertPerson',
  'replaceUsers',
  'setMeta',
  'tryAcquireDeliveryLease',
  'releaseDeliveryLease',
]);

/** The real SQLite ledger, with a record of the commits asked of it. */
function recordingCommits(store: LedgerStore): { store: LedgerStore; commits: string[] } {
  const commits: string[] = [];
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (typeof property === 'string' && WRITES.has(property)) commits.push(property);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, commits };
}

function pushed(eventId: string, time: string): AccessEvent {
  return tapBy({ personId: '42', employeeInternalId: 'E-42' }, eventId, time);
}

describe('a webhook push waits for one commit', () => {
  let app: App | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    app = undefined;
  });

  it('App.ingest commits the events and its bookkeeping (last push, last new event) in one transaction', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-commits-'));
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    const recorded = recordingCommits(SqliteLedgerStore.open({ path: path.join(dir, 'ledger.db') }));
    // No HikCentral, no Humand: ingest only, nothing decided in the background to blur the count.
    const config = loadConfig({ env: { SITE_TIMEZONE: 'UTC' }, cwd: dir, dotenv: false });
    app = await createApp({ config, logger: silentLogger(), overrides: { clock, store: recorded.store } });
    recorded.commits.length = 0;

    await app.ingest([pushed('e-1', '2026-01-29T08:59:00-03:00')], 'push');
    expect(recorded.commits).toEqual(['ingest']);
    const afterNew = await app.status();
    expect(afterNew.lastPushMs).toBeGreaterThanOrEqual(Date.parse('2026-01-29T12:00:00Z'));
    expect(afterNew.lastEventMs).toBeGreaterThanOrEqual(Date.parse('2026-01-29T12:00:00Z'));

    clock.jumpTo(Date.parse('2026-01-29T12:05:00Z'));
    recorded.commits.length = 0;
    await app.ingest([pushed('e-1-again', '2026-01-29T08:59:00-03:00')], 'push'); // a re-push: not new
    expect(recorded.commits).toEqual(['ingest']);
    const afterCopy = await app.status();
    expect(afterCopy.lastPushMs).toBeGreaterThanOrEqual(Date.parse('2026-01-29T12:05:00Z'));
    expect(afterCopy.lastEventMs).toBe(afterNew.lastEventMs);
  });
});
