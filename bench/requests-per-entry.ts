/**
 * Humand requests per delivered entry (issue #9: reading Humand's day costs rate budget; target
 * ≤ 1.05). A generated 1,000-employee working day with every behaviour of issue #9 (wrong-reader
 * taps, app entries, forgotten clock-outs and -ins, early shifts, a UTC reader, persons deleted at
 * noon) is replayed hour by hour through the App (`sync` every hour, as cron would) against the
 * HikCentral and Humand simulators over real HTTP; the app's entries and deletions happen as the
 * clock passes them. Counted on the Humand simulator: clock POSTs, time-tracking reads
 * (entries, day-summaries) and user listings, against the entries Humand holds from us.
 *
 *   npx tsx bench/requests-per-entry.ts [--employees 1000] [--seed 9] [--json] [--write]
 *
 * The rate limit is scaled (1,000 per second) so the day replays in about a minute; requests
 * per entry do not depend on it. User listings are reported apart: they depend on
 * USERS_REFRESH_INTERVAL (one full listing per interval, ⌈users/50⌉ pages), not on the decisions.
 * --write replaces the requests-per-entry section of bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { silentLogger } from '../src/logging/logger.js';
import { startHikCentralSimulator } from '../src/sim/hikcentral/index.js';
import { startHumandSimulator } from '../src/sim/humand/index.js';
import { ALL_BEHAVIOURS, generateWorkingDay } from '../src/sim/scenario/working-day.js';
import { ShiftedClock } from '../test/e2e/shifted-clock.js';
import { hasFlag, isMain, numberArg, runMain } from './bench-args.js';
import { writeResultsSection } from './results-section.js';
import { machineDescription } from './webhook-stats.js';

const ZONE = 'America/Argentina/Buenos_Aires';
const HIK_KEY = 'bench-rpe-key';
const HIK_SECRET = 'bench-rpe-secret-0123456789';
const HUMAND_KEY = 'bench-rpe-humand-key';
const HOUR = 3_600_000;
export const TARGET = 1.05;

export interface RequestsPerEntryResult {
  readonly employees: number;
  readonly events: number;
  readonly expectedEntries: number;
  readonly expectedReview: number;
  readonly appEntries: number;
  readonly deliveredEntries: number;
  readonly posts: number;
  readonly postsRefused: number;
  readonly reads: number;
  readonly userListings: number;
  readonly other: number;
  /** (POSTs + time-tracking reads) / delivered entries: the target. */
  readonly perEntry: number;
  /** Every Humand request, user listings included, / delivered entries. */
  readonly perEntryAll: number;
  /** Employees whose Humand timeline equals the ground truth. */
  readonly timelinesRight: number;
  readonly timelines: number;
  readonly seconds: number;
}

