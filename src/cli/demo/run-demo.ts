import { DateTime } from 'luxon';
import { HIK_CONNECTION_DEFAULTS } from '../../config/defaults.js';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../app/create-app.js';
import type { App } from '../../app/types.js';
import type { DeliveryConfig, TimeClockRule } from '../../config/types.js';
import { systemClock } from '../../domain/clock.js';
import type { Logger } from '../../logging/logger.js';
import type { PushConfig } from '../../push/config.js';
import { DEFAULT_WEBHOOK_BODY_LIMIT_BYTES, DEFAULT_WEBHOOK_PATH } from '../../push/webhook-server.js';
import { AWAITING_DELIVERY } from '../../store/punch.js';
import { HikCentralClient } from '../../hikcentral/client.js';
import type { CliIo } from '../io.js';
import { runService } from '../../service/run-service.js';
import { DEMO_DATABASE_PATH, type CliSettings } from '../settings.js';
import { DEMO_POLL_INTERVAL_MS, DEMO_RATE_LIMIT, startDemoSites, type DemoSites } from './demo-sites.js';
import { demoIncidents, playIncidents } from './demo-incidents.js';
import { DEMO_BEHAVIOURS } from './demo-behaviours.js';
import type { LiveDay } from './live-day.js';
import { startDemoDay } from './demo-start.js';
import { demoBanner } from './demo-banner.js';

export interface DemoOptions {
  readonly employees: number;
  readonly seed: number;
  /** Seconds of the working day per second of wall time. */
  readonly speed: number;
  /** The day's local time (HH:MM) at which the demo starts. */
  readonly startAt: string;
  readonly databasePath: string;
  /** How often to log a progress line (ms). */
  readonly progressEveryMs: number;
  /** One step of the incident script (demo-incidents.ts); null: no incidents. */
  readonly incidentStepMs: number | null;
}

/**
 * Retries sized to the incident script's step: a punch Humand keeps failing dies after about
 * two steps (its 4 retries wait ¼, ½, 1 and 1 step, each 50–100 %), while the punches caught in
 * the one-step outage outlive it and go out afterwards. Probes while paused: a third of a step.
 */
function demoRetries(stepMs: number | null): Partial<DeliveryConfig> {
  // Without the script (--no-incidents), the product's own retries.
  if (stepMs === null) return {};
  return { maxAttempts: 5, backoffBaseMs: Math.round(stepMs / 4), backoffMaxMs: stepMs, probeIntervalMs: Math.max(1_000, Math.round(stepMs / 3)) };
}

export const DEMO_DEFAULTS = {
  employees: 40,
  seed: 1,
  speed: 60,
  startAt: '05:45',
  databasePath: DEMO_DATABASE_PATH,
  progressEveryMs: 10_000,
  incidentStepMs: 30_000,
} as const;

/**
 * The demo: both simulators, a generated day played live, a fresh SQLite ledger, push
 * subscribed to the local receiver, the admin server with the dashboard, and the daemon —
 * until Ctrl-C / SIGTERM. No credentials needed.
 */
