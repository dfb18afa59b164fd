import type { Command } from 'commander';
import { describeLedger } from '../../store/open-store.js';
import { commandLogger, requireExistingLedger, settingsOf, withApp } from '../context.js';
import { formatStatus } from '../format/status.js';
import { cliText } from '../i18n/text.js';
import { printJson, type CliIo } from '../io.js';

export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('counts by outcome, poll cursor, oldest waiting punch, paused or not and why, last errors')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const settings = settingsOf(command);
      requireExistingLedger(settings);
      const logger = commandLogger(settings);
      const status = await withApp(settings, logger, (app) => app.status());
      const ledger = describeLedger(settings.config);
      if (options.json) printJson(io, { ledger, ...status });
      else io.out(formatStatus(status, Date.now(), ledger, cliText(settings.language)).join('\n'));
    });
}
