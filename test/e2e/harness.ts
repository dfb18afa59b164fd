import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, expect } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import type { AppOverrides } from '../../src/app/types.js';
import type { AccessEvent } from '../../src/domain/access-event.js';
import { generateWorkingDay, type GeneratedWorkingDay } from '../../src/sim/scenario/index.js';
import { startHikCentralSimulator, type HikSimulator } from '../../src/sim/hikcentral/index.js';
import { startHumandSimulator, type HumandSimulator } from '../../src/sim/humand/index.js';
import type { Clock } from '../../src/domain/ports.js';
import type { AppConfig, TimeClockRule } from '../../src/config/types.js';
import { AWAITING_DELIVERY } from '../../src/store/index.js';
import { DEFAULT_DOOR_STATE_EVENT_CODES, DEFAULT_GRANTED_EVENT_CODES, DEFAULT_REFUSED_EVENT_CODES } from '../../src/config/event-codes.js';
import { createLogger, silentLogger, type Logger } from '../../src/logging/logger.js';
import { HikCentralClient } from '../../src/hikcentral/client.js';
import { ShiftedClock } from './shifted-clock.js';

export const SITE_TZ = 'America/Argentina/Buenos_Aires';
export const HIK_KEY = 'e2e-app-key';
export const HIK_SECRET = 'e2e-app-secret-value';
export const HUMAND_KEY = 'e2e-humand-key-123';
/** A past working day: nothing about it is "future" for the simulators. */
export const DAY = '2026-01-27';

export interface World {
  readonly day: GeneratedWorkingDay;
  readonly hik: HikSimulator;
  readonly humand: HumandSimulator;
  close(): Promise<void>;
}

export async function startWorld(options: {
  employees: number;
  seed: number;
  clock?: Clock;
  rateLimit?: { limit: number; windowMs: number };
  /** Employees left out of Humand at start (mapped later). */
  withoutUsers?: readonly string[];
  day?: GeneratedWorkingDay;
}): Promise<World> {
  const day = options.day ?? generateWorkingDay({ date: DAY, timezone: SITE_TZ, employees: options.employees, seed: options.seed });
  const clock = options.clock;
  const hik = await startHikCentralSimulator({ appKey: HIK_KEY, appSecret: HIK_SECRET, scenario: day.scenario, ...(clock ? { clock, authClock: clock } : {}) });
  const skip = new Set(options.withoutUsers ?? []);
  const humand = await startHumandSimulator({
    apiKey: HUMAND_KEY,
    users: day.employees
      .filter((e) => !skip.has(e.employeeInternalId))
      .map((e) => ({ employeeInternalId: e.employeeInternalId, firstName: e.firstName, lastName: e.lastName, email: e.email })),
    rateLimit: options.rateLimit ?? { limit: 400, windowMs: 1_000 },
    ...(clock ? { clock } : {}),
  });
  return {
    day,
    hik,
    humand,
    close: async () => {
      await Promise.allSettled([hik.close(), humand.close()]);
    },
  };
}

export function timeClocksOf(day: GeneratedWorkingDay): TimeClockRule[] {
  return day.timeClockReaders.map((reader) => ({
    door: null,
    reader: reader.readerIndexCode,
    mode: reader.mode ?? 'door',
    direction: reader.mode === 'alternate' ? null : reader.direction,
    debounceMs: null,
    label: reader.readerName,
  }));
}

