import { randomBytes } from 'node:crypto';
import { createApp } from '../../app/create-app.js';
import type { App } from '../../app/types.js';
import { isapiTimeClocks, type IsapiConfig } from '../../config/isapi.js';
import { systemClock } from '../../domain/clock.js';
import { IsapiClient } from '../../isapi/client.js';
import { configureHttpHost } from '../../isapi/http-host.js';
import { startIsapiReceiver, type IsapiReceiver } from '../../isapi/push/receiver.js';
import { startHumandSimulator, type HumandSimulator } from '../../sim/humand/index.js';
import { SITE_TERMINALS } from '../../sim/isapi/from-scenario.js';
import { startSiteTerminals, type SiteTerminals } from '../../sim/isapi/site-terminals.js';
import type { CliIo } from '../io.js';
import { runService } from '../../service/run-service.js';
import type { CliSettings } from '../settings.js';
import { DEMO_POLL_INTERVAL_MS, DEMO_RATE_LIMIT } from './demo-sites.js';
import { terminalDemoBanner } from './demo-banner.js';
import { startDemoDay } from './demo-start.js';
import type { DemoOptions } from './run-demo.js';

/**
 * `demo --source isapi`: the generated day on three simulated Hikvision terminals (no
 * HikCentral) played live, each pushing its events to the terminal receiver as they happen and
 * polled every 15 s, into a fresh SQLite ledger and a simulated Humand, with the dashboard.
 */
export async function runIsapiDemo(settings: CliSettings, io: CliIo, options: DemoOptions): Promise<void> {
  const { logger, databasePath, lock, stop, zone, day } = startDemoDay(settings, options);
  let site: SiteTerminals | null = null;
  let humand: HumandSimulator | null = null;
  let app: App | null = null;
  let receiver: IsapiReceiver | null = null;
  let pusher: NodeJS.Timeout | undefined;
  try {
    const password = randomBytes(12).toString('hex');
    site = await startSiteTerminals({
      scenario: day.scenario,
      timeClockReaders: day.timeClockReaders,
      layout: SITE_TERMINALS,
      clock: systemClock,
      timezone: zone,
      user: 'demo',
      password,
    });
    const humandKey = randomBytes(16).toString('hex');
    humand = await startHumandSimulator({
      apiKey: humandKey,
      users: day.employees.map((e) => ({ employeeInternalId: e.employeeInternalId, firstName: e.firstName, lastName: e.lastName, email: e.email })),
      rateLimit: DEMO_RATE_LIMIT,
      logger: logger.child({ part: 'humand-simulator' }),
    });
    const isapi: IsapiConfig = {
      devices: site.devices,
      overlapMs: 60_000,
      initialLookbackMs: 6 * 3_600_000,
      authBackoffMs: 60_000,
      authBackoffMaxMs: 10 * 60_000,
      driftWarnMs: 60_000,
      requestTimeoutMs: 10_000,
      connectTimeoutMs: 5_000,
      push: null,
    };
    app = await createApp({
      config: { ...settings.config, databasePath, databaseUrl: null, hik: null, isapi },
      logger,
      overrides: {
        humand: { baseUrl: humand.url, auth: humandKey },
        rules: {
          timeClocks: isapiTimeClocks(isapi),
          mapping: { strategy: 'personCode', customField: null, csvFile: null, humandField: null },
          debounceMs: Math.max(2_000, Math.ceil(60_000 / options.speed)),
        },
        delivery: { assumedRateLimit: DEMO_RATE_LIMIT.limit, assumedRateWindowMs: DEMO_RATE_LIMIT.windowMs },
        poll: { intervalMs: DEMO_POLL_INTERVAL_MS },
        rateResetMarginMs: 250,
      },
    });
    const running = app;
    receiver = await startIsapiReceiver({
      host: '127.0.0.1',
      port: 0,
      devices: isapi.devices,
      timeZone: zone,
      logger,
      ingest: (events, source) => running.ingest(events, source),
    });
    for (const device of isapi.devices) {
      const client = new IsapiClient({
        device,
        logger,
        clock: systemClock,
        timeZone: zone,
        requestTimeoutMs: 10_000,
        connectTimeoutMs: 5_000,
        authBackoffMs: 60_000,
        authBackoffMaxMs: 60_000,
      });
      await configureHttpHost(client, { ipAddress: '127.0.0.1', portNo: receiver.port, url: `${new URL(receiver.url).pathname}/${device.name}` }).finally(() =>
        client.close(),
      );
    }
    const terminals = [...site.terminals.values()];
    let pushing = false;
    pusher = setInterval(() => {
      if (pushing) return;
      pushing = true;
      void Promise.all(terminals.map((t) => t.pushPending())).finally(() => (pushing = false));
    }, 1_000);
    pusher.unref();
    const receiverUrl = receiver.url;
    const sites = site;
    await runService({
      app: running,
      logger,
      clock: systemClock,
      push: null,
      admin: { settings: settings.admin, alerts: settings.alerts, anyPortIfBusy: true },
      signal: stop.signal,
      onListening: ({ dashboardUrl }) => {
        io.out(
          terminalDemoBanner({
            language: settings.language,
            dashboardUrl,
            terminals: [...sites.terminals].map(([name, t]) => [name, t.url] as const),
            receiverUrl,
            humandUrl: humand?.url ?? '?',
            employees: day.employees.length,
            options,
            databasePath,
            pollMs: DEMO_POLL_INTERVAL_MS,
          }),
        );
        logger.info({ dashboardUrl, receiverUrl, database: databasePath }, 'terminal demo running');
      },
    });
    logger.info('demo stopped cleanly');
  } finally {
    if (pusher) clearInterval(pusher);
    await receiver?.close().catch(() => undefined);
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the ledger failed'));
    await Promise.allSettled([site?.close(), humand?.close()]);
    stop.dispose();
    lock.release();
  }
}
