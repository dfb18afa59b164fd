/**
 * Webhook benchmark: how many pushed events per second the receiver commits durably (SQLite,
 * synchronous=FULL), how long HikCentral waits for its 200 (p50/p99), and the end-to-end latency
 * from a push to the Humand request when the rate budget is free (see webhook-e2e.ts).
 *
 *   npx tsx bench/webhook-ingest.ts [--events 4000] [--seconds 15] [--punches 60] [--json] [--write]
 *
 * --write replaces the push section of bench/RESULTS.md. Loopback only, bounded in event count
 * and in time per scenario. The load generator runs in the same process as the receiver
 * (2-core machine): the numbers are a floor, not a ceiling.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { eventTimeMillis } from '../src/hikcentral/door-event-record.js';
import { silentLogger } from '../src/logging/logger.js';
import type { PushIngest } from '../src/push/ports.js';
import { createApp, type App } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { startWebhookServer } from '../src/push/webhook-server.js';
import { SqliteLedgerStore } from '../src/store/index.js';
import { formatE2eTable, runE2eScenario, type E2eResult } from './webhook-e2e.js';
import { machineDescription, percentile, type LatencySummary } from './webhook-stats.js';

const TOKEN = 'bench-token-0123456789abcdef';

/** `app`: App.ingest, what `run` wires (ledger + bookkeeping). `store`: the ledger's ingest alone. */
export type IngestPath = 'app' | 'store';

export interface IngestScenario {
  readonly name: string;
  readonly path: IngestPath;
  /** Events per POST. */
  readonly batch: number;
  /** POSTs in flight at once. */
  readonly concurrency: number;
}

export interface IngestResult extends IngestScenario {
  readonly events: number;
  readonly requests: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly requestsPerSecond: number;
  readonly ack: LatencySummary;
  /** Punches found in the ledger afterwards (must equal events). */
  readonly committed: number;
}

export const DEFAULT_SCENARIOS: readonly IngestScenario[] = [
  { name: 'one event per push, sequential', path: 'app', batch: 1, concurrency: 1 },
  { name: 'one event per push, 8 in flight', path: 'app', batch: 1, concurrency: 8 },
  { name: '20-event batches (simulator default), sequential', path: 'app', batch: 20, concurrency: 1 },
  { name: '20-event batches, 4 in flight', path: 'app', batch: 20, concurrency: 4 },
  { name: 'one event per push, sequential — ledger ingest alone', path: 'store', batch: 1, concurrency: 1 },
  { name: '20-event batches, sequential — ledger ingest alone', path: 'store', batch: 20, concurrency: 1 },
];

let sequence = 0;

/** A distinct access event (distinct person/second/door, so nothing collapses). */
function pushedEvent(baseMs: number): Record<string, unknown> {
  sequence++;
  const happen = new Date(baseMs + sequence * 1000).toISOString().replace('Z', '+00:00');
  return {
    eventId: `bench-${sequence}`,
    eventType: 196893,
    happenTime: happen,
    srcIndex: String(1 + (sequence % 7)),
    srcName: 'Facial Entrada',
    srcType: 'door',
    status: 0,
    timeout: 0,
    data: {
      personId: String(1000 + (sequence % 500)),
      personCode: `E${sequence % 500}`,
      personName: 'Bench Person',
      cardNo: '',
      checkInAndOutType: 1,
      readerIndexCode: '101',
      readerName: 'Facial Entrada',
      picUri: '',
    },
  };
}

function ledgerIngest(store: SqliteLedgerStore): PushIngest {
  return async (events, source) => {
    const items = events.map((event) => ({ event, eventMs: eventTimeMillis(event.eventTime, 'UTC'), utcOffsetMinutes: null }));
    const result = await store.ingest(items, source, Date.now());
    return { inserted: result.newPunchIds.length, duplicates: result.duplicates };
  };
}