/** The configuration a site would have for this world (as loadConfig would produce it). */
export function configFor(world: World, databasePath: string, overrides: { dryRun?: boolean } = {}): AppConfig {
  return {
    mode: 'live',
    hik: {
      baseUrl: world.hik.httpsUrl,
      appKey: HIK_KEY,
      appSecret: HIK_SECRET,
      userId: null,
      caCertPath: null,
      caCertPem: world.hik.caPem,
      tlsInsecure: false,
      requestTimeoutMs: 10_000,
      connectTimeoutMs: 5_000,
    },
    humand: { baseUrl: world.humand.url, auth: HUMAND_KEY, requestTimeoutMs: 2_000, connectTimeoutMs: 2_000 },
    dryRun: overrides.dryRun ?? false,
    databasePath,
    siteTimezone: SITE_TZ,
    logLevel: 'silent',
    configFile: null,
    poll: {
      intervalMs: 60_000,
      lookbackMs: 2 * 3_600_000,
      initialLookbackMs: 3 * 24 * 3_600_000,
      doorIndexCodes: [],
      eventCodes: [],
      personsRefreshMs: 3_600_000,
      usersRefreshMs: 15 * 60_000,
    },
    delivery: {
      assumedRateLimit: 50,
      assumedRateWindowMs: 60_000,
      concurrency: 8,
      maxAttempts: 8,
      backoffBaseMs: 20,
      backoffMaxMs: 200,
      probeIntervalMs: 200,
      syncMaxDeliveryMs: 30_000,
    },
    rules: {
      timeClocks: timeClocksOf(world.day),
      grantedEventCodes: DEFAULT_GRANTED_EVENT_CODES,
      refusedEventCodes: DEFAULT_REFUSED_EVENT_CODES,
      doorStateEventCodes: DEFAULT_DOOR_STATE_EVENT_CODES,
      mapping: { strategy: 'personCode', customField: null, csvFile: null, humandField: null },
      debounceMs: 60_000,
      settleDelayMs: 200,
      dayBoundaryHour: 4,
      alternationPolicy: 'suppress',
      futureToleranceMs: 120_000,
      commentTemplate: '{label}',
    },
  };
}

export type Timeline = string[];

const line = (type: string, ms: number) => `${type} ${new Date(ms).toISOString()}`;

/** What Humand holds for every generated employee, as `TYPE instant` lines. */
export function humandTimelines(world: World): Record<string, Timeline> {
  const out: Record<string, Timeline> = {};
  for (const employee of world.day.employees) {
    const entries = world.humand.state.timeline(employee.employeeInternalId);
    if (entries.length > 0) out[employee.employeeInternalId] = entries.map((e) => line(e.type, e.instantMs));
  }
  return out;
}

export function expectedTimelines(world: World): Record<string, Timeline> {
  const out: Record<string, Timeline> = {};
  for (const [employee, punches] of Object.entries(world.day.expected.timelines)) {
    if (punches.length > 0) out[employee] = punches.map((p) => line(p.type, p.time));
  }
  return out;
}

/** A logger writing JSON lines into memory, for assertions on what was logged. */
export function memoryLogger(level = 'info'): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level, pretty: false, destination });
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A face punch at the first time clock (door 1, reader 101) by a generated employee, as a push would bring it. */
/** A HikCentral client of the world's simulator (its key, its certificate), on `clock`: for tests that read or subscribe outside an App. */
export function worldHikClient(world: World, clock: Clock): HikCentralClient {
  return new HikCentralClient({
    baseUrl: world.hik.httpsUrl,
    appKey: HIK_KEY,
    appSecret: HIK_SECRET,
    caCertPem: world.hik.caPem,
    connectTimeoutMs: 5_000,
    requestTimeoutMs: 10_000,
    logger: silentLogger(),
    clock,
  });
}

export function tapBy(
  employee: { personId: string; employeeInternalId: string },
  eventId: string,
  time: string,
  overrides: Partial<AccessEvent> = {},
): AccessEvent {
  return {
    eventId,
    eventCode: 196893,
    eventTime: time,
    personId: employee.personId,
    personCode: employee.employeeInternalId,
    personName: null,
    cardNo: null,
    doorIndexCode: '1',
    doorName: null,
    readerIndexCode: '101',
    readerName: null,
    checkInAndOutType: 1,
    inAndOutType: null,
    raw: {},
    ...overrides,
  };
}

export interface WorldOnClock {
  readonly world: World;
  readonly clock: ShiftedClock;
  readonly dir: string;
}

export interface WorldAndApp extends WorldOnClock {
  readonly app: App;
}

/**
 * The simulators, the app and the ledger directory of each test in a `describe`, closed after
 * every test: whatever was registered with `closeFirst` (daemons, receivers; last first), the
 * app, whatever was registered with `closeAfterApp` (clients the app was given), the simulators,
 * then the directory.
 */
