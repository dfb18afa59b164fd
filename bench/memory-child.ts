/**
 * The measuring side of bench/memory.ts: opens the App over a filled ledger and reports, as one
 * JSON line on stdout, its memory before and after opening, the time and heap of `status()`
 * and the `punches` queries, and RSS/heap while it drains deliveries. Run by memory.ts as
 *
 *   node --expose-gc --import tsx bench/memory-child.ts --db PATH --humand URL --day YYYY-MM-DD [--drain-ms 10000]
 *
 * Imports only what the App needs, so "RSS before the App" is Node, tsx and the App's modules.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { createApp, type App } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { silentLogger } from '../src/logging/logger.js';
import { isMain, numberArg, runMain, stringArg } from './bench-args.js';
import { employeeIdOf, TIME_CLOCK_READERS } from './ledger-fill.js';

export const HUMAND_KEY = 'bench-memory-humand-key';
const ZONE = 'America/Argentina/Buenos_Aires';
const MB = 1e6;

const memorySchema = z.object({ rssMb: z.number(), heapUsedMb: z.number(), heapTotalMb: z.number(), externalMb: z.number() });
type Memory = z.infer<typeof memorySchema>;

const operationSchema = z.object({
  name: z.string(),
  ms: z.number(),
  repeatMs: z.number().nullable(),
  rows: z.number().nullable(),
  heapAfterMb: z.number(),
  rssAfterMb: z.number(),
});
type Operation = z.infer<typeof operationSchema>;

export const childReportSchema = z.object({
  beforeOpen: memorySchema,
  afterOpen: memorySchema,
  operations: z.array(operationSchema),
  drain: z.object({ ms: z.number(), steps: z.number(), cpuMsPerStep: z.number(), peakRssMb: z.number(), peakHeapMb: z.number() }),
  afterGc: memorySchema,
  maxRssMb: z.number(),
});
export type ChildReport = z.infer<typeof childReportSchema>;

function memoryNow(): Memory {
  const m = process.memoryUsage();
  const round = (bytes: number) => Math.round(bytes / MB);
  return { rssMb: round(m.rss), heapUsedMb: round(m.heapUsed), heapTotalMb: round(m.heapTotal), externalMb: round(m.external) };
}

function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run the child with node --expose-gc');
  gc();
  gc();
}

export async function measureChild(dbPath: string, humandUrl: string, sampleDay: string, drainMs: number): Promise<ChildReport> {
  fullGc();
  const beforeOpen = memoryNow();
  const dir = path.dirname(dbPath);
  const config = loadConfig({ env: { DATABASE_PATH: dbPath, SITE_TIMEZONE: ZONE }, dotenv: false, cwd: dir });
  const app: App = await createApp({
    config,
    logger: silentLogger(),
    overrides: {
      humand: { baseUrl: humandUrl, auth: HUMAND_KEY },
      rules: {
        timeClocks: TIME_CLOCK_READERS.map((r) => ({
          door: null,
          reader: r.readerIndexCode,
          mode: 'door' as const,
          direction: r.direction,
          debounceMs: null,
          label: r.readerName,
        })),
        settleDelayMs: 0,
      },
    },
  });
  try {
    fullGc();
    const afterOpen = memoryNow();
    const operations: Operation[] = [];
    const measure = async (name: string, run: () => Promise<unknown>, repeat = 1): Promise<void> => {
      fullGc();
      const started = performance.now();
      const result = await run();
      const ms = performance.now() - started;
      // Read before any GC: what the call left on the heap, garbage included.
      const after = memoryNow();
      let repeatMs: number | null = null;
      if (repeat > 1) {
        const again = performance.now();
        for (let i = 1; i < repeat; i++) await run();
        repeatMs = Math.round(((performance.now() - again) / (repeat - 1)) * 10) / 10;
      }
      operations.push({
        name,
        ms: Math.round(ms * 10) / 10,
        repeatMs,
        rows: Array.isArray(result) ? result.length : null,
        heapAfterMb: after.heapUsedMb,
        rssAfterMb: after.rssMb,
      });
    };
    const employee = employeeIdOf(7);
    await measure('status()', () => app.status(), 5);
    await measure(`punches({ date: '${sampleDay}' }) — CLI punches --date (limit 1000)`, () => app.punches({ date: sampleDay }), 3);
    await measure(`punches({ employeeId: '${employee}', date }) — CLI punches --employee`, () => app.punches({ employeeId: employee, date: sampleDay }), 3);
    await measure("punches({ order: 'desc', limit: 200 }) — dashboard explorer, newest first", () => app.punches({ order: 'desc', limit: 200 }), 3);
    await measure(
      `punches({ employeeId: '${employee}', order: 'desc', limit: 200 }) — dashboard explorer, one employee`,
      () => app.punches({ employeeId: employee, order: 'desc', limit: 200 }),
      3,
    );
    await measure("punches({ outcome: 'unmapped', limit: 1000 }) — dashboard problems", () => app.punches({ outcome: 'unmapped', limit: 1000 }), 3);
    await measure('deadLetters.list()', () => app.deadLetters.list(), 3);
    await measure(`store.countsByOutcome('${sampleDay}') — dashboard day counts`, () => app.store.countsByOutcome(sampleDay), 3);
    await measure('syncOnce({ skipPoll, deliverForMs: 0 }) — a pass without a poll: re-decides every parked punch, starts and stops delivery', () =>
      app.syncOnce({ skipPoll: true, deliverForMs: 0 }),
    );

    fullGc();
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const sampler = setInterval(sample, 10);
    const cpuStart = process.cpuUsage();
    const drainStarted = performance.now();
    const drained = await app.deliverPending({ deliverForMs: drainMs });
    const drainTook = performance.now() - drainStarted;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    sample();
    fullGc();
    const afterGc = memoryNow();
    return {
      beforeOpen,
      afterOpen,
      operations,
      drain: {
        ms: Math.round(drainTook),
        steps: drained.steps,
        cpuMsPerStep: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, drained.steps)) * 10) / 10,
        peakRssMb: Math.round(peakRss / MB),
        peakHeapMb: Math.round(peakHeap / MB),
      },
      afterGc,
      maxRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const dbPath = stringArg('--db');
  const humandUrl = stringArg('--humand');
  const day = stringArg('--day');
  if (dbPath === null || humandUrl === null || day === null) throw new Error('memory-child needs --db, --humand and --day');
  const result = await measureChild(dbPath, humandUrl, day, numberArg('--drain-ms', 10_000));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (isMain(import.meta.url, 'memory-child.ts')) runMain(main);