export async function runIngestScenario(scenario: IngestScenario, limits: { events: number; seconds: number }): Promise<IngestResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-webhook-'));
  const databasePath = path.join(dir, 'ledger.sqlite');
  let app: App | null = null;
  let store: SqliteLedgerStore | null = null;
  let ingest: PushIngest;
  if (scenario.path === 'app') {
    // Neither HikCentral nor Humand configured: ingest only, nothing decided or delivered.
    const config = loadConfig({ env: { DATABASE_PATH: databasePath, SITE_TIMEZONE: 'UTC' }, dotenv: false, cwd: dir });
    const theApp = await createApp({ config, logger: silentLogger() });
    app = theApp;
    ingest = (events, source) => theApp.ingest(events, source);
  } else {
    store = SqliteLedgerStore.open({ path: databasePath, synchronous: 'FULL' });
    ingest = ledgerIngest(store);
  }
  const ledger = app?.store ?? store;
  if (ledger === null) throw new Error('no ledger');
  const receiver = await startWebhookServer({ port: 0, token: TOKEN, logger: silentLogger(), ingest });
  const origin = new URL(receiver.url);
  const pool = new Pool(origin.origin, { connections: scenario.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const baseMs = Date.UTC(2026, 0, 27, 8);
  const deadline = performance.now() + limits.seconds * 1000;
  let sent = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent + scenario.batch <= limits.events && performance.now() < deadline) {
      sent += scenario.batch;
      const body = JSON.stringify({
        method: 'OnEventNotify',
        params: { ability: 'event_acs', sendTime: new Date().toISOString(), events: Array.from({ length: scenario.batch }, () => pushedEvent(baseMs)) },
      });
      const t0 = performance.now();
      const response = await pool.request({
        path: origin.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=UTF-8', token: TOKEN },
        body,
      });
      await response.body.dump();
      latencies.push(performance.now() - t0);
      if (response.statusCode !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: scenario.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  await receiver.close();
  const counts = await ledger.countsByOutcome();
  const committed = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (app) await app.close();
  else await ledger.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (failures > 0) throw new Error(`${failures} pushes were not answered 200`);
  const events = latencies.length * scenario.batch;
  return {
    ...scenario,
    events,
    requests: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    eventsPerSecond: Math.round(events / seconds),
    requestsPerSecond: Math.round(latencies.length / seconds),
    ack: percentile(latencies),
    committed,
  };
}

export function formatIngestTable(results: readonly IngestResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.path === 'app' ? 'App.ingest' : 'ledger only'} | ${r.batch} | ${r.concurrency} | ${r.events} | ${r.eventsPerSecond} | ${r.requestsPerSecond} | ${r.ack.p50} | ${r.ack.p99} | ${r.ack.max} | ${r.committed === r.events ? 'yes' : `NO (${r.committed})`} |`,
  );
  return [
    '| scenario | ingest | events/push | in flight | events | events/s committed | pushes/s | 200 p50 ms | 200 p99 ms | max ms | all in ledger |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const RESULTS_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'RESULTS.md');
const BEGIN = '<!-- push:begin (written by bench/webhook-ingest.ts --write) -->';
const END = '<!-- push:end -->';

/** Replaces (or appends) the push section of RESULTS.md, leaving the other sections alone. */
function writeResults(section: string): void {
  const current = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, 'utf8') : '# Benchmark results\n';
  const block = `${BEGIN}\n${section.trim()}\n${END}`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? `${current.slice(0, start)}${block}${current.slice(end + END.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(RESULTS_FILE, next);
}

function report(
  machine: ReturnType<typeof machineDescription>,
  limits: { events: number; seconds: number },
  ingest: readonly IngestResult[],
  e2e: readonly E2eResult[],
): string {
  return [
    '## Push mode (webhook receiver)',
    '',
    `Run: \`npx tsx bench/webhook-ingest.ts --write\` · ${machine.date} · nproc ${machine.nproc} · ${machine.cpu} · Node ${machine.node}.`,
    `Loopback; load generator in the same process as the receiver; SQLite WAL with synchronous=FULL (every 200 is an fsynced commit); at most ${limits.events} events or ${limits.seconds} s per row.`,
    '',
    '### Ingest: events committed per second and the latency of the 200',
    '',
    formatIngestTable(ingest),
    '',
    '### End to end: push → Humand request, rate budget free',
    '',
    'One event per push for a different employee each (no per-employee ordering wait), App with the daemon delivering, simulated Humand allowing 10 000 requests/s.',
    '',
    formatE2eTable(e2e),
    '',
    '### Reading these numbers',
    '',
    "- Every 200 waits for an fsynced commit, so single-event pushes are bounded by the disk's fsync latency. On this shared machine it varies between runs (one-event pushes measured between about 100 and 870 events/s across runs on the same day, while other engineers' tests ran). Batches amortise the fsync: HikCentral sends several events per POST when it has them.",
    '- Pushes in flight cannot commit in parallel: better-sqlite3 commits synchronously on the event loop, so concurrent pushes take turns. More in flight mainly lengthens the wait for each 200 (compare p50/p99 with the sequential rows). That is the intended trade: no 200 before the commit.',
    '- `App.ingest` commits once per push, like the ledger alone: the bookkeeping (last push, last new event) is written in the ingest\'s own transaction. Until core round 2 it took two more commits of its own; see "App.ingest: one commit per push" below this section in RESULTS.md for the before/after numbers.',
    '- For scale: the real site produced 772 events in about 93 minutes (~0.14/s). That is several hundred times below the slowest row.',
    "- End to end, the settle delay (default 5 s) counts from the event's own time, so a push that arrives a few hundred ms after the event waits a little less than 5 s. Beyond it, the pipeline adds the last column: the ledger commit, evaluation, the delivery engine waking and the HTTP request.",
  ].join('\n');
}

async function main(): Promise<void> {
  const limits = { events: argValue('--events', 4000), seconds: argValue('--seconds', 15) };
  const punches = argValue('--punches', 60);
  const ingest: IngestResult[] = [];
  for (const scenario of DEFAULT_SCENARIOS) {
    ingest.push(await runIngestScenario(scenario, limits));
    process.stderr.write(`done: ${scenario.name}\n`);
  }
  const e2e: E2eResult[] = [];
  for (const settleDelayMs of [5_000, 0]) {
    e2e.push(await runE2eScenario({ punches, settleDelayMs, spacingMs: 50, timeoutMs: 60_000 }));
    process.stderr.write(`done: end to end, settle ${settleDelayMs} ms\n`);
  }
  const machine = machineDescription();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ machine, limits, ingest, e2e }, null, 2)}\n`);
    return;
  }
  const text = report(machine, limits, ingest, e2e);
  process.stdout.write(`${text}\n`);
  if (process.argv.includes('--write')) writeResults(text);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('webhook-ingest.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
