/**
 * Delivery benchmark: a backlog of clock entries against the Humand simulator, with Humand's
 * rate limit scaled in time (default 50 per 2 s instead of 50 per 60 s; the poll and users
 * refresh intervals are scaled by the same factor; the slow-answer rows use 1 s and 4 s windows). Measures how much of each rate window the
 * pipeline uses, that no request is refused (429), how long the backlog takes against the
 * shortest possible drain, and how long a live punch pushed in the middle of the drain waits.
 *
 *   npx tsx bench/delivery-throughput.ts [--backlog 800] [--live 20] [--limit 50] [--window-ms 2000] [--margin-ms 50 | --measured-margin] [--only N] [--json] [--write]
 *
 * --write replaces the delivery section of bench/RESULTS.md. Loopback only; every scenario
 * stops by itself (all delivered, or its time bound). The Humand simulator runs in the same
 * process as the App (2-core machine).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { AccessEvent } from '../src/domain/access-event.js';
import { systemClock } from '../src/domain/clock.js';
import { createApp, type App } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { silentLogger } from '../src/logging/logger.js';
import { startHumandSimulator, type HumandSimulator } from '../src/sim/humand/index.js';
import { hasFlag, isMain, numberArg, runMain } from './bench-args.js';
import { fixedWindows, minimumDrainMs } from './rate-windows.js';
import { writeResultsSection } from './results-section.js';
import { machineDescription, percentile, type LatencySummary } from './webhook-stats.js';

const ZONE = 'America/Argentina/Buenos_Aires';
const HUMAND_KEY = 'bench-delivery-humand-key';
const ENTRY_CLOCK = { readerIndexCode: '101', readerName: 'Facial Entrada', doorIndexCode: '1', doorName: 'Molinete Reloj Entrada' } as const;
/** Humand's documented window; the scaled window stands for it. */
const PRODUCTION_WINDOW_MS = 60_000;
const SETTLE_DELAY_MS = 100;
/**
 * A live punch ready this long before a window opens is surely waiting for the budget by then
 * (recorded, decided, read from the ledger by the engine: a few tens of ms here); one that became
 * ready just before may still be on its way, and the backlog's waiters rightly go first.
 */
const READY_SLACK_MS = 150;

export interface DeliveryScenario {
  readonly name: string;
  /** Punches waiting (source backfill) when delivery starts, one employee each. */
  readonly backlog: number;
  /** Punches pushed (source push) one by one while the backlog drains, one employee each. */
  readonly live: number;
  /** Injected delay before the Humand simulator answers each request. */
  readonly latencyMs: number;
  /** DELIVERY_CONCURRENCY. */
  readonly concurrency: number;
  /** This scenario's rate window, when not the run's. */
  readonly windowMs?: number;
}

export interface DeliveryLimits {
  readonly limit: number;
  readonly windowMs: number;
  /** Wait after an announced reset; covers the way from a permit to Humand here. */
  readonly marginMs: number;
  /** `--measured-margin`: no fixed margin, the budget sizes it from measured round trips as in production (`marginMs` is then only an upper bound used for waits). */
  readonly measuredMargin?: boolean;
}

export interface DeliveryResult extends Omit<DeliveryScenario, 'windowMs'>, DeliveryLimits {
  readonly delivered: number;
  /** Every punch once in Humand, none twice. */
  readonly exactlyOnce: boolean;
  readonly requests: { readonly clock: number; readonly users: number; readonly other: number; readonly total: number };
  readonly status429: number;
  readonly windows: readonly number[];
  /** Requests in the windows that held a users listing (USERS_REFRESH_INTERVAL). */
  readonly windowsWithUsersListing: readonly number[];
  /** Mean requests per full window (all but the last) as % of the limit. */
  readonly budgetUsePercent: number;
  readonly minWindow: number;
  /** First to last request at Humand. */
  readonly drainMs: number;
  readonly minimumMs: number;
  /** Live punch: ingest call → its POST reaching Humand. */
  readonly liveLatency: LatencySummary;
  /** Backfill punches not yet sent when each live punch was pushed (smallest). */
  readonly backlogAheadMin: number;
  /** Live punches sent in a window that opened after they were ready (they found the budget spent). */
  readonly liveWaitedForWindow: number;
  /** Of those, the ones already ready well before the window opened (≥ READY_SLACK_MS): surely waiting for the budget then. */
  readonly liveWaitingAtWindowOpen: number;
  /** For those, ms from their window opening to their POST (largest): live first means the window's first burst. */
  readonly liveAfterWindowOpenMaxMs: number;
  /** …and backlog requests that arrived before it in that burst (largest): sends granted in the same instant, racing on loopback. */
  readonly backfillAheadInWindowMax: number;
  /** Per live punch that waited: ms from ready to its window opening, backlog requests ahead of it there. */
  readonly liveWaits: readonly { readonly readyToWindowMs: number; readonly backfillAhead: number; readonly afterOpenMs: number }[];
  readonly cpuMsPerPunch: number;
  readonly timedOut: boolean;
}

