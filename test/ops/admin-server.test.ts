import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { request } from 'undici';
import { ConfigurationError } from '../../src/domain/errors.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startAdminServer, type AdminServer } from '../../src/ops/admin-server.js';
import type { AdminAuth } from '../../src/ops/auth.js';
import type { MappingCoverage, OpsEventListener, RedriveSelection } from '../../src/ops/data-source.js';
import { ledgerDataSource, type RuntimeFacts } from '../../src/ops/ledger-data-source.js';
import { createOpsMetrics } from '../../src/ops/metrics.js';
import type { SqliteLedgerStore } from '../../src/store/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { ledgerWith, ZONE, type FakePunch } from './helpers/ledger-fixture.js';

const NOW = DateTime.fromISO('2026-01-27T11:00:00', { zone: ZONE }).toMillis();
const ana = { id: 'p-ana', code: '30111222', name: 'Ana Gómez' };
const juan = { id: 'p-juan', code: '28999000', name: 'Juan Pérez' };
const ghost = { id: 'p-ghost', code: 'X1', name: 'Visitante <script>alert(1)</script>' };

const PUNCHES: FakePunch[] = [
  { person: ana, local: '2026-01-27T08:00:05', outcome: 'delivered', entryType: 'START' },
  { person: ana, local: '2026-01-27T10:30:00', outcome: 'queued', entryType: 'END' },
  { person: juan, local: '2026-01-27T08:10:00', outcome: 'dead', entryType: 'START', reason: 'gave up after 8 attempts: Humand answered 500' },
  { person: juan, local: '2026-01-27T08:10:30', outcome: 'debounced', reason: 'repeat read within 60 s' },
  { person: ghost, local: '2026-01-27T09:00:00', outcome: 'unmapped', employeeId: null, reason: 'unmapped: no Humand user has employeeInternalId X1' },
  { person: ghost, local: '2026-01-27T09:05:00', outcome: 'unmapped', employeeId: null, reason: 'unmapped: no Humand user has employeeInternalId X1' },
  { person: ana, local: '2026-01-26T08:00:00', outcome: 'delivered', entryType: 'START', door: 'Back door' },
];

