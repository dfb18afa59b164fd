import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { request } from 'undici';
import { readSettings, ConfigProblems } from '../../src/cli/settings.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startAdminServer, type AdminServer } from '../../src/ops/admin-server.js';
import type { RedriveSelection } from '../../src/ops/data-source.js';
import { ledgerDataSource } from '../../src/ops/ledger-data-source.js';
import { createOpsMetrics } from '../../src/ops/metrics.js';
import { parseAdminSettings } from '../../src/ops/settings.js';
import type { SqliteLedgerStore } from '../../src/store/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { ledgerWith, ZONE, type FakePunch } from './helpers/ledger-fixture.js';

const NOW = DateTime.fromISO('2026-01-27T11:00:00', { zone: ZONE }).toMillis();
const juan = { id: 'p-juan', code: '28999000', name: 'Juan Pérez' };
const PUNCHES: FakePunch[] = [{ person: juan, local: '2026-01-27T08:10:00', outcome: 'dead', entryType: 'START', reason: 'gave up' }];
const EVIL = 'rebind.evil.example';

describe('admin server: DNS rebinding (issue #14 item 5)', () => {
  let store: SqliteLedgerStore;
  let server: AdminServer | undefined;
  let redrives: RedriveSelection[];

  beforeEach(async () => {
    ({ store } = await ledgerWith(PUNCHES, NOW - 60_000, [juan]));
    redrives = [];
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await store.close().catch(() => undefined);
  });

  async function start(allowedHosts?: string[]): Promise<{ port: number }> {
    const clock = new ManualClock(NOW);
    const data = ledgerDataSource({
      store,
      timezone: ZONE,
      clock,
      runtime: () => ({
        startedMs: NOW,
        delivery: { state: 'running', reason: null, hint: null, sinceMs: null },
        rateLimit: null,
        assumedRateLimit: { limit: 50, windowSeconds: 60 },
        poll: { enabled: true, lastAttemptMs: NOW, lastSuccessMs: NOW, lastError: null, cursorMs: NOW },
        lastPushMs: null,
        lastEventMs: null,
        recentErrors: [],
      }),
      mappingCoverage: async () => ({
        personsRefreshedMs: null,
        usersRefreshedMs: null,
        hikPersons: 0,
        activeHumandUsers: 0,
        mapped: 0,
        unmappedPersons: [],
        usersWithoutPerson: [],
      }),
      redrive: async (selection) => {
        redrives.push(selection);
        return 1;
      },
    });
    server = await startAdminServer({
      port: 0,
      data,
      metrics: createOpsMetrics({ processMetrics: false }),
      logger: silentLogger(),
      clock,
      ...(allowedHosts ? { allowedHosts } : {}),
    });
    return { port: Number(new URL(server.url).port) };
  }

  async function call(port: number, path: string, headers: Record<string, string>, body?: string) {
    const response = await request(`http://127.0.0.1:${port}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      ...(body === undefined ? {} : { body }),
    });
    await response.body.text();
    return response.statusCode;
  }

  it('refuses a rebound name before anything else: no punches read, no re-drive', async () => {
    const { port } = await start();
    expect(await call(port, '/api/punches', { host: `${EVIL}:${port}` })).toBe(421);
    const json = { 'content-type': 'application/json' };
    expect(await call(port, '/api/redrive', { ...json, host: `${EVIL}:${port}`, origin: `http://${EVIL}:${port}` }, JSON.stringify({ all: true }))).toBe(421);
    expect(redrives).toEqual([]);
    // The probes answer under any name (orchestrators use service names); they reveal nothing.
    expect(await call(port, '/healthz', { host: `${EVIL}:${port}` })).toBe(200);
  });

  it('answers loopback names and IP addresses, and compares Origin with the allowlist, not with Host', async () => {
    const { port } = await start();
    expect(await call(port, '/api/punches', { host: `127.0.0.1:${port}` })).toBe(200);
    expect(await call(port, '/api/punches', { host: `localhost:${port}` })).toBe(200);
    expect(await call(port, '/api/punches', { host: `[::1]:${port}` })).toBe(200);
    const json = { 'content-type': 'application/json', host: `127.0.0.1:${port}` };
    expect(await call(port, '/api/redrive', { ...json, origin: `http://${EVIL}:${port}` }, JSON.stringify({ all: true }))).toBe(403);
    expect(redrives).toEqual([]);
    expect(await call(port, '/api/redrive', { ...json, origin: `http://localhost:${port}` }, JSON.stringify({ all: true }))).toBe(200);
    expect(redrives).toEqual([{ all: true }]);
  });

  it('answers a configured name (DASHBOARD_PUBLIC_URL, ADMIN_ALLOWED_HOSTS) and nothing like it', async () => {
    const settings = parseAdminSettings({ DASHBOARD_PUBLIC_URL: 'https://dash.plant.example/', ADMIN_ALLOWED_HOSTS: 'hik2humand.lan' });
    expect(settings.allowedHosts).toEqual(['hik2humand.lan', 'dash.plant.example']);
    const { port } = await start([...(settings.allowedHosts ?? [])]);
    expect(await call(port, '/api/punches', { host: 'dash.plant.example' })).toBe(200);
    expect(await call(port, '/api/punches', { host: `hik2humand.lan:${port}` })).toBe(200);
    expect(await call(port, '/api/punches', { host: 'dash.plant.example.evil.example' })).toBe(421);
    const json = { 'content-type': 'application/json', host: 'dash.plant.example' };
    expect(await call(port, '/api/redrive', { ...json, origin: 'https://dash.plant.example' }, JSON.stringify({ all: true }))).toBe(200);
  });
});

describe('admin credentials checked with the configuration (issue #14 item 5)', () => {
  it('refuses ADMIN_HOST=0.0.0.0 without credentials while reading the settings, before any server or API', () => {
    expect(() => parseAdminSettings({ ADMIN_HOST: '0.0.0.0' })).toThrow(/ADMIN_HOST=0\.0\.0\.0 without DASHBOARD_PASSWORD or DASHBOARD_TOKEN/);
    expect(parseAdminSettings({ ADMIN_HOST: '0.0.0.0', DASHBOARD_TOKEN: 'tok-0123456789abcdef' }).host).toBe('0.0.0.0');
    expect(parseAdminSettings({ ADMIN_HOST: '::1' }).auth).toBeNull();
  });

  it('is one of the configuration problems every command (run, doctor) reports', () => {
    let thrown: unknown;
    try {
      readSettings({}, { cwd: '/nonexistent-dir-for-test', processEnv: { ADMIN_HOST: '0.0.0.0', SITE_TIMEZONE: 'UTC' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigProblems);
    expect((thrown as ConfigProblems).problems.join('\n')).toMatch(/ADMIN_HOST=0\.0\.0\.0 without .* — set DASHBOARD_PASSWORD/);
  });
});