export const DEFAULT_SCENARIOS: readonly DeliveryScenario[] = [
  { name: 'morning rush: backlog + live punches pushed mid-drain', backlog: 800, live: 20, latencyMs: 0, concurrency: 4 },
  { name: 'Humand answers in 200 ms, 4 workers (default)', backlog: 200, live: 10, latencyMs: 200, concurrency: 4, windowMs: 1_000 },
  { name: 'Humand answers in 200 ms, 8 workers', backlog: 200, live: 10, latencyMs: 200, concurrency: 8, windowMs: 1_000 },
  { name: 'Humand answers in 200 ms, 4 workers (default), window of 4 s', backlog: 200, live: 5, latencyMs: 200, concurrency: 4, windowMs: 4_000 },
];

function employeeIdOf(kind: 'B' | 'L', index: number): string {
  return `${kind}${String(index).padStart(5, '0')}`;
}

/** A clock-in at the entry time clock, as the webhook or the poller would hand it over. */
function clockInEvent(eventId: string, employeeId: string, ms: number): AccessEvent {
  const eventTime = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? '';
  return {
    eventId,
    eventCode: 196893,
    eventTime,
    personId: `p-${employeeId}`,
    personCode: employeeId,
    personName: null,
    cardNo: null,
    doorIndexCode: ENTRY_CLOCK.doorIndexCode,
    doorName: ENTRY_CLOCK.doorName,
    readerIndexCode: ENTRY_CLOCK.readerIndexCode,
    readerName: ENTRY_CLOCK.readerName,
    checkInAndOutType: 1,
    inAndOutType: 1,
    raw: { eventId, bench: true },
  };
}

const sleep = (ms: number) => systemClock.sleep(ms);

