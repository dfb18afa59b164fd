import type { Command } from 'commander';
import type { App } from '../../app/types.js';
import type { ReprocessResult } from '../../pipeline/reprocess.js';
import { commandLogger, requireExistingLedger, settingsOf, withApp } from '../context.js';
import { parseDay, today } from '../dates.js';
import { printable } from '../format/printable.js';
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

/** Says what changed (or would change) in a person's words. */
export function formatReprocess(result: ReprocessResult, shown = SHOWN): string[] {
  const verb = result.dryRun ? 'would' : 'did';
  const lines = [
    `${result.dryRun ? 'Dry run — nothing changed. ' : ''}Punches of ${result.from}..${result.to} under the current rules and mapping: ${result.considered} looked at (nothing Humand accepted is ever sent again).`,
    `  ${result.changes.length} ${verb} change their first decision; ${result.nowQueued} of them ${result.dryRun ? 'would now be sent' : 'now go'} to Humand.`,
    `  ${result.redecidedAtDelivery} decided from the employee's day (double taps, corrected taps, review) ${result.dryRun ? 'would be' : 'are'} decided again at delivery.`,
  ];
  for (const change of result.changes.slice(0, shown)) {
    const who = change.personName ?? '?';
    lines.push(
      printable(
        `  ${change.correlationId} ${change.eventTime} ${who} @ ${change.door ?? '?'}: ${change.from}${change.fromReason ? ` (${change.fromReason})` : ''} → ${change.to}${change.toReason ? ` (${change.toReason})` : ''}`,
      ),
    );
  }
  if (result.changes.length > shown) lines.push(`  … and ${result.changes.length - shown} more (--json lists them all)`);
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
      '\nExample: hik2humand reprocess --from 2026-01-20 --to 2026-01-27 --dry-run\nExit codes: 0 ok, 2 configuration, 1 unexpected. While the service runs, it delivers what this queued.',
    )
    .action(async (options: ReprocessOptions, command: Command) => {
      const settings = settingsOf(command);
      if (options.from === undefined) throw new ConfigProblems(['reprocess: say from which day — e.g. reprocess --from 2026-01-20 --to 2026-01-27 --dry-run']);
      const zone = settings.config.siteTimezone;
      const from = parseDay('--from', options.from, zone);
      const to = options.to === undefined ? today(zone, Date.now()) : parseDay('--to', options.to, zone);
      if (to < from) throw new ConfigProblems([`reprocess: --to ${to} is before --from ${from}`]);
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
          for (const line of formatReprocess(result, shown)) io.out(line);
          if (!dryRun && lock === null) io.out('  The running service delivers them after its next poll (POLL_INTERVAL).');
        }
      } finally {
        lock?.release();
      }
    });
}
