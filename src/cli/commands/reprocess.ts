import type { Command } from 'commander';
import { helpAfter } from '../help/localize-help.js';
import type { App } from '../../app/types.js';
import type { ReprocessResult } from '../../pipeline/reprocess.js';
import { commandLogger, requireExistingLedger, settingsOf, withApp } from '../context.js';
import { parseDay, today } from '../dates.js';
import { printable } from '../format/printable.js';
import { cliText, type CliText } from '../i18n/text.js';
import { printJson, type CliIo } from '../io.js';
import { LedgerBusyError, lockLedgerOf, type LedgerLock } from '../service/ledger-lock.js';
import { ConfigProblems } from '../settings.js';

interface ReprocessOptions {
  readonly from?: string;
  readonly to?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly show?: string;
}

const SHOWN = 50;

/** Says what changed (or would change) in a person's words, in their language; the reasons stay as the ledger has them. */
export function formatReprocess(result: ReprocessResult, shown = SHOWN, text: CliText = cliText('en')): string[] {
  const dry = result.dryRun;
  const lines = [
    `${dry ? text.t('reprocess.dryRun') : ''}${text.count('reprocess.looked', result.considered, { from: text.day(result.from), to: text.day(result.to) })}`,
    text.count(dry ? 'reprocess.wouldChange' : 'reprocess.changed', result.changes.length, { queued: result.nowQueued }),
    text.count(dry ? 'reprocess.wouldAtDelivery' : 'reprocess.atDelivery', result.redecidedAtDelivery),
  ];
  for (const change of result.changes.slice(0, shown)) {
    const who = change.personName ?? '?';
    const from = `${text.outcome(change.from)}${change.fromReason ? ` (${change.fromReason})` : ''}`;
    const to = `${text.outcome(change.to)}${change.toReason ? ` (${change.toReason})` : ''}`;
    lines.push(printable(`  ${change.correlationId} ${change.eventTime} ${who} @ ${change.door ?? '?'}: ${from} → ${to}`));
  }
  if (result.changes.length > shown) lines.push(text.t('reprocess.more', { n: result.changes.length - shown }));
  return lines;
}

async function run(app: App, range: { from: string; to: string; dryRun: boolean }, deliver: boolean): Promise<ReprocessResult> {
  const result = await app.reprocess(range);
  if (!range.dryRun && deliver && app.config.mode === 'live' && result.nowQueued + result.redecidedAtDelivery > 0) await app.deliverPending();
  return result;
}

export function registerReprocessCommand(program: Command, io: CliIo): void {
  program
    .command('reprocess')
    .description(
      'decide the punches of a range of days again under the current rules and mapping (after fixing a time-clock name, a mapping, …); --dry-run shows what would change',
    )
    .option('--from <YYYY-MM-DD>', 'first day (site time)')
    .option('--to <YYYY-MM-DD>', 'last day (default: today)')
    .option('--dry-run', 'only say what would change')
    .option('--show <n>', `how many changes to list (default ${SHOWN})`)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      helpAfter(
        '\nExample: hik2humand reprocess --from 2026-01-20 --to 2026-01-27 --dry-run\nExit codes: 0 ok, 2 configuration, 1 unexpected. While the service runs, it delivers what this queued.',
      ),
    )
    .action(async (options: ReprocessOptions, command: Command) => {
      const settings = settingsOf(command);
      const words = cliText(settings.language);
      if (options.from === undefined) throw new ConfigProblems([words.t('flag.reprocessFrom')], settings.language);
      const zone = settings.config.siteTimezone;
      const from = parseDay('--from', options.from, zone, Date.now(), settings.language);
      const to = options.to === undefined ? today(zone, Date.now()) : parseDay('--to', options.to, zone, Date.now(), settings.language);
      if (to < from) throw new ConfigProblems([words.t('flag.reprocessOrder', { to, from })], settings.language);
      const shown = options.show === undefined ? SHOWN : Math.max(0, Number.parseInt(options.show, 10) || 0);
      requireExistingLedger(settings);
      const dryRun = options.dryRun === true;
      let lock: LedgerLock | null = null;
      let deliver = !dryRun;
      if (deliver) {
        try {
          lock = lockLedgerOf(settings.config, 'reprocess');
        } catch (error) {
          if (!(error instanceof LedgerBusyError)) throw error;
          // The running service delivers what this queues after its next poll.
          deliver = false;
        }
      }
      try {
        const result = await withApp(settings, commandLogger(settings), (app) => run(app, { from, to, dryRun }, deliver));
        if (options.json) printJson(io, result);
        else {
          const text = cliText(settings.language);
          for (const line of formatReprocess(result, shown, text)) io.out(line);
          if (!dryRun && lock === null) io.out(text.t('reprocess.serviceDelivers'));
        }
      } finally {
        lock?.release();
      }
    });
}
