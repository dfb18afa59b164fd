import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { runService } from '../../src/service/run-service.js';
import { createApp } from '../../src/app/index.js';
import { IsapiClient } from '../../src/isapi/client.js';
import { configureHttpHost } from '../../src/isapi/http-host.js';
import { silentLogger } from '../../src/logging/logger.js';
import { cleanups, face, MINUTE, site, START } from './site.js';
import { deviceConfig, isapiConfig, SITE_TZ } from './support.js';
import { terminalSiteConfig } from './world.js';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the service with isapi.push', () => {
  it('opens the terminal push receiver beside the poll loop, commits what a terminal pushes, and closes it on stop', async () => {
    const s = await site({ events: [face('1001', 0, 'checkIn')] });
    const port = await freePort();
    const isapi = isapiConfig([deviceConfig('lobby', s.terminal.url)], {
      push: { host: '127.0.0.1', port, path: '/hik/isapi', advertisedAddress: '127.0.0.1' },
    });
    // A second App on its own ledger, configured with push (the site's App polls only).
    const app = await createApp({
      config: { ...terminalSiteConfig(s.humand, `${s.app.config.databasePath}.service`, isapi), poll: { ...s.app.config.poll, intervalMs: 3_600_000 } },
      logger: silentLogger(),
      overrides: { clock: s.clock },
    });
    cleanups.push(() => app.close());
    const client = new IsapiClient({
      device: isapi.devices[0]!,
      logger: silentLogger(),
      clock: s.clock,
      timeZone: SITE_TZ,
      requestTimeoutMs: 5_000,
      connectTimeoutMs: 2_000,
      authBackoffMs: 60_000,
      authBackoffMaxMs: 60_000,
    });
    cleanups.push(() => client.close());
    await configureHttpHost(client, { ipAddress: '127.0.0.1', portNo: port, url: '/hik/isapi/lobby' });
    const stop = new AbortController();
    let listening!: () => void;
    const ready = new Promise<void>((resolve) => (listening = resolve));
    const service = runService({ app, logger: silentLogger(), clock: s.clock, push: null, admin: null, signal: stop.signal, onListening: () => listening() });
    await ready;
    s.clock.jumpTo(START + 5 * MINUTE);
    // Acknowledged (200) only once committed; the daemon's own first poll may have recorded it already: one row either way.
    expect(await s.terminal.pushPending()).toBe(1);
    expect((await app.punches()).map((p) => p.personCode)).toEqual(['1001']);
    stop.abort();
    await service;
    // Closed with the service: the terminal cannot deliver any more.
    await expect(fetch(`http://127.0.0.1:${port}/hik/isapi/lobby`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
