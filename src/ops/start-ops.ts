import { META_KEYS } from '../store/meta-keys.js';
import { startAlerts, type Alerts } from '../alerts/alerts.js';
import type { AlertSettings } from '../alerts/settings.js';
import type { App } from '../app/types.js';
import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import type { AlertNotifier } from '../alerts/alert.js';
import { AWAITING_DELIVERY } from '../store/punch.js';
import { startAdminServer } from './admin-server.js';
import { opsDataSourceFromApp } from './app-data-source.js';
import type { OpsDataSource } from './data-source.js';
import { createOpsMetrics, type OpsMetrics } from './metrics.js';
import type { AdminSettings } from './settings.js';
import { humandDaysForApp } from './humand-days-for-app.js';
import { dailyIncidents } from '../pipeline/daily-incidents.js';

/** The local date the daily HR summary was last sent on. */
const HR_SUMMARY_META = META_KEYS.hrSummaryLastSent;

export interface StartOpsOptions {
  readonly app: App;
  readonly admin: AdminSettings;
  readonly alerts: AlertSettings;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Replaces the alert webhook (tests). */
  readonly alertNotifier?: AlertNotifier;
}

export interface Ops {
  /** The admin server's base URL (dashboard at `/`). */
  readonly url: string;
  readonly metrics: OpsMetrics;
  readonly alerts: Alerts;
  readonly data: OpsDataSource;
  close(): Promise<void>;
}

/**
 * Starts the operations surface for a running App: the admin server (health, readiness,
 * metrics, dashboard) and the alert monitor. `run` calls this once; `close` stops both.
 */
export async function startOps(options: StartOpsOptions): Promise<Ops> {
  const { app, logger, clock } = options;
  const humandDays = humandDaysForApp(app, clock, logger.child({ part: 'attendance' }));
  const data = await opsDataSourceFromApp(app, humandDays?.source);
  const metrics = createOpsMetrics();
  const alerts = startAlerts({
    // The summary's day is the site's, as the App decides working days.
    settings: { ...options.alerts, timezone: app.config.siteTimezone },
    clock,
    logger: logger.child({ part: 'alerts' }),
    ...(options.alertNotifier ? { notifier: options.alertNotifier } : {}),
    dailySummary: {
      readIncidents: (date) => dailyIncidents(app.store, date, app.config.siteTimezone, clock.now(), app.config.rules.maxOpenShiftMs),
      lastSent: { get: () => app.store.getMeta(HR_SUMMARY_META), set: (date) => app.store.setMeta(HR_SUMMARY_META, date) },
    },
    readSignals: async () => {
      const status = await data.status();
      return {
        deliveryPaused:
          status.delivery.state === 'paused' ? { reason: status.delivery.reason ?? 'Humand refused the key', sinceMs: status.delivery.sinceMs } : null,
        pending: AWAITING_DELIVERY.reduce((sum, outcome) => sum + (status.counts[outcome] ?? 0), 0),
        deadLetters: (status.counts.dead ?? 0) + (status.counts.rejected ?? 0),
        lastEventMs: status.lastEventMs,
      };
    },
  });
  // A pause or a new dead punch is worth telling at once, not at the next periodic check.
  const unsubscribe = app.subscribe((event) => {
    if (
      event.type === 'delivery-paused' ||
      event.type === 'delivery-resumed' ||
      (event.type === 'punch-outcome' && (event.outcome === 'dead' || event.outcome === 'rejected'))
    ) {
      void alerts.evaluate();
    }
  });
  let server;
  try {
    server = await startAdminServer({
      host: options.admin.host,
      port: options.admin.port,
      auth: options.admin.auth,
      hrAuth: options.admin.hrAuth ?? null,
      maxPollAgeMs: options.admin.maxPollAgeMs,
      ...(options.admin.allowedHosts ? { allowedHosts: options.admin.allowedHosts } : {}),
      data,
      metrics,
      logger: logger.child({ part: 'admin' }),
      clock,
      alerts,
    });
  } catch (error) {
    unsubscribe();
    data.close();
    await humandDays?.close();
    await alerts.stop();
    throw error;
  }
  return {
    url: server.url,
    metrics,
    alerts,
    data,
    async close() {
      unsubscribe();
      await server.close();
      await alerts.stop();
      data.close();
      await humandDays?.close();
    },
  };
}
