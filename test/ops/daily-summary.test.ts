import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAlertSettings } from '../../src/alerts/settings.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startOps } from '../../src/ops/start-ops.js';
import { DAY, SITE_TZ, tapBy } from '../e2e/harness.js';
import { generatedDay, startOpsWorld, type OpsWorld } from './helpers/ops-world.js';
import { deadAndRejected } from './helpers/problem-punches.js';
import { until } from './helpers/until.js';

let w: OpsWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const local = (iso: string) => DateTime.fromISO(iso, { zone: SITE_TZ }).toMillis();
const NEXT_DAY = DateTime.fromISO(DAY).plus({ days: 1 }).toISODate()!;

interface SummaryBody {
  readonly kind: string;
  readonly title: string;
  readonly text: string;
  readonly facts: Record<string, unknown>;
}

describe('daily HR summary', () => {
  it("sends yesterday's incidents once at the configured hour (site time), in Spanish, and not again after a restart", async () => {
    const day = generatedDay(6, 21);
    const stranger = day.employees[2]!;
    w = await startOpsWorld({
      day,
      maxAttempts: 1,
      withoutUsers: [stranger.employeeInternalId],
      clockStartMs: local(`${NEXT_DAY}T06:30:00`),
      alertEnv: { HR_SUMMARY_HOUR: '7', ALERT_LANGUAGE: 'es' },
    });
    const { app, ops, alerts, clock } = w;
    await deadAndRejected(w);
    const unmapped = (await app.ingest([tapBy(stranger, 'hr-unmapped', `${DAY}T22:10:00-03:00`, { checkInAndOutType: 1 })], 'push')).newPunchIds[0]!;
    await until('the stranger unmapped', async () => (await app.store.getPunch(unmapped))?.outcome === 'unmapped');
    // A clock-in in the morning and no clock-out: an open day by the next morning (longest shift 16 h).
    const open = (await app.ingest([tapBy(day.employees[3]!, 'hr-open', `${DAY}T07:00:00-03:00`, { checkInAndOutType: 1 })], 'push')).newPunchIds[0]!;
    await app.deliverPending();
    await until('the clock-in delivered', async () => (await app.store.getPunch(open))?.outcome === 'delivered');
    const summaries = () => alerts.received.map((r) => r.body as SummaryBody).filter((b) => b.kind === 'daily-summary');

    // 06:30: not yet.
    expect(await ops.alerts.sendDailySummaryIfDue()).toBe(false);
    expect(summaries()).toHaveLength(0);

    // 07:00: the webhook refuses once — not marked sent, so the next check sends it.
    clock.jumpTo(local(`${NEXT_DAY}T07:00:05`));
    alerts.answerWith(500);
    expect(await ops.alerts.sendDailySummaryIfDue()).toBe(false);
    alerts.answerWith(200);
    expect(await ops.alerts.sendDailySummaryIfDue()).toBe(true);
    const [summary] = summaries();
    expect(summaries()).toHaveLength(1);
    expect(summary!.title).toBe(`incidencias de asistencia del ${DAY}`);
    expect(summary!.facts).toMatchObject({ date: DAY, dead: 1, rejected: 1, unmapped: 1, review: 0, openDays: 1, employees: 4 });
    expect(summary!.text).toMatch(
      /^jornadas abiertas \(entrada sin salida\): 1; rechazadas: 1; no se pudieron entregar: 1; sin vincular \(sin usuario de Humand\): 1\n\nEmpleados con alguna incidencia \(4\):/,
    );
    for (const employee of day.employees.slice(0, 4)) expect(summary!.text).toContain(employee.lastName);

    // Later the same day, and after a restart on the same ledger: not again.
    clock.jumpTo(local(`${NEXT_DAY}T15:00:00`));
    expect(await ops.alerts.sendDailySummaryIfDue()).toBe(false);
    const restarted = await startOps({
      app,
      admin: { host: '127.0.0.1', port: 0, auth: null, maxPollAgeMs: 300_000 },
      alerts: parseAlertSettings({
        ALERT_WEBHOOK_URL: alerts.url,
        ALERT_CHECK_SECONDS: '3600',
        ALERT_NO_EVENTS_MINUTES: '0',
        HR_SUMMARY_HOUR: '7',
        SITE_TIMEZONE: SITE_TZ,
      }),
      logger: silentLogger(),
      clock,
    });
    try {
      expect(await restarted.alerts.sendDailySummaryIfDue()).toBe(false);
      expect(summaries()).toHaveLength(1);
    } finally {
      await restarted.close();
    }
  });

  it('is off by default, and refuses an hour without the webhook it is sent through', () => {
    expect(parseAlertSettings({}).dailySummaryHour).toBeNull();
    expect(() => parseAlertSettings({ HR_SUMMARY_HOUR: '7' })).toThrow(/HR_SUMMARY_HOUR is set but there is nowhere to send the summary/);
    expect(() => parseAlertSettings({ HR_SUMMARY_HOUR: '24', ALERT_WEBHOOK_URL: 'https://hooks.example/x' })).toThrow(/HR_SUMMARY_HOUR/);
  });
});