async function until(condition: () => Promise<boolean> | boolean, boundMs: number, what: string): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${boundMs} ms`);
    await sleep(20);
  }
}

function employeeOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('employeeId' in body)) return null;
  return String((body as { employeeId: unknown }).employeeId);
}

async function openApp(humand: HumandSimulator, dir: string, scenario: DeliveryScenario, limits: DeliveryLimits): Promise<App> {
  const scale = limits.windowMs / PRODUCTION_WINDOW_MS;
  const config = loadConfig({ env: { DATABASE_PATH: path.join(dir, 'ledger.db'), SITE_TIMEZONE: ZONE }, dotenv: false, cwd: dir });
  return createApp({
    config,
    logger: silentLogger(),
    overrides: {
      humand: { baseUrl: humand.url, auth: HUMAND_KEY },
      rules: {
        timeClocks: [{ door: null, reader: ENTRY_CLOCK.readerIndexCode, mode: 'door', direction: 'in', debounceMs: null, label: ENTRY_CLOCK.readerName }],
        settleDelayMs: SETTLE_DELAY_MS,
      },
      delivery: { concurrency: scenario.concurrency, assumedRateLimit: limits.limit, assumedRateWindowMs: limits.windowMs },
      // POLL_INTERVAL 60 s and USERS_REFRESH_INTERVAL 15 min, scaled like the window.
      poll: { intervalMs: Math.round(60_000 * scale), usersRefreshMs: Math.round(15 * 60_000 * scale) },
      ...(limits.measuredMargin ? {} : { rateResetMarginMs: limits.marginMs }),
    },
  });
}

export async function runDeliveryScenario(scenario: DeliveryScenario, runLimits: DeliveryLimits): Promise<DeliveryResult> {
  const windowMs = scenario.windowMs ?? runLimits.windowMs;
  const limits: DeliveryLimits = { ...runLimits, windowMs };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-delivery-'));
  const backlogIds = Array.from({ length: scenario.backlog }, (_, i) => employeeIdOf('B', i));
  const liveIds = Array.from({ length: scenario.live }, (_, i) => employeeIdOf('L', i));
  const humand = await startHumandSimulator({
    apiKey: HUMAND_KEY,
    users: [...backlogIds, ...liveIds].map((id) => ({ employeeInternalId: id, firstName: 'Bench', lastName: id })),
    rateLimit: { limit: limits.limit, windowMs: limits.windowMs },
  });
  let app: App | null = null;
  const stop = new AbortController();
  let daemon: Promise<void> = Promise.resolve();
  try {
    app = await openApp(humand, dir, scenario, limits);
    const theApp = app;
    await theApp.refreshMappings();
    // The backlog: a morning's clock-ins read by a backfill, 1–2 hours old, one employee each.
    const rushStartMs = Date.now() - 2 * 3_600_000;
    const backlog = backlogIds.map((id, i) => clockInEvent(`bf-${id}`, id, rushStartMs + Math.floor((i * 3_600_000) / Math.max(1, scenario.backlog))));
    for (let i = 0; i < backlog.length; i += 200) await theApp.ingest(backlog.slice(i, i + 200), 'backfill');
    await until(async () => (await theApp.store.countsByOutcome()).queued === scenario.backlog, 60_000, 'backlog queued');
    // Start on a fresh window: the users listing above spent part of the current one.
    await sleep(limits.windowMs + limits.marginMs);
    humand.faults.set({ slowMs: scenario.latencyMs });

    const firstRequest = humand.state.requests.length;
    const requestsSinceStart = () => humand.state.requests.slice(firstRequest);
    const clockPosts = () => requestsSinceStart().filter((r) => r.method === 'POST' && r.path.includes('/time-tracking/entries/clock'));
    const backfillPostsSoFar = () => clockPosts().filter((r) => employeeOf(r.body)?.startsWith('B')).length;
    const expected = scenario.backlog + scenario.live;
    const minimumMs = minimumDrainMs(expected, limits.limit, limits.windowMs);
    const boundMs = Math.max(30_000, 4 * minimumMs + 10_000);

    const cpuStart = process.cpuUsage();
    daemon = theApp.runDaemon({ signal: stop.signal });
    const pushedAt = new Map<string, { calledMs: number; committedMs: number; ahead: number }>();
    const pushes = (async () => {
      // Into the middle of the drain, at different points of the window.
      await sleep(Math.max(limits.windowMs, minimumMs * 0.2));
      for (const id of liveIds) {
        if (stop.signal.aborted) return;
        const ahead = scenario.backlog - backfillPostsSoFar();
        const calledMs = Date.now();
        await theApp.ingest([clockInEvent(`live-${id}`, id, calledMs)], 'push');
        pushedAt.set(id, { calledMs, committedMs: Date.now(), ahead });
        await sleep(Math.round(limits.windowMs * 0.37));
      }
    })();
    let timedOut = false;
    try {
      await until(() => clockPosts().filter((r) => r.status === 201).length >= expected, boundMs, 'all punches delivered');
    } catch {
      timedOut = true;
    }
    const cpu = process.cpuUsage(cpuStart);
    stop.abort();
    await pushes;
    await daemon;

    const requests = requestsSinceStart();
    const posts = clockPosts();
    const rateWindows = fixedWindows(requests, limits.windowMs);
    const windows = rateWindows.map((w) => w.requests.length);
    const windowsWithUsersListing = rateWindows.filter((w) => w.requests.some((r) => r.path.endsWith('/users'))).map((w) => w.requests.length);
    const full = windows.slice(0, -1);
    const liveLatencies: number[] = [];
    const liveWaits: { readyToWindowMs: number; backfillAhead: number; afterOpenMs: number }[] = [];
    for (const [id, pushed] of pushedAt) {
      const post = posts.find((r) => employeeOf(r.body) === id && r.status === 201);
      if (post === undefined) continue;
      liveLatencies.push(post.at - pushed.calledMs);
      // Ready once committed and past its settle delay (counted from its event time, whole seconds).
      const readyMs = Math.max(pushed.committedMs, Math.floor(pushed.calledMs / 1000) * 1000 + SETTLE_DELAY_MS);
      const window = rateWindows.find((w) => w.requests.includes(post));
      if (window !== undefined && window.startMs > readyMs) {
        const backfillAhead = window.requests.filter((r) => r.at <= post.at && r !== post && employeeOf(r.body)?.startsWith('B')).length;
        liveWaits.push({ readyToWindowMs: window.startMs - readyMs, backfillAhead, afterOpenMs: post.at - window.startMs });
      }
    }
    const waitingAtOpen = liveWaits.filter((w) => w.readyToWindowMs >= READY_SLACK_MS);
    const entries = humand.state.allEntries();
    const employeesWithEntry = new Set(entries.map((e) => e.employeeInternalId));
    const counts = await theApp.store.countsByOutcome();
    const users = requests.filter((r) => r.path.endsWith('/users')).length;
    return {
      ...scenario,
      ...limits,
      delivered: counts.delivered,
      exactlyOnce: entries.length === expected && employeesWithEntry.size === expected && counts.delivered === expected,
      requests: { clock: posts.length, users, other: requests.length - posts.length - users, total: requests.length },
      status429: requests.filter((r) => r.status === 429).length,
      windows,
      windowsWithUsersListing,
      budgetUsePercent: full.length === 0 ? Number.NaN : Math.round((full.reduce((a, b) => a + b, 0) / full.length / limits.limit) * 1000) / 10,
      minWindow: full.length === 0 ? Number.NaN : Math.min(...full),
      drainMs: requests.length === 0 ? 0 : requests.at(-1)!.at - requests[0]!.at,
      minimumMs: minimumDrainMs(requests.length, limits.limit, limits.windowMs),
      liveLatency: percentile(liveLatencies),
      backlogAheadMin: pushedAt.size === 0 ? 0 : Math.min(...[...pushedAt.values()].map((p) => p.ahead)),
      liveWaitedForWindow: liveWaits.length,
      liveWaitingAtWindowOpen: waitingAtOpen.length,
      liveAfterWindowOpenMaxMs: Math.max(0, ...waitingAtOpen.map((w) => w.afterOpenMs)),
      backfillAheadInWindowMax: Math.max(0, ...waitingAtOpen.map((w) => w.backfillAhead)),
      liveWaits,
      cpuMsPerPunch: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, posts.length)) * 10) / 10,
      timedOut,
    };
  } finally {
    stop.abort();
    await daemon.catch(() => undefined);
    await app?.close();
    await humand.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => (Math.round(ms / 100) / 10).toFixed(1);

export function formatDeliveryTable(results: readonly DeliveryResult[]): string {
  const rows = results.map((r) =>
    [
      r.name,
      `${r.limit} / ${r.windowMs} ms`,
      `${r.backlog} + ${r.live}`,
      r.latencyMs === 0 ? '—' : `${r.latencyMs} ms`,
      r.concurrency,
      `${r.requests.clock} / ${r.requests.users}${r.requests.other > 0 ? ` / ${r.requests.other}` : ''}`,
      r.status429,
      `${r.budgetUsePercent}% (min ${r.minWindow})`,
      `${seconds(r.drainMs)} / ${seconds(r.minimumMs)} (×${(r.drainMs / Math.max(1, r.minimumMs)).toFixed(2)})`,
      r.liveLatency.count === 0
        ? '—'
        : `${Math.round(r.liveLatency.p50)} / ${Math.round(r.liveLatency.max)} (${(r.liveLatency.max / r.windowMs).toFixed(2)} windows)`,
      r.liveLatency.count === 0 ? '—' : `${r.backlogAheadMin}`,
      r.liveLatency.count === 0
        ? '—'
        : `${r.liveWaitedForWindow} of ${r.liveLatency.count} (${r.liveWaitingAtWindowOpen} ready ≥ ${READY_SLACK_MS} ms before it opened) / ${r.liveWaitingAtWindowOpen === 0 ? '—' : `${r.liveAfterWindowOpenMaxMs} ms`}`,
      r.cpuMsPerPunch,
      r.timedOut ? 'NO (time bound hit)' : r.exactlyOnce ? 'yes' : 'NO',
    ].join(' | '),
  );
  return [
    '| scenario | rate window | punches (backlog + live) | Humand latency | workers | requests (clock / users) | 429s | requests per full window: mean as % of limit | drain / minimum s | live punch → Humand p50 / max ms | backlog still ahead of a live punch (min) | live punches that waited for the next window / their POST after it opened (max) | CPU ms per punch | each punch once in Humand |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function report(machine: ReturnType<typeof machineDescription>, limits: DeliveryLimits, results: readonly DeliveryResult[]): string {
  const rush = results[0];
  const factor = PRODUCTION_WINDOW_MS / limits.windowMs;
  const small = [...results].sort((a, b) => a.backlog - b.backlog || a.cpuMsPerPunch - b.cpuMsPerPunch)[0];
  const cpu =
    rush === undefined || small === undefined || small === rush
      ? null
      : `${rush.cpuMsPerPunch} ms with ${rush.backlog} employees waiting, ${small.cpuMsPerPunch} ms with ${small.backlog} (App and simulator in one process). What grows with the backlog is the delivery engine reading every employee's earliest awaiting punch (\`deliveryHeads()\`) on each turn of its loop, i.e. once per step; its cost follows the punches awaiting delivery (see the memory section). At Humand's real pace (one request per 1.2 s) ${rush.cpuMsPerPunch} ms per punch is about ${Math.max(1, Math.round((rush.cpuMsPerPunch / 1200) * 100))}% of a core. On a scaled window it is what limits the drain: 1000 / ${rush.cpuMsPerPunch} ≈ ${Math.round(1000 / rush.cpuMsPerPunch)} punches/s on a free core, shared here with the simulator, which is why the rush runs on a 2 s window (25 requests/s) rather than 1 s (50/s).`;
  const rushLine =
    rush === undefined
      ? ''
      : `- **Morning rush.** ${rush.backlog} entries (+${rush.live} live, +${rush.requests.users} users-listing requests) drained in ${seconds(rush.drainMs)} s against a minimum of ${seconds(rush.minimumMs)} s; at 50 / 60 s that is ${((rush.drainMs * factor) / 60_000).toFixed(1)} min against ${((rush.minimumMs * factor) / 60_000).toFixed(1)} min. The gap is the reset margin (${limits.marginMs} ms after each ${limits.windowMs} ms window here, 1 s per 60 s in production) plus the moment between a window opening and its first request. Windows below 50: ${
          rush.windows
            .slice(0, -1)
            .filter((n) => n < limits.limit)
            .join(', ') || 'none'
        }; the window${rush.windowsWithUsersListing.length === 1 ? '' : 's'} holding the users refresh had ${rush.windowsWithUsersListing.join(', ') || '—'} requests: a refresh reserves all its pages at once (${rush.requests.users} here) and, first in the queue, waits until that many are free, so the backlog cannot use the few left in that window.`;
  return [
    '## Delivery throughput under the rate limit',
    '',
    `Run: \`npx tsx bench/delivery-throughput.ts --write\` · ${machine.date} · nproc ${machine.nproc} · ${machine.cpu} · Node ${machine.node}.`,
    `Humand simulator over loopback with its rate limit scaled ×${factor}: ${limits.limit} requests per ${limits.windowMs} ms window unless a row says otherwise (fixed window per key, like Humand's 50 per 60 s); POLL_INTERVAL and USERS_REFRESH_INTERVAL scaled alike (${limits.windowMs} ms, ${(15 * limits.windowMs) / 1000} s on the ${limits.windowMs} ms window), reset margin ${limits.marginMs} ms, settle delay ${SETTLE_DELAY_MS} ms. The backlog is one clock-in per employee recorded as \`backfill\` and queued before the daemon starts; the live punches are pushed through \`App.ingest(…, 'push')\` one by one once the drain is under way. Requests are counted by the simulator itself.`,
    '',
    formatDeliveryTable(results),
    '',
    `Columns: *requests per full window* replays the simulator's windows over its own request log (all windows but the last, which holds only the remainder); *drain* is first to last request at Humand, *minimum* is (⌈requests / limit⌉ − 1) windows; *live punch → Humand* is from the \`ingest\` call to the simulator receiving its POST; *waited for the next window* counts live punches that found the current window spent (sent in a window that opened after they were committed and past their settle delay) and, for those ready at least ${READY_SLACK_MS} ms before that window opened (surely waiting for the budget by then), how long after the window opened their POST arrived (live first: in the window's first burst); *CPU* is this process (App and simulator) divided by the clock requests.`,
    '',
    '### Targets',
    '',
    '| target (production: 50 requests / 60 s) | measured | met |',
    '|---|---|---|',
    ...targetRows(results, limits),
    '',
    '### Reading these numbers',
    '',
    rushLine,
    `- **Live before backfill.** A live punch never waits behind the backlog: it joins the rate budget's queue ahead of every backfill request and goes out in the first burst of the next window that opens (the *waited for the next window* column: within a few ms of the window opening, before the rest of the backlog's 50). Its wait is at most about one window (here ${limits.windowMs} ms; in production up to ~61 s), however much backlog is left; without the priority it would wait for the backlog still ahead of it (the *backlog still ahead* column, in windows of 50).`,
    "- **Slow answers.** Each worker has one request in flight, so requests per second ≤ workers / latency (Little's law): 4 workers at 200 ms send at most 20 requests/s, 8 at most 40/s, less the time each step spends on its ledger commits. On a window of 50 per second that is at most 40% and 80% of the budget; on a window of 50 per 4 s (12.5/s needed) the default 4 workers keep every window full. On Humand's real window (50 per 60 s = 0.83 requests/s) the default 4 workers keep the budget full up to about 4.8 s per answer (4 × 60 s / 50): the slow rows on the 1 s window show the mechanism, not a production shortfall.",
    cpu === null ? '' : `- **CPU per punch.** ${cpu}`,
    "- **Why not a 1 s window for the rush.** Earlier runs of the same 800 + 20 on 50 per 1 s (2026-11-30) used 99% of the budget when the machine was quiet, 63% while other engineers' builds loaded both cores, and 75% in a run where the windows alternated 42, 12, 42, 14, … for the first 12 s. Once the pipeline cannot spend a window, the budget's window and Humand's drift apart, and on a 1 s window the `RateLimit` header cannot bring them back: its `reset` is in whole seconds, so it always says 1. On Humand's 60 s window the same header places the window end to within a second, and the budget follows it (`RateBudget.learn`). A scaled benchmark therefore needs a window several times the header's 1 s resolution and a pipeline faster than the scaled budget; 2 s with 25 requests/s is both.",
    '',
    '### Noticed (left to the owners of src/)',
    '',
    '- The Humand client opens at most 8 connections (`src/humand/transport.ts`, `connections: 8`) while DELIVERY_CONCURRENCY accepts up to 64 (and live punches may use twice the workers): above 8, extra workers hold a rate permit and queue inside the HTTP client. Harmless for the budget, but the setting promises more than it gives.',
    "- With 8 workers and live punches arriving, Node printed `MaxListenersExceededWarning: 11 abort listeners added to [AbortSignal]` (the daemon's stop signal is handed to every waiting worker and budget wait). The listeners are removed again — not a leak — but operators will read it as one in the service log.",
  ].join('\n');
}