describe('admin server', () => {
  let clock: ManualClock;
  let store: SqliteLedgerStore;
  let ids: number[];
  let runtime: RuntimeFacts;
  let server: AdminServer | undefined;
  let listeners: OpsEventListener[];
  let redrives: RedriveSelection[];

  const coverage: MappingCoverage = {
    personsRefreshedMs: NOW - 3_600_000,
    usersRefreshedMs: NOW - 1_800_000,
    hikPersons: 3,
    activeHumandUsers: 3,
    mapped: 2,
    unmappedPersons: [{ personId: ghost.id, personCode: ghost.code, personName: ghost.name, reason: 'no Humand user has employeeInternalId X1' }],
    usersWithoutPerson: [{ employeeInternalId: '27000111', name: 'Carla Díaz', status: 'ACTIVE' }],
  };

  async function start(options: { host?: string; auth?: AdminAuth | null } = {}): Promise<AdminServer> {
    const data = ledgerDataSource({
      store,
      timezone: ZONE,
      clock,
      runtime: () => runtime,
      mappingCoverage: async () => coverage,
      redrive: async (selection) => {
        redrives.push(selection);
        const targets = 'all' in selection ? await store.findPunches({ outcome: 'dead' }) : await store.findPunches({ ids: selection.ids });
        await store.updatePunches(
          targets.map((p) => ({ id: p.id, outcome: 'queued' as const, reason: 're-driven' })),
          clock.now(),
        );
        return targets.length;
      },
      subscribe: (listener) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    });
    server = await startAdminServer({
      host: options.host ?? '127.0.0.1',
      port: 0,
      auth: options.auth ?? null,
      data,
      metrics: createOpsMetrics({ processMetrics: false }),
      logger: silentLogger(),
      clock,
      maxPollAgeMs: 120_000,
    });
    return server;
  }

  async function get(path: string, headers: Record<string, string> = {}) {
    const response = await request(`${server!.url}${path}`, { headers });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
  }

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    ({ store, ids } = await ledgerWith(PUNCHES, NOW - 60_000, [ana, juan]));
    listeners = [];
    redrives = [];
    runtime = {
      startedMs: NOW - 3_600_000,
      delivery: { state: 'running', reason: null, hint: null, sinceMs: null },
      rateLimit: { limit: 50, remaining: 20, resetSeconds: 30, windowSeconds: 60, observedAt: NOW },
      assumedRateLimit: { limit: 50, windowSeconds: 60 },
      poll: { enabled: true, lastAttemptMs: NOW - 10_000, lastSuccessMs: NOW - 10_000, lastError: null, cursorMs: NOW - 40_000 },
      lastPushMs: NOW - 5_000,
      lastEventMs: NOW - 5_000,
      recentErrors: [],
    };
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    await store.close().catch(() => undefined);
  });

  describe('credentials', () => {
    it('refuses to listen beyond loopback without credentials, naming the setting to fix', async () => {
      const attempt = start({ host: '0.0.0.0' });
      await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
      await expect(attempt).rejects.toMatchObject({ hint: expect.stringContaining('DASHBOARD_PASSWORD') });
    });

    it('fails with the port in use and leaves nothing subscribed', async () => {
      const first = await start();
      const port = Number(new URL(first.url).port);
      const data = ledgerDataSource({
        store,
        timezone: ZONE,
        clock,
        runtime: () => runtime,
        mappingCoverage: async () => coverage,
        redrive: async () => 0,
        subscribe: (listener) => {
          listeners.push(listener);
          return () => listeners.splice(listeners.indexOf(listener), 1);
        },
      });
      const before = listeners.length;
      const second = startAdminServer({ port, data, metrics: createOpsMetrics({ processMetrics: false }), logger: silentLogger(), clock });
      await expect(second).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(listeners.length).toBe(before);
    });

    it('asks for basic auth on the page, API and metrics, but leaves the probes open', async () => {
      await start({ auth: { username: 'rrhh', password: 'correct horse battery' } });
      for (const path of ['/', '/api/overview', '/metrics', '/assets/app.js']) {
        const refused = await get(path);
        expect(refused.status, path).toBe(401);
        expect(refused.headers['www-authenticate']).toMatch(/^Basic realm=/);
      }
      const wrong = await get('/api/overview', { authorization: `Basic ${Buffer.from('rrhh:wrong').toString('base64')}` });
      expect(wrong.status).toBe(401);
      const wrongUser = await get('/api/overview', { authorization: `Basic ${Buffer.from('admin:correct horse battery').toString('base64')}` });
      expect(wrongUser.status).toBe(401);
      const right = await get('/api/overview', { authorization: `Basic ${Buffer.from('rrhh:correct horse battery').toString('base64')}` });
      expect(right.status).toBe(200);
      expect((await get('/healthz')).status).toBe(200);
      expect((await get('/readyz')).status).toBe(200);
    });

    it('accepts a token as a bearer header or as the basic-auth password', async () => {
      const token = 'tok-0123456789abcdef';
      await start({ host: '0.0.0.0', auth: { token } });
      expect((await get('/metrics')).status).toBe(401);
      expect((await get('/metrics', { authorization: 'Bearer nope-0123456789abcdef' })).status).toBe(401);
      expect((await get('/metrics', { authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await get('/api/overview', { authorization: `Basic ${Buffer.from(`anyone:${token}`).toString('base64')}` })).status).toBe(200);
    });
  });

  describe('probes', () => {
    it('/healthz says the process is alive', async () => {
      await start();
      const health = await get('/healthz');
      expect(health.status).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok' });
    });

    it('/readyz is ready when the ledger writes, the poll is recent and Humand accepts us', async () => {
      await start();
      const ready = await get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.json()).toMatchObject({ ready: true });
    });

    it('/readyz says why when Humand refuses the key', async () => {
      await start();
      runtime = {
        ...runtime,
        delivery: { state: 'paused', reason: 'Humand answered 403 ACCESS_DENIED', hint: 'check the key permissions', sinceMs: NOW - 60_000 },
      };
      const notReady = await get('/readyz');
      expect(notReady.status).toBe(503);
      const body = notReady.json() as { ready: boolean; checks: { name: string; ok: boolean; detail: string }[] };
      expect(body.ready).toBe(false);
      expect(body.checks.find((c) => c.name === 'humand')).toMatchObject({ ok: false, detail: expect.stringContaining('403 ACCESS_DENIED') });
    });

    it('/readyz says why when the last successful poll is too old', async () => {
      await start();
      clock.advance(5 * 60_000);
      runtime = { ...runtime, poll: { ...runtime.poll, lastAttemptMs: clock.now(), lastError: 'HikCentral did not answer within 10 s' } };
      const notReady = await get('/readyz');
      expect(notReady.status).toBe(503);
      const checks = (notReady.json() as { checks: { name: string; ok: boolean; detail: string }[] }).checks;
      expect(checks.find((c) => c.name === 'poll')).toMatchObject({ ok: false, detail: expect.stringContaining('did not answer') });
    });

    it('/readyz says why when the ledger cannot be written', async () => {
      await start();
      await store.close();
      const notReady = await get('/readyz');
      expect(notReady.status).toBe(503);
      const checks = (notReady.json() as { checks: { name: string; ok: boolean; detail: string }[] }).checks;
      expect(checks.find((c) => c.name === 'store')).toMatchObject({ ok: false });
    });
  });

  it('/metrics exports the ledger, the rate budget and live counters in Prometheus format', async () => {
    await start();
    for (const listener of listeners) {
      listener({ type: 'events-received', source: 'push', fresh: 3, duplicates: 2 });
      listener({ type: 'humand-response', result: 'ok', status: 201, rateLimit: null });
      listener({ type: 'humand-response', result: 'forbidden', status: 403, rateLimit: null });
    }
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    const value = (pattern: RegExp) => Number(pattern.exec(metrics.text)?.[1]);
    expect(value(/^hik2humand_queue_depth (\S+)$/m)).toBe(1);
    expect(value(/^hik2humand_dead_letters (\S+)$/m)).toBe(1);
    expect(value(/^hik2humand_unmapped_punches (\S+)$/m)).toBe(2);
    expect(value(/^hik2humand_punches\{outcome="delivered"\} (\S+)$/m)).toBe(2);
    expect(value(/^hik2humand_humand_rate_limit_remaining (\S+)$/m)).toBe(20);
    expect(value(/^hik2humand_poll_lag_seconds (\S+)$/m)).toBe(40);
    expect(value(/^hik2humand_oldest_pending_age_seconds (\S+)$/m)).toBe(30 * 60);
    expect(value(/^hik2humand_events_received_total\{source="push",outcome="new"\} (\S+)$/m)).toBe(3);
    expect(value(/^hik2humand_events_received_total\{source="push",outcome="duplicate"\} (\S+)$/m)).toBe(2);
    expect(value(/^hik2humand_humand_requests_total\{result="forbidden",status="403"\} (\S+)$/m)).toBe(1);
    expect(value(/^hik2humand_delivery_paused (\S+)$/m)).toBe(0);
    // A SQLite ledger's one process holds the lease only while it delivers.
    expect(value(/^hik2humand_delivery_lease_epoch (\S+)$/m)).toBe(0);
  });

  describe('dashboard API', () => {
    it('overview counts today from the ledger and estimates the backlog at the rate budget', async () => {
      await start();
      const o = (await get('/api/overview')).json() as {
        today: string;
        todayCounts: Record<string, number>;
        ledgerCounts: Record<string, number>;
        backlog: { pending: number; etaSeconds: number; oldestPendingAgeSeconds: number; oldestPendingEventLocal: string };
        delivery: { state: string };
      };
      expect(o.today).toBe('2026-01-27');
      expect(o.todayCounts).toMatchObject({ total: 6, delivered: 1, queued: 1, dead: 1, debounced: 1, unmapped: 2 });
      expect(o.ledgerCounts).toMatchObject({ total: 7, delivered: 2 });
      // Recorded a minute ago (its wait), though the punch itself is from half an hour ago.
      expect(o.backlog).toMatchObject({ pending: 1, etaSeconds: 0, oldestPendingAgeSeconds: 60, oldestPendingEventLocal: '2026-01-27T10:30:00-03:00' });
      expect(o.delivery.state).toBe('running');
    });

    it('finds an employee by part of the name, by id, and by door', async () => {
      await start();
      const byName = (await get(`/api/punches?employee=${encodeURIComponent('pérez')}`)).json() as { punches: { personName: string; outcome: string }[] };
      expect(byName.punches.map((p) => p.personName)).toEqual(['Juan Pérez', 'Juan Pérez']);
      const byId = (await get('/api/punches?employee=30111222&date=2026-01-27')).json() as { punches: { eventLocal: string }[] };
      expect(byId.punches.map((p) => p.eventLocal)).toEqual(['2026-01-27T10:30:00-03:00', '2026-01-27T08:00:05-03:00']);
      const byDoor = (await get(`/api/punches?door=${encodeURIComponent('Back door')}`)).json() as { punches: unknown[] };
      expect(byDoor.punches).toHaveLength(1);
      // A visitor the HikCentral directory does not hold is still found, by reading recent punches.
      const visitor = (await get('/api/punches?employee=visitante')).json() as { punches: { personId: string }[] };
      expect(visitor.punches.map((p) => p.personId)).toEqual([ghost.id, ghost.id]);
      expect((await get('/api/punches?employee=nobody-like-this')).json()).toMatchObject({ punches: [], total: 0 });
      expect((await get('/api/punches?date=27-01-2026')).status).toBe(400);
    });

    it('shows one punch with its Humand responses and the employee day as sent', async () => {
      await start();
      await store.recordAttempt({
        punchId: ids[2]!,
        atMs: NOW - 50_000,
        kind: 'clock',
        method: 'POST',
        path: '/time-tracking/entries/clockIn',
        requestBody: { employeeId: juan.code },
        status: 500,
        result: 'transient',
        message: 'UNKNOWN_ERROR',
      });
      const detail = (await get(`/api/punches/${ids[2]}`)).json() as {
        punch: { outcome: string; reason: string };
        attempts: { status: number; result: string; message: string }[];
        day: { id: number; outcome: string }[];
      };
      expect(detail.punch).toMatchObject({ outcome: 'dead', reason: expect.stringContaining('8 attempts') });
      expect(detail.attempts).toEqual([expect.objectContaining({ status: 500, result: 'transient', message: 'UNKNOWN_ERROR' })]);
      expect(detail.day.map((p) => p.outcome)).toEqual(['dead', 'debounced']);
      const ana = (await get(`/api/punches/${ids[0]}`)).json() as { day: { sentTime: string; entryType: string }[] };
      expect(ana.day.map((p) => p.entryType)).toEqual(['START', 'END']);
      expect((await get('/api/punches/999999')).status).toBe(404);
    });

    it('lists problems: unmapped persons with how many punches wait, dead and debounced punches', async () => {
      await start();
      const p = (await get('/api/problems')).json() as {
        unmapped: { personId: string; waiting: number }[];
        dead: { id: number }[];
        debounced: { id: number }[];
      };
      expect(p.unmapped).toEqual([expect.objectContaining({ personId: ghost.id, waiting: 2 })]);
      expect(p.dead.map((d) => d.id)).toEqual([ids[2]]);
      expect(p.debounced.map((d) => d.id)).toEqual([ids[3]]);
    });

    it('re-drives dead punches on a same-origin JSON request only', async () => {
      await start();
      const post = async (body: string, headers: Record<string, string>) => {
        const response = await request(`${server!.url}/api/redrive`, { method: 'POST', body, headers });
        return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
      };
      expect((await post(JSON.stringify({ all: true }), { 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
      expect((await post(JSON.stringify({ all: true }), { 'content-type': 'text/plain' })).status).toBe(415);
      expect((await post(JSON.stringify({ ids: ['x'] }), { 'content-type': 'application/json' })).status).toBe(400);
      expect(redrives).toHaveLength(0);
      const ok = await post(JSON.stringify({ ids: [ids[2]] }), { 'content-type': 'application/json', origin: server!.url });
      expect(ok).toEqual({ status: 200, body: { redriven: 1 } });
      expect((await store.getPunch(ids[2]!))?.outcome).toBe('queued');
    });

    it('serves mapping coverage with local refresh times', async () => {
      await start();
      const c = (await get('/api/coverage')).json() as { mapped: number; personsRefreshedLocal: string };
      expect(c.mapped).toBe(2);
      expect(c.personsRefreshedLocal).toBe('2026-01-27T10:00:00-03:00');
    });
  });

  describe('page', () => {
    it('serves the page in the browser language with a strict content policy', async () => {
      await start();
      const es = await get('/', { 'accept-language': 'es-AR,es;q=0.9,en;q=0.8' });
      expect(es.status).toBe(200);
      expect(es.text).toContain('<html lang="es">');
      expect(es.headers['content-security-policy']).toContain("script-src 'self'");
      const en = await get('/', { 'accept-language': 'en-US,en;q=0.9' });
      expect(en.text).toContain('<html lang="en">');
      const script = await get('/assets/app.js');
      expect(script.headers['content-type']).toContain('javascript');
      expect(script.text).not.toContain('innerHTML');
      expect((await get('/assets/nothing.js')).status).toBe(404);
    });
  });
});
