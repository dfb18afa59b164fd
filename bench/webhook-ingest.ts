/**
 * Webhook ingest benchmark: how many pushed events per second the receiver commits durably
 * (SQLite, synchronous=FULL), and how long HikCentral waits for its 200 (p50/p99).
 *
 *   npx tsx bench/webhook-ingest.ts [--events 6000] [--seconds 20] [--json]
 *
 * Loopback only, bounded in event count and in time per scenario. The load generator runs in the
 * same process as the receiver (2-core machine): the numbers are a floor, not a ceiling.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { eventTimeMillis } from '../src/hikcentral/door-event-record.js';
import { silentLogger } from '../src/logging/logger.js';
import type { PushIngest } from '../src/push/ports.js';
import { startWebhookServer } from '../src/push/webhook-server.js';
import { SqliteLedgerStore } from '../src/store/index.js';
import { machineDescription, percentile, type LatencySummary } from './webhook-stats.js';

const TOKEN = 'bench-token-0123456789abcdef';

export interface IngestScenario {
  readonly name: string;
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
  { name: 'one event per push, sequential', batch: 1, concurrency: 1 },
  { name: 'one event per push, 8 in flight', batch: 1, concurrency: 8 },
  { name: '20-event batches (simulator default), sequential', batch: 20, concurrency: 1 },
  { name: '20-event batches, 4 in flight', batch: 20, concurrency: 4 },
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
    data: { personId: String(1000 + (sequence % 500)), personCode: `E${sequence % 500}`, personName: 'Bench Person', cardNo: '', checkInAndOutType: 1, readerIndexCode: '101', readerName: 'Facial Entrada', picUri: '' },
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
  const store = SqliteLedgerStore.open({ path: path.join(dir, 'ledger.sqlite'), synchronous: 'FULL' });
  const receiver = await startWebhookServer({ port: 0, token: TOKEN, logger: silentLogger(), ingest: ledgerIngest(store) });
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
      const body = JSON.stringify({ method: 'OnEventNotify', params: { ability: 'event_acs', sendTime: new Date().toISOString(), events: Array.from({ length: scenario.batch }, () => pushedEvent(baseMs)) } });
      const t0 = performance.now();
      const response = await pool.request({ path: origin.pathname, method: 'POST', headers: { 'content-type': 'application/json;charset=UTF-8', token: TOKEN }, body });
      await response.body.dump();
      latencies.push(performance.now() - t0);
      if (response.statusCode !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: scenario.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  await receiver.close();
  const counts = await store.countsByOutcome();
  const committed = Object.values(counts).reduce((sum, n) => sum + n, 0);
  await store.close();
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
  const rows = results.map((r) => `| ${r.name} | ${r.batch} | ${r.concurrency} | ${r.events} | ${r.eventsPerSecond} | ${r.requestsPerSecond} | ${r.ack.p50} | ${r.ack.p99} | ${r.ack.max} | ${r.committed === r.events ? 'yes' : `NO (${r.committed})`} |`);
  return [
    '| scenario | events/push | in flight | events | events/s committed | pushes/s | 200 p50 ms | 200 p99 ms | max ms | all in ledger |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const limits = { events: argValue('--events', 6000), seconds: argValue('--seconds', 20) };
  const results: IngestResult[] = [];
  for (const scenario of DEFAULT_SCENARIOS) {
    results.push(await runIngestScenario(scenario, limits));
    process.stderr.write(`done: ${scenario.name}\n`);
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ machine: machineDescription(), limits, results }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${machineDescription().line}\n\n${formatIngestTable(results)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('webhook-ingest.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
