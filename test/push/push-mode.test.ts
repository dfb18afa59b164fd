import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRANTED_EVENT_CODES } from '../../src/config/event-codes.js';
import { silentLogger } from '../../src/logging/logger.js';
import { readPushConfig } from '../../src/push/config.js';
import { startPushMode, type PushMode } from '../../src/push/push-mode.js';
import { generateSelfSignedTls } from '../../src/sim/hikcentral/tls.js';
import { SqliteLedgerStore } from '../../src/store/index.js';
import { ledgerIngest, tempDir, totalPunches } from './helpers.js';
import { startHik, type HikFixture } from './hik-sim.js';
import { ManualClock } from '../support/manual-clock.js';
import fs from 'node:fs';
import path from 'node:path';

const TOKEN = 'push-mode-token-0123456789abcdef';
const start = Date.UTC(2026, 0, 27, 11, 0, 0);

describe('push mode as run starts it', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  async function world(push: { caPem?: string } = {}) {
    const clock = new ManualClock(start);
    const hik: HikFixture = await startHik({ clock, push });
    cleanup.push(() => hik.close());
    hik.sim.state.addDoors([{ doorIndexCode: '1', doorName: 'Molinete Reloj Entrada', readers: [{ readerIndexCode: '101', readerName: 'Facial Entrada' }] }]);
    const store = SqliteLedgerStore.open({ path: ':memory:' });
    cleanup.push(() => store.close());
    return { clock, hik, store };
  }

  it('receives over HTTPS, subscribes its own address, and the platform pushes land in the ledger', async () => {
    const tls = await generateSelfSignedTls();
    const tmp = tempDir('push-mode-');
    cleanup.push(() => tmp.remove());
    fs.writeFileSync(path.join(tmp.dir, 'cert.pem'), tls.certPem);
    fs.writeFileSync(path.join(tmp.dir, 'key.pem'), tls.keyPem);
    const { clock, hik, store } = await world({ caPem: tls.certPem });
    const config = readPushConfig({
      WEBHOOK_PORT: '0',
      WEBHOOK_TOKEN: TOKEN,
      WEBHOOK_TLS_CERT: path.join(tmp.dir, 'cert.pem'),
      WEBHOOK_TLS_KEY: path.join(tmp.dir, 'key.pem'),
    });
    if (!config) throw new Error('push config expected');
    const mode: PushMode = await startPushMode({
      config,
      ingest: ledgerIngest(store, () => clock.now()),
      client: hik.client,
      eventTypes: DEFAULT_GRANTED_EVENT_CODES,
      clock,
      logger: silentLogger(),
      subscribeListeningUrl: true,
    });
    cleanup.push(() => mode.close());
    expect(mode.receiver.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/hik\/events$/);
    await mode.keeper?.started;
    expect(mode.keeper?.status().lastError).toBeNull();
    expect(new Set(hik.sim.state.subscriptions().map((s) => s.eventDest))).toEqual(new Set([mode.receiver.url]));

    hik.sim.state.addEvents([
      { eventId: 'e-1', eventType: 196893, eventTime: start + 1000, personId: '7', doorIndexCode: '1', readerIndexCode: '101', checkInAndOutType: 1 },
      { eventId: 'e-2', eventType: 198913, eventTime: start + 2000, personId: null, doorIndexCode: '1' },
    ]);
    clock.advance(5_000);
    await hik.sim.state.pumpPush();
    expect(hik.sim.state.pushAttempts().map((a) => [a.outcome, a.httpStatus])).toEqual([['delivered', 200]]);
    // Only subscribed (access-granted) types are pushed: the door-state event is not.
    expect((await store.findPunches({})).map((p) => p.eventId)).toEqual(['e-1']);
  });

  it('does not manage the subscription without an address, but still receives', async () => {
    const { clock, hik, store } = await world();
    const config = readPushConfig({ WEBHOOK_PORT: '0', WEBHOOK_TOKEN: TOKEN });
    if (!config) throw new Error('push config expected');
    const mode = await startPushMode({
      config,
      ingest: ledgerIngest(store, () => clock.now()),
      client: hik.client,
      eventTypes: DEFAULT_GRANTED_EVENT_CODES,
      clock,
      logger: silentLogger(),
    });
    cleanup.push(() => mode.close());
    expect(mode.keeper).toBeNull();
    expect(hik.sim.state.subscriptions()).toEqual([]);
    await hik.client.subscribe({ eventTypes: [196893], eventDest: mode.receiver.url, token: TOKEN });
    hik.sim.state.addEvents([{ eventId: 'e-3', eventType: 196893, eventTime: start + 1000, personId: '7', doorIndexCode: '1', readerIndexCode: '101' }]);
    clock.advance(5_000);
    await hik.sim.state.pumpPush();
    expect(await totalPunches(store)).toBe(1);
  });
});
