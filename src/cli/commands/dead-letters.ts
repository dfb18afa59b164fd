import { printable } from '../format/printable.js';
import type { Command } from 'commander';
import type { App, DeadLetterSelection, PunchView } from '../../app/types.js';
import type { PunchOutcome } from '../../store/punch.js';
import { CliExit } from '../cli-error.js';
import { commandLogger, requireExistingLedger, settingsOf, withApp } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { formatPunch } from '../format/punch.js';
import { cliText, type CliText } from '../i18n/text.js';
import { printJson, type CliIo } from '../io.js';
import { durationOption, integerOption } from '../options.js';
import { LedgerBusyError, lockLedgerOf, type LedgerLock } from '../service/ledger-lock.js';
import { ConfigProblems } from '../settings.js';

const NEEDS_PERSON: readonly PunchOutcome[] = ['rejected', 'dead', 'unmapped', 'review', 'waiting'];

interface RetryOptions {
  readonly id?: string[];
  readonly all?: boolean;
  readonly dead?: boolean;
  readonly deliver?: boolean;
  readonly deliverFor?: string;
  readonly json?: boolean;
}

interface RetryReport {
  readonly requeued: number;
  /** What was re-queued, by outcome before the retry (e.g. { dead: 3, rejected: 1 }). */
  readonly byOutcome: Readonly<Record<string, number>>;
  /** Problem punches left out by `--dead`, by outcome. */
  readonly leftOut: Readonly<Record<string, number>>;
  readonly delivered: boolean;
  /** Why nothing was delivered right now, when it was not. */
  readonly note: string | null;
  readonly paused: { readonly reason: string; readonly hint: string } | null;
  readonly punches: readonly PunchView[];
}

function selectionOf(options: RetryOptions, text: CliText): DeadLetterSelection {
  const given = [options.id !== undefined, options.all === true, options.dead === true].filter(Boolean).length;
  if (given > 1) throw new ConfigProblems([text.t('flag.retryOneOf')], text.language);
  if (options.all) return { all: true };
  if (options.dead) return { all: true, outcomes: ['dead'] };
  if (options.id === undefined || options.id.length === 0) throw new ConfigProblems([text.t('flag.retryWhich')], text.language);
  return { ids: options.id.map((id) => integerOption('--id', id, 1, Number.MAX_SAFE_INTEGER, 12, text.language) ?? 0) };
}

async function retry(
  app: App,
  selection: DeadLetterSelection,
  deliver: boolean,
  deliverForMs: number | undefined,
  busyNote: string | null,
): Promise<RetryReport> {
  const before = await app.deadLetters.list();
  const chosen = (punch: PunchView) =>
    'all' in selection ? selection.outcomes === undefined || selection.outcomes.includes(punch.outcome) : selection.ids.includes(punch.id);
  const targets = before.filter(chosen);
  const ids = 'all' in selection ? targets.map((punch) => punch.id) : selection.ids;
  const requeued = await app.deadLetters.retry(selection);
  let paused: RetryReport['paused'] = null;
  let note = busyNote;
  if (requeued > 0 && deliver && note === null) {
    if (app.config.mode !== 'live') note = 'no credentials configured: they are delivered by the next `run`';
    else {
      // A person asked for this after fixing something: try again even if a 401/403 paused delivery.
      await app.resumeDelivery();
      const result = await app.deliverPending(deliverForMs !== undefined ? { deliverForMs } : {});
      paused = result.paused === null ? null : { reason: result.paused.reason, hint: result.paused.hint };
    }
  }
  const punches = ids.length === 0 ? [] : await app.punches({ ids, limit: ids.length });
  return {
    requeued,
    byOutcome: countOutcomes(targets),
    leftOut: 'all' in selection ? countOutcomes(before.filter((p) => !chosen(p))) : {},
    delivered: deliver && note === null,
    note,
    paused,
    punches,
  };
}

function countOutcomes(punches: readonly PunchView[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const punch of punches) counts[punch.outcome] = (counts[punch.outcome] ?? 0) + 1;
  return counts;
}

/** "Re-queued 4 punches: 3 dead, 1 rejected. Not included: 2 review (fix their cause, then --id or --all)." */
function requeuedLine(report: RetryReport, text: CliText): string {
  const what = Object.keys(report.byOutcome).length > 0 ? `: ${text.tally(report.byOutcome)}` : '';
  const left = Object.keys(report.leftOut).length > 0 ? text.t('deadLetters.leftOut', { counts: text.tally(report.leftOut) }) : '';
  return `${text.count('deadLetters.requeued', report.requeued, { what })}${left}`;
}

