/**
 * End-to-end latency of push mode with the rate budget free: from the moment HikCentral POSTs
 * an access event to our receiver until Humand receives the clock-in request for it. Real
 * App (ledger, decisions, delivery), simulated HikCentral (persons) and Humand over loopback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { request } from 'undici';
import { createApp } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { silentLogger } from '../src/logging/logger.js';
import { startWebhookServer } from '../src/push/webhook-server.js';
import { startHikCentralSimulator } from '../src/sim/hikcentral/index.js';
import { startHumandSimulator } from '../src/sim/humand/index.js';
import { generateWorkingDay } from '../src/sim/scenario/index.js';
import { percentile, type LatencySummary } from './webhook-stats.js';

const TOKEN = 'bench-e2e-token-0123456789abcdef';
const HIK_KEY = 'bench-key';
const HIK_SECRET = 'bench-secret-0123456789';
const HUMAND_KEY = 'bench-humand-key';
const ZONE = 'America/Argentina/Buenos_Aires';
const CLOCK_IN_PATH = '/time-tracking/entries/clockIn';

export interface E2eResult {
  readonly settleDelayMs: number;
  readonly punches: number;
  /** POST sent → its 200 received. */
  readonly ack: LatencySummary;
  /** POST sent → Humand received the clock-in request. */
  readonly pushToHumand: LatencySummary;
  /** pushToHumand minus the settle delay: what the pipeline itself costs. */
  readonly overSettle: LatencySummary;
}

export async function runE2eScenario(options: { punches: number; settleDelayMs: number; spacingMs: number; timeoutMs: number }): Promise<E2eResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-webhook-e2e-'));
  const day = generateWorkingDay({
    date: DateTime.now().setZone(ZONE).toISODate() ?? '2026-01-27',
    timezone: ZONE,
    employees: options.punches,
    seed: 3,
    lateDevices: false,
  });
  const hik = await startHikCentralSimulator({ appKey: HIK_KEY, appSecret: HIK_SECRET, scenario: { ...day.scenario, events: [] } });
  const humand = await startHumandSimulator({
    apiKey: HUMAND_KEY,
    users: day.employees.map((e) => ({ employeeInternalId: e.employeeInternalId, firstName: e.firstName, lastName: e.lastName, email: e.email })),
    // Budget free: far more than the punches sent.
    rateLimit: { limit: 10_000, windowMs: 1_000 },
  });
  const base = loadConfig({ env: { DATABASE_PATH: path.join(dir, 'ledger.db'), SITE_TIMEZONE: ZONE }, dotenv: false, cwd: dir });
  const entry = day.timeClockReaders.find((reader) => reader.direction === 'in');
  if (!entry) throw new Error('the generated site has no entry time clock');
  const app = await createApp({
    config: base,
    logger: silentLogger(),
    overrides: {
      hik: { baseUrl: hik.httpsUrl, appKey: HIK_KEY, appSecret: HIK_SECRET, caCertPem: hik.caPem },
      humand: { baseUrl: humand.url, auth: HUMAND_KEY },
      rules: {
        timeClocks: day.timeClockReaders.map((reader) => ({
          door: null,
          reader: reader.readerIndexCode,
          mode: 'door' as const,
          direction: reader.direction,
          debounceMs: null,
          label: reader.readerName,
        })),
        settleDelayMs: options.settleDelayMs,
      },
      poll: { intervalMs: 3_600_000 },
    },
  });
  const stop = new AbortController();
  let firstPass: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (firstPass = resolve));
  const daemon = app.runDaemon({ signal: stop.signal, onPass: () => firstPass() });
  await ready;
  const receiver = await startWebhookServer({ port: 0, token: TOKEN, logger: silentLogger(), ingest: (events, source) => app.ingest(events, source) });

  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  try {
    const sends: Promise<void>[] = [];
    for (const [index, employee] of day.employees.entries()) {
      const person = day.scenario.persons.find((p) => p.personId === employee.personId);
      const now = Date.now();
      const body = JSON.stringify({
        method: 'OnEventNotify',
        params: {
          ability: 'event_acs',
          sendTime: DateTime.fromMillis(now, { zone: ZONE }).toISO(),
          events: [
            {
              eventId: `e2e-${index}`,
              eventType: 196893,
              happenTime: DateTime.fromMillis(Math.floor(now / 1000) * 1000, { zone: ZONE }).toISO({ suppressMilliseconds: true }),
              srcIndex: entry.doorIndexCode,
              srcName: entry.doorName,
              srcType: 'door',
              status: 0,
              timeout: 0,
              data: {
                personId: employee.personId,
                personCode: person?.personCode ?? '',
                personName: '',
                cardNo: '',
                checkInAndOutType: 1,
                readerIndexCode: entry.readerIndexCode,
                readerName: entry.readerName,
                picUri: '',
              },
            },
          ],
        },
      });
      sentAt.set(employee.employeeInternalId, now);
      const t0 = performance.now();
      sends.push(
        request(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', token: TOKEN }, body }).then(async (response) => {
          await response.body.dump();
          if (response.statusCode !== 200) throw new Error(`push answered ${response.statusCode}`);
          acks.push(performance.now() - t0);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, options.spacingMs));
    }
    await Promise.all(sends);
    const deadline = Date.now() + options.timeoutMs;
    const clockIns = () => humand.state.requests.filter((r) => r.method === 'POST' && r.path.endsWith(CLOCK_IN_PATH));
    while (clockIns().length < options.punches) {
      if (Date.now() > deadline) throw new Error(`only ${clockIns().length} of ${options.punches} clock-ins reached Humand in ${options.timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const latencies: number[] = [];
    for (const record of clockIns()) {
      const employeeId = String((record.body as { employeeId?: unknown }).employeeId);
      const sent = sentAt.get(employeeId);
      if (sent !== undefined) latencies.push(record.at - sent);
    }
    return {
      settleDelayMs: options.settleDelayMs,
      punches: latencies.length,
      ack: percentile(acks),
      pushToHumand: percentile(latencies),
      overSettle: percentile(latencies.map((ms) => ms - options.settleDelayMs)),
    };
  } finally {
    await receiver.close();
    stop.abort();
    await daemon;
    await app.close();
    await Promise.allSettled([hik.close(), humand.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatE2eTable(results: readonly E2eResult[]): string {
  return [
    '| settle delay | punches | 200 p50 ms | 200 p99 ms | push → Humand p50 ms | p99 ms | max ms | minus settle delay p50 / p99 ms |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.settleDelayMs} ms | ${r.punches} | ${r.ack.p50} | ${r.ack.p99} | ${r.pushToHumand.p50} | ${r.pushToHumand.p99} | ${r.pushToHumand.max} | ${r.overSettle.p50} / ${r.overSettle.p99} |`,
    ),
  ].join('\n');
}
