import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { parseAlertSettings } from '../../../src/alerts/settings.js';
import { createApp, type App } from '../../../src/app/index.js';
import type { AccessEvent } from '../../../src/domain/access-event.js';
import { silentLogger } from '../../../src/logging/logger.js';
import type { AdminAuth, BasicLogin } from '../../../src/ops/auth.js';
import { startOps, type Ops } from '../../../src/ops/start-ops.js';
import { generateWorkingDay, type GeneratedEmployee, type GeneratedWorkingDay } from '../../../src/sim/scenario/index.js';
import { configFor, DAY, SITE_TZ, startWorld, type World } from '../../e2e/harness.js';
import { ShiftedClock } from '../../e2e/shifted-clock.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/** Late evening of the generated day: the day's punches are in, "today" is that day. */
export const EVENING = DateTime.fromISO(`${DAY}T23:30:00`, { zone: SITE_TZ }).toMillis();

export interface OpsWorld {
  readonly world: World;
  readonly app: App;
  readonly ops: Ops;
  readonly clock: ShiftedClock;
  readonly alerts: WebhookReceiver;
  readonly dir: string;
  /** Runs the daemon (poll + continuous delivery) until close. */
  startDaemon(): void;
  close(): Promise<void>;
}

export interface OpsWorldOptions {
  readonly employees?: number;
  readonly seed?: number;
  /** Employees missing from Humand: their punches stay unmapped. */
  readonly withoutUsers?: readonly string[];
  readonly auth?: AdminAuth | null;
  /** The read-only HR login beside `auth`. */
  readonly hrAuth?: BasicLogin | null;
  readonly maxAttempts?: number;
  /** More alert settings (e.g. HR_SUMMARY_HOUR), over the test's defaults. */
  readonly alertEnv?: Readonly<Record<string, string>>;
  /** Where the clock starts (default EVENING of the generated day). */
  readonly clockStartMs?: number;
  /** A day generated beforehand (to pick employees before the world starts). */
  readonly day?: GeneratedWorkingDay;
}

/** The service as `run` starts it (App + ops surface) against both simulators and an alert receiver. */
export async function startOpsWorld(options: OpsWorldOptions = {}): Promise<OpsWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-world-'));
  const clock = new ShiftedClock(options.clockStartMs ?? EVENING);
  const world = await startWorld({
    employees: options.employees ?? 12,
    seed: options.seed ?? 11,
    clock,
    ...(options.withoutUsers ? { withoutUsers: options.withoutUsers } : {}),
    ...(options.day ? { day: options.day } : {}),
  });
  const app = await createApp({
    config: configFor(world, path.join(dir, 'ledger.db')),
    logger: silentLogger(),
    overrides: { clock, rateResetMarginMs: 50, ...(options.maxAttempts ? { delivery: { maxAttempts: options.maxAttempts } } : {}) },
  });
  const alerts = await startWebhookReceiver();
  const ops = await startOps({
    app,
    admin: { host: '127.0.0.1', port: 0, auth: options.auth ?? null, hrAuth: options.hrAuth ?? null, maxPollAgeMs: 300_000 },
    alerts: parseAlertSettings({
      ALERT_WEBHOOK_URL: alerts.url,
      ALERT_MIN_INTERVAL_MINUTES: '0',
      ALERT_CHECK_SECONDS: '3600',
      ALERT_NO_EVENTS_MINUTES: '0',
      SITE_TIMEZONE: SITE_TZ,
      ...options.alertEnv,
    }),
    logger: silentLogger(),
    clock,
  });
  const stop = new AbortController();
  let daemon: Promise<void> | null = null;
  return {
    world,
    app,
    ops,
    clock,
    alerts,
    dir,
    startDaemon() {
      daemon ??= app.runDaemon({ signal: stop.signal });
    },
    async close() {
      stop.abort();
      await daemon;
      await ops.close();
      await app.close();
      await world.close();
      await alerts.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function generatedDay(employees: number, seed: number): GeneratedWorkingDay {
  return generateWorkingDay({ date: DAY, timezone: SITE_TZ, employees, seed });
}

/** Employees with at least one clock-in or clock-out that day. */
export function employeesWithPunches(day: GeneratedWorkingDay): GeneratedEmployee[] {
  return day.employees.filter((e) => (day.expected.timelines[e.employeeInternalId]?.length ?? 0) > 0);
}

/** A morning-shift employee (their day is over by the evening). */
export function morningEmployee(world: World): GeneratedEmployee {
  const employee = employeesWithPunches(world.day).find((e) => e.shift === 'morning');
  if (!employee) throw new Error('the generated day has no morning-shift employee with punches');
  return employee;
}

/** A push event as the webhook receiver would hand it over: `employee` passes the entry time clock at `localTime`. */
export function entryClockEvent(world: World, employee: GeneratedEmployee, localTime: string): AccessEvent {
  const reader = world.day.timeClockReaders.find((r) => r.direction === 'in');
  if (!reader) throw new Error('no entry time clock');
  const time = DateTime.fromISO(`${DAY}T${localTime}`, { zone: SITE_TZ });
  return {
    eventId: `ops-test-${employee.personId}-${time.toMillis()}`,
    eventCode: 196893,
    eventTime: time.toISO({ suppressMilliseconds: true })!,
    personId: employee.personId,
    personCode: employee.employeeInternalId,
    personName: `${employee.firstName} ${employee.lastName}`,
    cardNo: null,
    doorIndexCode: reader.doorIndexCode,
    doorName: reader.doorName,
    readerIndexCode: reader.readerIndexCode,
    readerName: reader.readerName,
    checkInAndOutType: 1,
    inAndOutType: null,
    raw: { test: true },
  };
}