export class E2eRuns {
  world: World | undefined;
  app: App | undefined;
  dir: string | undefined;
  private first: (() => unknown)[] = [];
  private afterApp: (() => unknown)[] = [];

  constructor() {
    afterEach(() => this.closeAll());
  }

  closeFirst(close: () => unknown): void {
    this.first.push(close);
  }

  closeAfterApp(close: () => unknown): void {
    this.afterApp.push(close);
  }

  /** A fresh ledger directory and the simulators on a ShiftedClock starting at `clockAt`. */
  async startWorld(options: Parameters<typeof startWorld>[0] & { dirPrefix: string; clockAt: number }): Promise<WorldOnClock> {
    const { dirPrefix, clockAt, ...worldOptions } = options;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), dirPrefix));
    this.dir = dir;
    const clock = new ShiftedClock(clockAt);
    const world = await startWorld({ ...worldOptions, clock });
    this.world = world;
    return { world, clock, dir };
  }

  /** The app over that world, on its clock, with a ledger in its directory (rate resets read with a 50 ms margin). */
  async openApp(on: WorldOnClock, options: { config?: AppConfig; logger?: Logger; overrides?: AppOverrides } = {}): Promise<App> {
    const app = await createApp({
      config: options.config ?? configFor(on.world, path.join(on.dir, 'ledger.db')),
      logger: options.logger ?? silentLogger(),
      overrides: { clock: on.clock, rateResetMarginMs: 50, ...options.overrides },
    });
    this.app = app;
    return app;
  }

  /** `startWorld`, then `openApp` with the default configuration. */
  async start(options: Parameters<E2eRuns['startWorld']>[0], app: { logger?: Logger; overrides?: AppOverrides } = {}): Promise<WorldAndApp> {
    const on = await this.startWorld(options);
    return { ...on, app: await this.openApp(on, app) };
  }

  private async closeAll(): Promise<void> {
    const first = this.first.reverse();
    const afterApp = this.afterApp.reverse();
    this.first = [];
    this.afterApp = [];
    for (const close of first) await close();
    await this.app?.close();
    for (const close of afterApp) await close();
    await this.world?.close();
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.app = undefined;
    this.world = undefined;
    this.dir = undefined;
  }
}

/** Waits until nothing is left to decide or deliver (a daemon works in the background). */
export async function settled(app: App): Promise<void> {
  await expect
    .poll(
      async () => {
        const counts = await app.store.countsByOutcome();
        return counts.received + AWAITING_DELIVERY.reduce((sum, outcome) => sum + counts[outcome], 0);
      },
      { timeout: 30_000, interval: 50 },
    )
    .toBe(0);
}

/**
 * The environment a child service process needs to read `world` as the real service does
 * (environment + config file): writes HikCentral's CA and a config file naming the day's time
 * clocks into `dir`. `extra` adds or overrides variables (the ledger, timings, log level).
 */
export function serviceEnvFor(
  world: World,
  dir: string,
  extra: NodeJS.ProcessEnv,
  configLines: readonly string[] = ['settleDelay: 0s', 'debounce: 60s', 'dayBoundaryHour: 4'],
): NodeJS.ProcessEnv {
  const caFile = path.join(dir, 'hik-ca.pem');
  fs.writeFileSync(caFile, world.hik.caPem);
  const configFile = path.join(dir, 'hik2humand.yaml');
  const clocks = world.day.timeClockReaders.flatMap((r) => [
    `  - reader: "${r.readerIndexCode}"`,
    `    direction: ${r.direction}`,
    `    label: "${r.readerName}"`,
  ]);
  fs.writeFileSync(configFile, ['timeClocks:', ...clocks, ...configLines, ''].join('\n'));
  return {
    PATH: process.env.PATH,
    HIKVISION_HOST: world.hik.httpsUrl,
    HIK_APP_KEY: HIK_KEY,
    HIK_SECRET: HIK_SECRET,
    HIK_CA_CERT: caFile,
    HUMAND_BASE_URL: world.humand.url,
    HUMAND_AUTH: HUMAND_KEY,
    CONFIG_FILE: configFile,
    SITE_TIMEZONE: SITE_TZ,
    POLL_INITIAL_LOOKBACK: '400d',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}