function targetRows(results: readonly DeliveryResult[], limits: DeliveryLimits): string[] {
  const rush = results[0];
  // Slow answers with enough workers for the window: workers / latency ≥ limit / window.
  const withWorkers = results.find((r) => r.latencyMs > 0 && r.concurrency / r.latencyMs >= r.limit / r.windowMs);
  const rows: string[] = [];
  const all429 = results.reduce((sum, r) => sum + r.status429, 0);
  rows.push(`| no request refused by Humand (429) in any scenario | ${all429} | ${all429 === 0 ? 'yes' : 'no'} |`);
  if (rush) {
    rows.push(
      `| under backlog, the full windows used to ≥ 90% of the limit on average | mean ${rush.budgetUsePercent}%, lowest window ${rush.minWindow} of ${limits.limit} | ${rush.budgetUsePercent >= 90 ? 'yes' : 'no'} |`,
    );
    const ratio = rush.drainMs / Math.max(1, rush.minimumMs);
    rows.push(
      `| a backlog drains within 10% of the shortest possible time (production margin: 1 s per 60 s window ≈ 2%) | ×${ratio.toFixed(2)} on the scaled window (margin ${limits.marginMs} ms per ${limits.windowMs} ms) | ${ratio <= 1.1 ? 'yes' : 'no'} |`,
    );
    rows.push(
      `| a live punch during a backfill drain reaches Humand within one window + margin (+250 ms to record and decide it) | max ${Math.round(rush.liveLatency.max)} ms (window ${limits.windowMs} ms) | ${rush.liveLatency.max <= limits.windowMs + limits.marginMs + 250 ? 'yes' : 'no'} |`,
    );
    const waiting = results.reduce((sum, r) => sum + r.liveWaitingAtWindowOpen, 0);
    const afterOpen = Math.max(0, ...results.map((r) => r.liveAfterWindowOpenMaxMs));
    const ahead = Math.max(0, ...results.map((r) => r.backfillAheadInWindowMax));
    rows.push(
      `| a live punch waiting for the budget when a window opens goes out in that window's first burst (≤ 5 ms after it opens), not after the backlog | ${waiting} were waiting: POST at most ${afterOpen} ms after the window opened (backlog requests of the same burst arriving first: at most ${ahead}, sends granted in the same instant) | ${waiting === 0 ? '—' : afterOpen <= 5 ? 'yes' : 'no'} |`,
    );
    const once = results.filter((r) => r.exactlyOnce && !r.timedOut).length;
    rows.push(`| every punch exactly once in Humand | ${once} of ${results.length} scenarios | ${once === results.length ? 'yes' : 'no'} |`);
  }
  if (withWorkers) {
    rows.push(
      `| with slow answers (${withWorkers.latencyMs} ms) and workers / latency ≥ limit / window, the budget stays used (≥ 90%) | ${withWorkers.budgetUsePercent}% with ${withWorkers.concurrency} workers, ${withWorkers.limit} per ${withWorkers.windowMs} ms | ${withWorkers.budgetUsePercent >= 90 ? 'yes' : 'no'} |`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const measuredMargin = hasFlag('--measured-margin');
  const limits: DeliveryLimits = {
    limit: numberArg('--limit', 50),
    windowMs: numberArg('--window-ms', 2_000),
    marginMs: numberArg('--margin-ms', measuredMargin ? 1_000 : 50),
    ...(measuredMargin ? { measuredMargin } : {}),
  };
  const backlog = numberArg('--backlog', 800);
  const live = numberArg('--live', 20);
  const only = numberArg('--only', 0);
  const scenarios = DEFAULT_SCENARIOS.map((s, i) => (i === 0 ? { ...s, backlog, live } : s)).filter((_, i) => only === 0 || i === only - 1);
  const results: DeliveryResult[] = [];
  for (const scenario of scenarios) {
    const result = await runDeliveryScenario(scenario, limits);
    results.push(result);
    process.stderr.write(`done: ${scenario.name} (${seconds(result.drainMs)} s, windows ${result.windows.join(' ')})\n`);
  }
  const machine = machineDescription();
  if (hasFlag('--json')) {
    process.stdout.write(`${JSON.stringify({ machine, limits, results }, null, 2)}\n`);
    return;
  }
  const text = report(machine, limits, results);
  process.stdout.write(`${text}\n`);
  if (hasFlag('--write')) writeResultsSection('delivery', 'bench/delivery-throughput.ts', text);
}

if (isMain(import.meta.url, 'delivery-throughput.ts')) runMain(main);
