import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import type { AlertNotifier } from './alert.js';
import { AlertBook, type AlertStatus } from './alert-book.js';
import { createAlertMonitor, type AlertSignals } from './alert-monitor.js';
import { composeAlert } from './messages.js';
import type { AlertSettings } from './settings.js';
import { createWebhookNotifier } from './webhook-notifier.js';
import { createEmailNotifier } from './email-notifier.js';
import { createDailySummary, type DailySummary, type DailySummaryOptions } from './daily-summary.js';

export interface Alerts {
  /** Evaluate now (e.g. right after a delivery-paused hook) instead of waiting for the next tick. */
  evaluate(): Promise<void>;
  status(): AlertStatus[];
  /** The daily HR summary now, when it is due (false when it is not, or not configured). */
  sendDailySummaryIfDue(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface StartAlertsOptions {
  readonly settings: AlertSettings;
  readonly readSignals: () => Promise<AlertSignals>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Replaces the webhook (tests, or another channel). */
  readonly notifier?: AlertNotifier;
  /** What the daily HR summary reads (sent only when HR_SUMMARY_HOUR is set). */
  readonly dailySummary?: Pick<DailySummaryOptions, 'readIncidents' | 'lastSent'>;
}

/** Wires settings → notifier → book → monitor and starts the periodic evaluation. */
export function startAlerts(options: StartAlertsOptions): Alerts {
  const { settings, logger } = options;
  const webhook = !options.notifier && settings.webhookUrl ? createWebhookNotifier({ url: settings.webhookUrl, format: settings.format, logger }) : null;
  const notifier: AlertNotifier = options.notifier ??
    webhook ?? {
      async send(message) {
        logger.warn({ alert: message.kind, state: message.state, text: message.text }, 'alert (no ALERT_WEBHOOK_URL configured)');
      },
    };
  const book = new AlertBook({
    notifier,
    clock: options.clock,
    logger,
    minIntervalMs: settings.minIntervalMs,
    retryAfterMs: Math.min(60_000, Math.max(1000, settings.checkIntervalMs)),
    compose: composeAlert(settings.language, settings.dashboardUrl),
  });
  const monitor = createAlertMonitor({
    book,
    readSignals: options.readSignals,
    clock: options.clock,
    logger,
    noEvents: settings.noEvents,
    intervalMs: settings.checkIntervalMs,
  });
  const hour = settings.dailySummaryHour ?? null;
  const mail = hour !== null && settings.summaryEmail ? createEmailNotifier(settings.summaryEmail, logger) : null;
  const summary: DailySummary | null =
    hour === null || options.dailySummary === undefined
      ? null
      : createDailySummary({
          ...options.dailySummary,
          hour,
          timezone: settings.timezone ?? 'UTC',
          clock: options.clock,
          language: settings.language,
          dashboardUrl: settings.dashboardUrl,
          // HR reads mail: the summary goes there when configured, else through the alert webhook.
          notifier: mail ?? notifier,
          logger,
        });
  const sendSummary = async (): Promise<boolean> => {
    try {
      return (await summary?.sendIfDue()) ?? false;
    } catch (error) {
      logger.warn({ err: error }, "daily HR summary: the day's incidents could not be read; trying again at the next check");
      return false;
    }
  };
  const abort = new AbortController();
  const running = monitor.run(abort.signal);
  const summaryRunning =
    summary === null
      ? Promise.resolve()
      : (async () => {
          while (!abort.signal.aborted) {
            await sendSummary();
            try {
              await options.clock.sleep(settings.checkIntervalMs, abort.signal);
            } catch {
              return;
            }
          }
        })();
  return {
    evaluate: () => monitor.evaluate(),
    status: () => book.status(),
    sendDailySummaryIfDue: sendSummary,
    async stop() {
      abort.abort();
      await running;
      await summaryRunning;
      await webhook?.close();
      mail?.close();
    },
  };
}
