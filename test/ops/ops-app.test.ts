import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { DateTime } from 'luxon';
import { SITE_TZ } from '../e2e/harness.js';
import { entryClockEvent, morningEmployee, startOpsWorld, type OpsWorld } from './helpers/ops-world.js';
import { until } from './helpers/until.js';

interface AlertBody {
  kind: string;
  state: string;
  text: string;
  facts: Record<string, unknown>;
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await request(url);
  return { status: response.statusCode, body: (await response.body.json()) as T };
}

async function metricsText(url: string): Promise<string> {
  const response = await request(`${url}/metrics`);
  return response.body.text();
}

function metric(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`metric ${pattern} not found`);
  return Number(match[1]);
}

describe('operations surface on a running service fed by the simulators', () => {
  let w: OpsWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('overview, metrics and readiness agree with the ledger and with what Humand holds', async () => {
    w = await startOpsWorld({ employees: 12, seed: 11 });
    const { app, ops, world } = w;
    await app.syncOnce();
    const counts = await app.store.countsByOutcome();
    const inHumand = world.humand.state.allEntries().length;
    expect(counts.delivered).toBe(inHumand);
    expect(inHumand).toBeGreaterThan(10);

    const overview = (
      await getJson<{
        today: string;
        ledgerCounts: Record<string, number>;
        todayCounts: Record<string, number>;
        lastPoll: { successLocal: string | null };
        delivery: { state: string };
      }>(`${ops.url}/api/overview`)
    ).body;
    expect(overview.today).toBe('2026-01-27');
    expect(overview.delivery.state).toBe('running');
    expect(overview.ledgerCounts.delivered).toBe(inHumand);
    const totalInLedger = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(overview.ledgerCounts.total).toBe(totalInLedger);
    // Every delivered punch of the generated day belongs to it, so today's delivered matches Humand's entries of that day.
    const humandToday = world.humand.state.allEntries().filter((e) => e.referenceDate === '2026-01-27').length;
    expect(overview.todayCounts.delivered).toBe(humandToday);
    expect(overview.lastPoll.successLocal).not.toBeNull();

    const text = await metricsText(ops.url);
    expect(metric(text, /^hik2humand_punches\{outcome="delivered"\} (\S+)$/m)).toBe(inHumand);
    expect(metric(text, /^hik2humand_events_received_total\{source="poll",outcome="new"\} (\S+)$/m)).toBe(totalInLedger);
    expect(metric(text, /^hik2humand_humand_requests_total\{result="ok",status="201"\} (\S+)$/m)).toBe(inHumand);
    expect(metric(text, /^hik2humand_queue_depth (\S+)$/m)).toBe(0);
    expect(metric(text, /^hik2humand_delivery_paused (\S+)$/m)).toBe(0);

    const ready = await getJson<{ ready: boolean }>(`${ops.url}/readyz`);
    expect(ready).toEqual({ status: 200, body: expect.objectContaining({ ready: true }) });
  });

  it('a poll that only re-reads its look-back window does not count as a new access event', async () => {
    w = await startOpsWorld({ employees: 6, seed: 14 });
    const { app, ops } = w;
    await app.syncOnce();
    const first = (await ops.data.status()).lastEventMs;
    expect(first).not.toBeNull();
    const again = await app.syncOnce();
    expect(again.poll?.events).toBeGreaterThan(0);
    expect(again.poll?.fresh).toBe(0);
    expect((await ops.data.status()).lastEventMs).toBe(first);
  });

  it('when Humand refuses the key: /readyz says why, one alert goes out, and one "recovered" when it is fixed', async () => {
    w = await startOpsWorld({ employees: 8, seed: 12 });
    const { app, ops, world, alerts } = w;
    await app.refreshMappings();
    world.humand.state.setForbidden(true);
    await app.syncOnce({ deliverForMs: 2_000 });

    const notReady = await getJson<{ ready: boolean; checks: { name: string; ok: boolean; detail: string }[] }>(`${ops.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.find((c) => c.name === 'humand')).toMatchObject({ ok: false, detail: expect.stringContaining('403') });
    const overview = (
      await getJson<{ delivery: { state: string; reason: string }; backlog: { pending: number; etaSeconds: number | null } }>(`${ops.url}/api/overview`)
    ).body;
    expect(overview.delivery.state).toBe('paused');
    expect(overview.backlog.pending).toBeGreaterThan(0);
    expect(overview.backlog.etaSeconds).toBeNull();
    expect(metric(await metricsText(ops.url), /^hik2humand_delivery_paused (\S+)$/m)).toBe(1);

    await until('the pause alert', () => alerts.received.length >= 1);
    for (let i = 0; i < 5; i++) await ops.alerts.evaluate();
    const bodies = () => alerts.received.map((r) => r.body as AlertBody);
    expect(bodies().map((b) => `${b.kind}:${b.state}`)).toEqual(['delivery-paused:firing']);
    expect(bodies()[0]!.text).toContain('403');

    world.humand.state.setForbidden(false);
    await app.resumeDelivery();
    await app.deliverPending({ deliverForMs: 10_000 });
    await ops.alerts.evaluate();
    expect(bodies().map((b) => `${b.kind}:${b.state}`)).toEqual(['delivery-paused:firing', 'delivery-paused:resolved']);
    expect((await getJson(`${ops.url}/readyz`)).status).toBe(200);
    const counts = await app.store.countsByOutcome();
    expect(counts.queued + counts.held + counts.sending).toBe(0);
    expect(counts.delivered).toBe(world.humand.state.allEntries().length);
  });

  it('a dead punch shows under Problems, raises one alert, and once re-driven through the API is delivered', async () => {
    // One attempt allowed, so a single 500 on the clock request is enough to give up.
    w = await startOpsWorld({ employees: 10, seed: 13, maxAttempts: 1 });
    const { app, ops, world, alerts } = w;
    w.startDaemon();
    await until('the day delivered', async () => {
      const status = await app.status();
      const c = status.counts;
      return status.poll.lastSuccessMs !== null && c.delivered > 0 && c.queued + c.held + c.sending + c.received === 0;
    });
    const employee = morningEmployee(world);
    world.humand.faults.set({ fail5xxNext: 1 });
    const { newPunchIds } = await app.ingest([entryClockEvent(world, employee, '23:00:00')], 'push');
    const id = newPunchIds[0]!;
    await until('the punch to die', async () => (await app.store.getPunch(id))?.outcome === 'dead');
    world.humand.faults.clear();

    const problems = (await getJson<{ dead: { id: number; reason: string }[] }>(`${ops.url}/api/problems`)).body;
    expect(problems.dead.map((p) => p.id)).toEqual([id]);
    expect(problems.dead[0]!.reason).toContain('gave up');
    const detail = (await getJson<{ attempts: { status: number; result: string }[] }>(`${ops.url}/api/punches/${id}`)).body;
    expect(detail.attempts).toContainEqual(expect.objectContaining({ status: 500, result: 'transient' }));
    await until('the dead-letter alert', () => alerts.received.some((r) => (r.body as AlertBody).kind === 'dead-letters'));

    const response = await request(`${ops.url}/api/redrive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [id] }),
    });
    expect(await response.body.json()).toEqual({ redriven: 1 });
    await until('the re-driven punch delivered', async () => (await app.store.getPunch(id))?.outcome === 'delivered');
    const timeline = world.humand.state.timeline(employee.employeeInternalId);
    expect(timeline.at(-1)).toMatchObject({ type: 'START', instantMs: DateTime.fromISO('2026-01-27T23:00:00', { zone: SITE_TZ }).toMillis() });

    await ops.alerts.evaluate();
    const kinds = alerts.received.map((r) => `${(r.body as AlertBody).kind}:${(r.body as AlertBody).state}`);
    expect(kinds).toEqual(['dead-letters:firing', 'dead-letters:resolved']);
    const overview = (await getJson<{ lastPushLocal: string | null }>(`${ops.url}/api/overview`)).body;
    expect(overview.lastPushLocal).not.toBeNull();
  });
});
