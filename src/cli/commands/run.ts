import type { Command } from 'commander';
import { createApp } from '../../app/create-app.js';
import { systemClock } from '../../domain/clock.js';
import { serviceLogger, settingsOf } from '../context.js';
import { DEMO_DEFAULTS, runDemo } from '../demo/run-demo.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { describeLedger } from '../../store/open-store.js';
import { lockLedgerOf } from '../service/ledger-lock.js';
import { runService } from '../../service/run-service.js';
import { stopOnSignals } from '../service/stop-signals.js';

export function registerRunCommand(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('the service: poll every POLL_INTERVAL, deliver continuously, push receiver and admin server when configured; with no credentials, the demo')
    .option('--no-admin', 'do not start the admin server (health, metrics, dashboard)')
    .action(async (options: { admin?: boolean }, command: Command) => {
      const settings = settingsOf(command);
      if (settings.config.mode === 'demo') {
        await runDemo(settings, io, DEMO_DEFAULTS);
        return;
      }
      const { config } = settings;
      const logger = serviceLogger(settings);
      const lock = lockLedgerOf(config, 'run');
      const stop = stopOnSignals(logger, 'the service', () => process.exit(EXIT.unexpected));
      try {
        const app = await createApp({ config, logger });
        try {
          await runService({
            app,
            logger,
            clock: systemClock,
            // The push subscription is managed over the App's own HikCentral connection pool.
            push: settings.push === null ? null : { config: settings.push, client: app.hikCentral },
            admin: options.admin === false ? null : { settings: settings.admin, alerts: settings.alerts },
            signal: stop.signal,
            onListening: ({ dashboardUrl, receiverUrl }) =>
              logger.info(
                { pollIntervalMs: config.poll.intervalMs, dashboardUrl, receiverUrl, ledger: describeLedger(config), dryRun: config.dryRun },
                `hik2humand running: polling every ${Math.round(config.poll.intervalMs / 1000)} s${receiverUrl ? `, push receiver ${receiverUrl}` : ''}${dashboardUrl ? `, dashboard ${dashboardUrl}` : ''}`,
              ),
          });
        } finally {
          await app.close();
        }
        logger.info('hik2humand stopped cleanly');
      } finally {
        stop.dispose();
        lock.release();
      }
    });
}