export async function runDemo(settings: CliSettings, io: CliIo, options: DemoOptions): Promise<void> {
  const { logger, databasePath, lock, stop, zone, day } = startDemoDay(settings, options, DEMO_BEHAVIOURS);
  const pollMs = settings.env.POLL_INTERVAL ? settings.config.poll.intervalMs : DEMO_POLL_INTERVAL_MS;
  let sites: DemoSites | null = null;
  let app: App | null = null;
  let client: HikCentralClient | null = null;
  let ticker: NodeJS.Timeout | undefined;
  let stopIncidents: () => void = () => undefined;
  try {
    sites = await startDemoSites(day, logger);
    // The third employee to clock in: the first punches of the day still go straight through.
    const unmappedId = sites.unmappedEmployee?.employeeInternalId;
    const failingId = options.incidentStepMs === null ? undefined : day.employeesByFirstPunch.filter((id) => id !== unmappedId)[2];
    const failingEmployee = day.employees.find((e) => e.employeeInternalId === failingId) ?? null;
    const hik = { baseUrl: sites.hik.httpsUrl, appKey: sites.hikAppKey, appSecret: sites.hikAppSecret, caCertPem: sites.hik.caPem };
    app = await createApp({
      // Always its own SQLite file: the demo never touches a configured ledger.
      config: { ...settings.config, databasePath, databaseUrl: null },
      logger,
      overrides: {
        siteTimezone: zone,
        hik,
        humand: { baseUrl: sites.humand.url, auth: sites.humandKey },
        rules: {
          timeClocks: day.timeClockReaders.map((reader): TimeClockRule => ({
            door: null,
            reader: reader.readerIndexCode,
            mode: 'door',
            direction: reader.direction,
            debounceMs: null,
            label: reader.readerName,
          })),
          mapping: { strategy: 'personCode', customField: null, csvFile: null, humandField: null },
          // A minute of the day passes in 60/speed seconds: scale the double-tap window with it.
          debounceMs: Math.max(2_000, Math.ceil(60_000 / options.speed)),
        },
        delivery: { assumedRateLimit: DEMO_RATE_LIMIT.limit, assumedRateWindowMs: DEMO_RATE_LIMIT.windowMs, ...demoRetries(options.incidentStepMs) },
        poll: {
          intervalMs: pollMs,
          initialLookbackMs: 6 * 3_600_000,
          doorIndexCodes: [],
          eventCodes: [],
        },
        rateResetMarginMs: 250,
      },
    });
    const running = app;
    client = HikCentralClient.fromConfig(
      { ...hik, userId: null, caCertPath: null, tlsInsecure: false, ...HIK_CONNECTION_DEFAULTS },
      { logger, timeZone: zone },
    );
    const push: PushConfig = {
      host: '127.0.0.1',
      port: 0,
      path: DEFAULT_WEBHOOK_PATH,
      token: randomBytes(24).toString('hex'),
      allowedIps: [],
      trustProxy: false,
      bodyLimitBytes: DEFAULT_WEBHOOK_BODY_LIMIT_BYTES,
      publicUrl: null,
      manageSubscription: false,
      recheckIntervalMs: 60_000,
      passBack: undefined,
      tls: null,
    };
    const demoSites = sites;
    await runService({
      app: running,
      logger,
      clock: systemClock,
      push: { config: push, client, subscribeListeningUrl: true },
      admin: { settings: settings.admin, alerts: settings.alerts, anyPortIfBusy: true },
      signal: stop.signal,
      onListening: ({ dashboardUrl, receiverUrl }) => {
        io.out(
          demoBanner({
            settings,
            options,
            day,
            sites: demoSites,
            databasePath,
            dashboardUrl,
            receiverUrl,
            zone,
            failingEmployee: failingEmployee?.employeeInternalId ?? null,
            pollMs,
          }),
        );
        logger.info({ dashboardUrl, receiverUrl, hikcentral: demoSites.hik.httpsUrl, humand: demoSites.humand.url, database: databasePath }, 'demo running');
        ticker = startProgress(running, day, logger, options.progressEveryMs, zone);
        if (options.incidentStepMs !== null) {
          const incidents = demoIncidents({
            app: running,
            humand: demoSites.humand,
            failingEmployee: failingEmployee?.employeeInternalId ?? null,
            logger,
          });
          stopIncidents = playIncidents(incidents, options.incidentStepMs, logger);
        }
      },
    });
    logger.info('demo stopped cleanly');
  } finally {
    if (ticker) clearInterval(ticker);
    stopIncidents();
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the ledger failed'));
    await client?.close().catch(() => undefined);
    await sites?.close();
    stop.dispose();
    lock.release();
  }
}

function startProgress(app: App, day: LiveDay, logger: Logger, everyMs: number, zone: string): NodeJS.Timeout {
  let announcedEnd = false;
  const timer = setInterval(() => {
    void app
      .status()
      .then((status) => {
        const now = Date.now();
        const c = status.counts;
        const waiting = AWAITING_DELIVERY.reduce((sum, outcome) => sum + c[outcome], 0);
        const fields = {
          siteClock: day.dayTimeAt(now),
          delivered: c.delivered,
          dryRun: c['dry-run'],
          waiting,
          unmapped: c.unmapped,
          rejected: c.rejected,
          notClockPunches: c.ignored,
          debounced: c.debounced + c.suppressed,
        };
        const sent = status.dryRun ? `${c['dry-run']} decided (dry run: not sent)` : `${c.delivered} delivered to Humand`;
        logger.info(
          fields,
          `demo: the working day's ${day.dayTimeAt(now)} (${DateTime.fromMillis(now, { zone }).toFormat('HH:mm')} on the site clock): ${sent}, ${waiting} waiting, ${c.unmapped} unmapped, ${c.ignored} not clock punches`,
        );
        if (!announcedEnd && now > day.endsAtMs + 30_000) {
          announcedEnd = true;
          logger.info({ expectedPunches: day.expectedPunches, timezone: zone }, 'the demo day is over; the dashboard keeps showing it. Ctrl-C to stop.');
        }
      })
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return timer;
}
