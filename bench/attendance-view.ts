/**
 * The attendance view over a large ledger: 2,000 employees, a 31-day range, a ledger of
 * 1,000,000 punches (filled once through the store, as memory.ts does). Measures the requests
 * the page and its exports make, over HTTP against the admin server on the real ledger file:
 * the first page of the month, a later page, a name search, the punch explorer's page with its
 * count, the clock-punch chart, and the month's Excel export. Target: a page under 1 s.
 *
 *   npx tsx bench/attendance-view.ts [--punches 1000000] [--repeat 3] [--keep /tmp/ledger.db] [--write]
 *
 * --keep reuses (or leaves) the filled ledger at that path, so a second run skips the fill.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { silentLogger } from '../src/logging/logger.js';
import { startAdminServer } from '../src/ops/admin-server.js';
import { ledgerDataSource } from '../src/ops/ledger-data-source.js';
import { createOpsMetrics } from '../src/ops/metrics.js';
import { SqliteLedgerStore } from '../src/store/index.js';
import { hasFlag, isMain, numberArg, runMain, stringArg } from './bench-args.js';
import { fillLedger, ledgerFileMb } from './ledger-fill.js';
import { writeResultsSection } from './results-section.js';
import { machineDescription } from './webhook-stats.js';

const EMPLOYEES = 2_000;
const FROM = '2026-01-01';
const TO = '2026-01-31';

interface Measure {
  readonly name: string;
  readonly path: string;
  readonly ms: number[];
  /** CPU time of this process (server and client) per request: what the machine's load does not inflate. */
  readonly cpuMs: number[];
  readonly bytes: number;
  readonly note: string;
}

