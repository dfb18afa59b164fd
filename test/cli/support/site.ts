import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { systemClock } from '../../../src/domain/clock.js';
import type { Clock } from '../../../src/domain/ports.js';
import { startHikCentralSimulator, type HikSimulator } from '../../../src/sim/hikcentral/index.js';
import { startHumandSimulator, type HumandSimulator } from '../../../src/sim/humand/index.js';
import { generateWorkingDay, type GeneratedWorkingDay } from '../../../src/sim/scenario/index.js';

export const SITE_TIMEZONE = 'America/Argentina/Buenos_Aires';
const HIK_APP_KEY = 'cli-test-app-key';
const HIK_SECRET = 'cli-test-secret-0123456789abcdef';
const HUMAND_KEY = 'cli-test-humand-key-0123456789';

/** A clock some hours off the wall clock, to make the Humand simulator see every punch as "in the future". */
export interface ShiftableClock extends Clock {
  offsetMs: number;
}

export interface TestSite {
  /** Working directory for the CLI (holds the config file, the CA, the ledger). */
  readonly dir: string;
  readonly hik: HikSimulator;
  readonly humand: HumandSimulator;
  readonly humandClock: ShiftableClock;
  readonly day: GeneratedWorkingDay;
  /** The generated day's date (YYYY-MM-DD in SITE_TIMEZONE): two days ago, so every event is in the past. */
  readonly date: string;
  readonly ledgerPath: string;
  /** The settings of a correctly configured site; tests change or remove single variables. */
  readonly env: Record<string, string>;
  /** Clock entries the Humand simulator holds, all employees. */
  entries(): number;
  close(): Promise<void>;
}

/**
 * A small real-looking site: a generated working day (two days ago) served by the HikCentral
 * simulator over HTTPS, its employees as Humand users, a config file naming the two time
 * clocks, and the environment a person would write into .env. Everything on loopback.
 */
export async function startTestSite(options: { employees?: number; seed?: number } = {}): Promise<TestSite> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-cli-'));
  const date = DateTime.now().setZone(SITE_TIMEZONE).minus({ days: 2 }).toISODate()!;
  const day = generateWorkingDay({ date, timezone: SITE_TIMEZONE, employees: options.employees ?? 6, seed: options.seed ?? 7, lateDevices: false });
  const hik = await startHikCentralSimulator({ appKey: HIK_APP_KEY, appSecret: HIK_SECRET, scenario: day.scenario });
  const humandClock: ShiftableClock = { offsetMs: 0, now: () => Date.now() + humandClock.offsetMs, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
  const humand = await startHumandSimulator({
    apiKey: HUMAND_KEY,
    clock: humandClock,
    users: day.employees.map((e) => ({ employeeInternalId: e.employeeInternalId, firstName: e.firstName, lastName: e.lastName, email: e.email })),
  });
  const caPath = path.join(dir, 'hikcentral-ca.pem');
  fs.writeFileSync(caPath, hik.caPem);
  const clocks = day.timeClockReaders.map((reader) => `  - reader: "${reader.readerName}"\n    direction: ${reader.direction}`).join('\n');
  fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), `timeClocks:\n${clocks}\nmapping:\n  strategy: personCode\n`);
  const ledgerPath = path.join(dir, 'ledger.db');
  const env: Record<string, string> = {
    HIKVISION_HOST: hik.httpsUrl,
    HIK_APP_KEY,
    HIK_SECRET,
    HIK_CA_CERT: caPath,
    HUMAND_BASE_URL: humand.url,
    HUMAND_AUTH: HUMAND_KEY,
    SITE_TIMEZONE,
    DATABASE_PATH: ledgerPath,
    POLL_INITIAL_LOOKBACK: '96h',
    ADMIN_PORT: '0',
  };
  return {
    dir,
    hik,
    humand,
    humandClock,
    day,
    date,
    ledgerPath,
    env,
    entries: () => humand.state.allEntries().length,
    async close() {
      await Promise.allSettled([hik.close(), humand.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Punches the generator's ground truth says must reach Humand, all employees together. */
export function expectedPunchCount(day: GeneratedWorkingDay): number {
  return Object.values(day.expected.timelines).reduce((sum, punches) => sum + punches.length, 0);
}

/** The Humand simulator's entries per employee as `START,END,...`, to compare with the ground truth. */
export function humandTimelines(humand: HumandSimulator, day: GeneratedWorkingDay): Record<string, string> {
  const result: Record<string, string> = {};
  for (const employee of Object.keys(day.expected.timelines)) {
    result[employee] = humand.state
      .timeline(employee)
      .map((entry) => entry.type)
      .join(',');
  }
  return result;
}

export function expectedTimelines(day: GeneratedWorkingDay): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [employee, punches] of Object.entries(day.expected.timelines)) result[employee] = punches.map((p) => p.type).join(',');
  return result;
}