export async function measureRequestsPerEntry(options: { employees: number; seed: number }): Promise<RequestsPerEntryResult> {
  const day = generateWorkingDay({ date: '2026-01-27', timezone: ZONE, employees: options.employees, seed: options.seed, behaviours: ALL_BEHAVIOURS });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rpe-'));
  const clock = new ShiftedClock(day.window.startMs);
  const hik = await startHikCentralSimulator({ appKey: HIK_KEY, appSecret: HIK_SECRET, scenario: day.scenario, clock, authClock: clock });
  const humand = await startHumandSimulator({
    apiKey: HUMAND_KEY,
    clock,
    rateLimit: { limit: 1_000, windowMs: 1_000 },
    users: day.employees.map((e) => ({ employeeInternalId: e.employeeInternalId, firstName: e.firstName, lastName: e.lastName, email: e.email })),
  });
  const started = performance.now();
  try {
    const config = loadConfig({
      env: { DATABASE_PATH: path.join(dir, 'ledger.db'), SITE_TIMEZONE: ZONE, HUMAND_RATE_LIMIT: '1000/1s' },
      dotenv: false,
      cwd: dir,
    });
    const app = await createApp({
      config,
      logger: silentLogger(),
      overrides: {
        clock,
        rateResetMarginMs: 50,
        hik: { baseUrl: hik.httpsUrl, appKey: HIK_KEY, appSecret: HIK_SECRET, caCertPem: hik.caPem },
        humand: { baseUrl: humand.url, auth: HUMAND_KEY },
        rules: {
          timeClocks: day.timeClockReaders.map((reader) => ({
            door: null,
            reader: reader.readerIndexCode,
            mode: reader.mode ?? ('door' as const),
            direction: reader.mode === 'alternate' ? null : reader.direction,
            debounceMs: null,
            label: reader.readerName,
          })),
          settleDelayMs: 200,
        },
        poll: { intervalMs: HOUR, lookbackMs: 2 * HOUR, initialLookbackMs: 48 * HOUR },
      },
    });
    try {
      let app_ = 0;
      let deleted = 0;
      const deletions = [...day.deletions].sort((a, b) => a.atMs - b.atMs);
      for (let at = day.window.startMs + HOUR; at <= day.window.endMs + 2 * HOUR; at += HOUR) {
        clock.jumpTo(at);
        while (app_ < day.appEntries.length && day.appEntries[app_]!.time <= at) {
          const entry = day.appEntries[app_++]!;
          humand.state.addAppEntry({ employeeInternalId: entry.employeeInternalId, time: entry.isoTime, type: entry.type, source: 'APP' });
        }
        while (deleted < deletions.length && deletions[deleted]!.atMs <= at) hik.state.removePerson(deletions[deleted++]!.personId);
        await app.syncOnce();
      }
    } finally {
      await app.close();
    }
    const requests = humand.state.requests;
    const isClock = (p: string) => p.endsWith('/clockIn') || p.endsWith('/clockOut');
    const isRead = (p: string) => p.endsWith('/time-tracking/entries') || p.endsWith('/time-tracking/day-summaries');
    const posts = requests.filter((r) => r.method === 'POST' && isClock(r.path));
    const reads = requests.filter((r) => r.method === 'GET' && isRead(r.path)).length;
    const userListings = requests.filter((r) => r.method === 'GET' && r.path.includes('/users')).length;
    const delivered = humand.state.allEntries().filter((e) => e.source === 'INTEGRATION').length;
    let right = 0;
    const expectedTimelines = Object.entries(day.expected.timelines);
    for (const [employee, punches] of expectedTimelines) {
      const actual = humand.state.timeline(employee).map((e) => `${e.type} ${e.instantMs}`);
      if (JSON.stringify(actual) === JSON.stringify(punches.map((p) => `${p.type} ${p.time}`))) right++;
    }
    return {
      employees: options.employees,
      events: day.scenario.events.length,
      expectedEntries: expectedTimelines.reduce((n, [, t]) => n + t.filter((p) => p.source === undefined).length, 0),
      expectedReview: day.expected.review.length,
      appEntries: day.appEntries.length,
      deliveredEntries: delivered,
      posts: posts.length,
      postsRefused: posts.filter((r) => r.status !== 201).length,
      reads,
      userListings,
      other: requests.length - posts.length - reads - userListings,
      perEntry: delivered === 0 ? Number.NaN : (posts.length + reads) / delivered,
      perEntryAll: delivered === 0 ? Number.NaN : requests.length / delivered,
      timelinesRight: right,
      timelines: expectedTimelines.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.allSettled([hik.close(), humand.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(result: RequestsPerEntryResult): string {
  const machine = machineDescription();
  const verdict = result.perEntry <= TARGET ? 'meets' : 'misses';
  return `## Humand requests per delivered entry (bench/requests-per-entry.ts)

A generated ${result.employees.toLocaleString('en')}-employee day with every behaviour of issue #9 (${result.events.toLocaleString('en')} events, ${result.appEntries} app entries, persons deleted at noon, one reader writing UTC) replayed hour by hour through \`sync\` against both simulators. ${machine.line}

| | |
|---|---|
| entries the ground truth expects from us | ${result.expectedEntries.toLocaleString('en')} (and ${result.expectedReview} punches in review) |
| entries Humand holds from us | ${result.deliveredEntries.toLocaleString('en')} |
| clock POSTs (refused by Humand) | ${result.posts.toLocaleString('en')} (${result.postsRefused}) |
| time-tracking reads (entries, day-summaries) | ${result.reads.toLocaleString('en')} |
| user listings (pages; set by USERS_REFRESH_INTERVAL, not by decisions) | ${result.userListings.toLocaleString('en')} |
| **requests per delivered entry (POSTs + reads)** | **${result.perEntry.toFixed(3)}** — ${verdict} the target ≤ ${TARGET} |
| every request per delivered entry | ${result.perEntryAll.toFixed(3)} |
| employees whose Humand timeline equals the ground truth | ${result.timelinesRight} / ${result.timelines} |
| replay time | ${result.seconds.toFixed(0)} s |

Noticed: the count says what the decision model spends, not whether it is right — the last line
says that (the exact check is test/e2e/generated-day-behaviours.test.ts).`;
}

async function main(): Promise<void> {
  const result = await measureRequestsPerEntry({ employees: numberArg('--employees', 1_000), seed: numberArg('--seed', 9) });
  if (hasFlag('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${report(result)}\n`);
  if (hasFlag('--write')) writeResultsSection('requests-per-entry', 'bench/requests-per-entry.ts', report(result));
}

if (isMain(import.meta.url, 'requests-per-entry.ts')) runMain(main);