function retryExitCode(report: RetryReport): ExitCode {
  if (report.paused !== null) return EXIT.humandPaused;
  if (report.delivered && report.punches.some((punch) => NEEDS_PERSON.includes(punch.outcome))) return EXIT.needsPerson;
  return EXIT.ok;
}

export function registerDeadLettersCommand(program: Command, io: CliIo): void {
  const deadLetters = program
    .command('dead-letters')
    .description('punches that need a person: rejected by Humand or a rule, dead after retries, or in review (Humand would refuse them as they are)');

  deadLetters
    .command('list')
    .description('list them with the reason and every Humand answer')
    .option('--json', 'print them as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const settings = settingsOf(command);
      requireExistingLedger(settings);
      const zone = settings.config.siteTimezone;
      const text = cliText(settings.language);
      const punches = await withApp(settings, commandLogger(settings), (app) => app.deadLetters.list());
      if (options.json) {
        printJson(io, punches);
        return;
      }
      if (punches.length === 0) {
        io.out(text.t('deadLetters.none'));
        return;
      }
      io.out(text.count('deadLetters.listed', punches.length, { zone }));
      for (const punch of punches) io.out(formatPunch(punch, zone, text).join('\n'));
    });

  deadLetters
    .command('retry')
    .description("after fixing the cause: send dead ones again, decide the others again (and the rest of each employee's day after them), and deliver now")
    .option('--id <id...>', 'punch ids to retry')
    .option('--all', 'retry every dead, rejected and review punch')
    .option('--dead', 'retry every dead punch only (what the dashboard\'s "Re-drive all dead" does)')
    .option('--no-deliver', 'only re-queue; the running service (or the next sync) delivers them')
    .option('--deliver-for <duration>', 'how long to keep delivering (default SYNC_MAX_DELIVERY, 10m)')
    .option('--json', 'print the result as JSON')
    .action(async (options: RetryOptions, command: Command) => {
      const settings = settingsOf(command);
      const text = cliText(settings.language);
      const selection = selectionOf(options, text);
      requireExistingLedger(settings);
      const deliverForMs = durationOption('--deliver-for', options.deliverFor, settings.language);
      const deliver = options.deliver !== false;
      let lock: LedgerLock | null = null;
      let busyNote: string | null = null;
      if (deliver) {
        try {
          lock = lockLedgerOf(settings.config, 'dead-letters retry');
        } catch (error) {
          if (!(error instanceof LedgerBusyError)) throw error;
          busyNote = text.t('deadLetters.busy', { error: error.message });
        }
      }
      try {
        const report = await withApp(settings, commandLogger(settings), (app) => retry(app, selection, deliver, deliverForMs, busyNote));
        const exitCode = retryExitCode(report);
        if (options.json) printJson(io, { exitCode, ...report });
        else {
          io.out(`${requeuedLine(report, text)}${report.note ? text.t('deadLetters.notDelivered', { note: report.note }) : ''}`);
          if (report.paused)
            io.out(
              `${printable(text.t('deadLetters.paused', { reason: report.paused.reason }))}\n${text.t('deadLetters.fix', { hint: printable(report.paused.hint) })}`,
            );
          for (const punch of report.punches) io.out(formatPunch(punch, settings.config.siteTimezone, text).join('\n'));
        }
        if (exitCode !== EXIT.ok) throw new CliExit(exitCode);
      } finally {
        lock?.release();
      }
    });

  deadLetters
    .command('fixed')
    .description("a person fixed these in Humand by hand: close them (nothing is sent for them) and decide the employee's later punches again")
    .option('--id <id...>', 'punch ids (from `dead-letters list`)')
    .option('--by <name>', 'who fixed them, kept with each punch', process.env.USER ?? process.env.USERNAME ?? 'the CLI')
    .action(async (options: { id?: string[]; by: string }, command: Command) => {
      const settings = settingsOf(command);
      const text = cliText(settings.language);
      if (options.id === undefined || options.id.length === 0) throw new ConfigProblems([text.t('flag.fixedWhich')], settings.language);
      const ids = options.id.map((id) => integerOption('--id', id, 1, Number.MAX_SAFE_INTEGER, 12, settings.language) ?? 0);
      requireExistingLedger(settings);
      const closed = await withApp(settings, commandLogger(settings), (app) => app.deadLetters.markFixed({ ids }, options.by));
      const notProblems = closed < ids.length ? text.count('deadLetters.notProblems', ids.length - closed) : '';
      io.out(text.count('deadLetters.fixed', closed, { notProblems }));
    });
}
