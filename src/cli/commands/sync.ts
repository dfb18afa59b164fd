import type { Command } from 'commander';
import { helpAfter } from '../help/localize-help.js';
import type { SyncSummary } from '../../app/types.js';
import { CliExit } from '../cli-error.js';
import { commandLogger, requireLive, settingsOf, withApp } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { formatSyncSummary } from '../format/sync-summary.js';
import { cliText } from '../i18n/text.js';
import { printJson, type CliIo } from '../io.js';
import { durationOption } from '../options.js';
import { lockLedgerOf } from '../service/ledger-lock.js';
import { stopOnSignals } from '../service/stop-signals.js';
import { syncAttention } from '../format/sync-attention.js';

/** What a pass means for whoever scheduled it: most urgent first. */
export function syncExitCode(summary: Pick<SyncSummary, 'paused' | 'pollError' | 'needsPerson'>): ExitCode {
  if (summary.paused !== null) return EXIT.humandPaused;
  if (summary.pollError !== null) return EXIT.hikUnreadable;
  if (summary.needsPerson) return EXIT.needsPerson;
  return EXIT.ok;
}

interface SyncOptions {
  readonly json?: boolean;
  readonly deliverFor?: string;
  readonly poll?: boolean;
}

export function registerSyncCommand(program: Command, io: CliIo): void {
  program
    .command('sync')
    .description('one pass: read HikCentral since the cursor, deliver what the rate budget allows, report (for cron / Task Scheduler)')
    .option('--json', 'print the summary as JSON')
    .option('--deliver-for <duration>', 'how long to keep delivering before reporting what is left (default SYNC_MAX_DELIVERY, 10m)')
    .option('--no-poll', 'do not read HikCentral; only deliver what the ledger already holds')
    .addHelpText(
      'after',
      helpAfter(
        '\nExit codes: 0 ok, 2 configuration, 3 Humand refuses the key (paused), 4 punches need a person, 5 HikCentral unreadable, 7 ledger busy, 1 unexpected.',
      ),
    )
    .action(async (options: SyncOptions, command: Command) => {
      const settings = settingsOf(command);
      // A site reading only its terminals (ISAPI) needs no HikCentral.
      if (!settings.config.isapi) requireLive(settings, 'sync');
      const deliverForMs = durationOption('--deliver-for', options.deliverFor, settings.language);
      const logger = commandLogger(settings);
      const lock = lockLedgerOf(settings.config, 'sync');
      const stop = stopOnSignals(logger, 'sync', () => process.exit(EXIT.interrupted));
      try {
        const summary = await withApp(settings, logger, (app) =>
          app.syncOnce({ signal: stop.signal, skipPoll: options.poll === false, ...(deliverForMs !== undefined ? { deliverForMs } : {}) }),
        );
        const exitCode = stop.received() !== null ? EXIT.interrupted : syncExitCode(summary);
        if (options.json) printJson(io, { exitCode, ...summary, attention: syncAttention(summary) });
        else io.out(formatSyncSummary(summary, settings.config.siteTimezone, cliText(settings.language)).join('\n'));
        if (exitCode !== EXIT.ok) throw new CliExit(exitCode);
      } finally {
        stop.dispose();
        lock.release();
      }
    });
}