async function main(): Promise<void> {
  const punches = numberArg('--punches', 1_000_000);
  const repeat = numberArg('--repeat', 3);
  const kept = stringArg('--keep');
  const dir = kept ? path.dirname(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-attendance-'));
  const dbPath = kept ?? path.join(dir, 'ledger.db');
  let fillNote = 'reused';
  if (!fs.existsSync(dbPath)) {
    const fill = await fillLedger(dbPath, { punches, awaiting: 20_000, employees: EMPLOYEES });
    fillNote = `${fill.punches.toLocaleString('en')} punches filled in ${(fill.ms / 1000).toFixed(0)} s (${JSON.stringify(fill.byOutcome)})`;
  }
  process.stderr.write(`ledger ${dbPath}: ${ledgerFileMb(dbPath)} MB, ${fillNote}\n`);

  const store = SqliteLedgerStore.open({ path: dbPath });
  if (fillNote === 'reused') {
    const counts = Object.fromEntries(Object.entries(await store.countsByOutcome()).filter(([, n]) => n > 0));
    fillNote = `${Object.values(counts)
      .reduce((a, b) => a + b, 0)
      .toLocaleString('en')} punches, filled by an earlier run (${JSON.stringify(counts)})`;
  }
  const clock = { now: () => Date.parse('2026-02-01T12:00:00-03:00'), sleep: async () => undefined };
  const data = ledgerDataSource({
    store,
    timezone: 'America/Argentina/Buenos_Aires',
    clock,
    runtime: () => {
      throw new Error('unused');
    },
    redrive: async () => 0,
    mappingCoverage: async () => {
      throw new Error('unused');
    },
  });
  const server = await startAdminServer({ port: 0, data, metrics: createOpsMetrics({ processMetrics: false }), logger: silentLogger(), clock });
  const month = `from=${FROM}&to=${TO}`;
  const plan: [string, string, string][] = [
    ['attendance, month, page 1 (50 employees × 31 days)', `/api/attendance?${month}&limit=50`, 'what HR opens'],
    ['attendance, month, page 40 (employees 1,951–2,000)', `/api/attendance?${month}&limit=50&offset=1950`, ''],
    ['attendance, month, 500 employees on one page', `/api/attendance?${month}&limit=500`, 'the largest page the API gives'],
    ['attendance, month, name search "e00123"', `/api/attendance?${month}&employee=e00123`, 'directory search, then one employee'],
    ['attendance, one week, page 1', '/api/attendance?from=2026-01-12&to=2026-01-18&limit=50', ''],
    ['punch explorer, month, time clocks only, page 1 + total', `/api/punches?${month}&timeClocksOnly=1&limit=200`, 'count of the range + newest 200'],
    ['punch explorer, no filter, page 1 + total', '/api/punches?limit=200', 'count of the whole ledger'],
    ['clock punches per hour, one day', '/api/hourly?date=2026-01-15', ''],
    ['Excel export, month, every employee', `/api/export/attendance?${month}&format=xlsx&lang=es`, 'every employee-day of the month'],
    ['CSV export, month, every employee', `/api/export/attendance?${month}&format=csv&lang=es`, ''],
  ];
  const measures: Measure[] = [];
  try {
    for (const [name, requestPath, note] of plan) {
      const ms: number[] = [];
      const cpuMs: number[] = [];
      let bytes = 0;
      const times = requestPath.includes('/export/') ? 1 : repeat;
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const response = await request(`${server.url}${requestPath}`);
        const body = Buffer.from(await response.body.arrayBuffer());
        if (response.statusCode !== 200) throw new Error(`${requestPath}: HTTP ${response.statusCode} ${body.toString('utf8').slice(0, 200)}`);
        ms.push(Math.round(performance.now() - started));
        const used = process.cpuUsage(cpu);
        cpuMs.push(Math.round((used.user + used.system) / 1000));
        bytes = body.length;
      }
      measures.push({ name, path: requestPath, ms, cpuMs, bytes, note });
      process.stderr.write(`${name}: ${ms.join(', ')} ms (CPU ${cpuMs.join(', ')} ms), ${Math.round(bytes / 1000)} kB\n`);
    }
  } finally {
    await server.close();
    await store.close();
    if (!kept) fs.rmSync(dir, { recursive: true, force: true });
  }

  const rows = measures.map(
    (m) => `| ${m.name} | ${m.ms.join(' / ')} | ${m.cpuMs.join(' / ')} | ${Math.round(m.bytes / 1000).toLocaleString('en')} kB | ${m.note} |`,
  );
  const page = measures[0]!;
  const best = Math.min(...page.ms);
  const cpuBest = Math.min(...page.cpuMs);
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  const body = `## Attendance view (2,000 employees × 31 days, ${punches.toLocaleString('en')}-punch ledger)

Run: \`npx tsx bench/attendance-view.ts --write\` (three to four minutes on 2 cores, most of it filling the ledger; \`--keep /tmp/att.db\` keeps the file for a second run) · last run ${machineDescription().line} · load average at the end ${load} (the machine is shared: wall times move with it, CPU times much less).
The ledger is filled as in the memory benchmark (ledger-fill.ts: 50,000 events a day of a 2,000-employee site, 90% at doors that are not time clocks, ${EMPLOYEES.toLocaleString('en')} employees); at 1,000,000 punches that is 20 days of history plus a 20,000-punch backlog, so the 31-day range ${FROM} … ${TO} holds every punch of the ledger (${fillNote}). The history's clock punches fall on 200 of the employees (ledger-fill's pattern), the backlog's on all 2,000, so every one of the 2,000 has a row; 200 contractors add rows of unmapped punches. Requests go over HTTP to the admin server on the SQLite file (synchronous=FULL, as in production); times are each request's round trip, first and repeats.

| request | wall ms (first / repeats) | CPU ms | answer | note |
|---|---|---|---|---|
${rows.join('\n')}

Target: the attendance page (50 employees × 31 days) answers in under 1 s — best ${best} ms wall, ${cpuBest} ms CPU (${best < 1000 ? 'met' : cpuBest < 1000 ? 'met in CPU time; the wall time here includes waiting for a loaded machine' : 'NOT met'}).

Noticed:
- **Where a page's time goes**: listing who has clock punches in the range (one grouped read over the range's non-\`ignored\` punches, by the (outcome, event_ms) index) and reading the page's punches; naming the rest is small. Both grow with the range's clock punches, not with the \`ignored\` door traffic, which the range reads no longer touch (they did: the first run of this benchmark, with \`NOT IN ('ignored')\` and no instant bounds, took 1.2–2.1 s a page).
- **Exports are not pages**: the month's Excel for every employee takes seconds (the whole month's clock punches are read and written as one workbook); they are a download, not a page, and are capped at 200,000 rows with a plain refusal above that.`;
  process.stdout.write(`${body}\n`);
  if (hasFlag('--write')) writeResultsSection('attendance-view', 'bench/attendance-view.ts', body);
}

if (isMain(import.meta.url, 'attendance-view.ts')) runMain(main);
