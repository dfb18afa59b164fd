import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { App, BackfillSummary } from '../../app/index.js';
import { isHikCentralError } from '../../hikcentral/errors.js';
import { CliExit } from '../cli-error.js';
import { commandLogger, requireLive, settingsOf, withApp } from '../context.js';
import { parseInstant } from '../dates.js';
import { EXIT } from '../exit-codes.js';
import { outcomeCounts } from '../format/counts.js';
import { duration, localTime, table } from '../format/time.js';
import { cliText, type CliText } from '../i18n/text.js';
import { printJson, type CliIo } from '../io.js';
import { durationOption } from '../options.js';
import { lockLedgerOf } from '../service/ledger-lock.js';
import { stopOnSignals } from '../service/stop-signals.js';
import { ConfigProblems } from '../settings.js';

const HOUR = 3_600_000;

interface BackfillOptions {
  readonly from: string;
  readonly to: string;
  readonly deliver?: boolean;
  readonly deliverFor?: string;
  readonly json?: boolean;
}

type Needing = Record<'unmapped' | 'rejected' | 'dead', number>;

interface BackfillResult extends BackfillSummary {
  /** Punches of this backfill that reached a state needing a person. */
  readonly needing: Needing;
}

/** One call into App.backfill (which reads a day at a time and delivers alongside), with a progress bar. */
async function backfill(
  app: App,
  fromMs: number,
  toMs: number,
  options: { deliver: boolean; deliverForMs: number | undefined; signal: AbortSignal; bar: SingleBar | null },
): Promise<BackfillResult> {
  const needing: Needing = { unmapped: 0, rejected: 0, dead: 0 };
  const unsubscribe = app.subscribe((event) => {
    if (event.type === 'punch-outcome' && (event.outcome === 'unmapped' || event.outcome === 'rejected' || event.outcome === 'dead')) needing[event.outcome]++;
  });
  const minutes = (ms: number) => Math.max(0, Math.round((ms - fromMs) / 60_000));
  options.bar?.start(minutes(toMs), 0, { events: 0, fresh: 0 });
  try {
    const summary = await app.backfill({
      fromMs,
      toMs,
      deliver: options.deliver,
      signal: options.signal,
      ...(options.deliverForMs !== undefined ? { deliverForMs: options.deliverForMs } : {}),
      onProgress: (progress) => options.bar?.update(minutes(progress.readToMs), { events: progress.events, fresh: progress.fresh }),
    });
    return { ...summary, needing };
  } finally {
    options.bar?.stop();
    unsubscribe();
  }
}

/** What needs a person after a backfill, in the reader's language. */
function attentionOf(result: BackfillResult, text: CliText): string[] {
  const lines: string[] = [];
  if (result.paused !== null) lines.push(text.t('sync.paused', { reason: result.paused.reason, hint: result.paused.hint }));
  for (const kind of ['unmapped', 'rejected', 'dead'] as const) if (result.needing[kind] > 0) lines.push(text.count(`backfill.${kind}`, result.needing[kind]));
  return lines;
}

function formatBackfill(
  result: BackfillResult,
  range: { fromMs: number; toMs: number; zone: string; tookMs: number; dryRun: boolean; delivered: boolean },
  text: CliText,
): string[] {
  const { t } = text;
  const e = result.evaluation;
  const lines = [
    `${t('backfill.finished', { duration: duration(range.tookMs) })}${range.dryRun ? t('sync.dryRun') : ''}`,
    ...table([
      [
        t('backfill.row.range'),
        t('backfill.range', { from: text.localTime(range.fromMs, range.zone), to: text.localTime(range.toMs, range.zone), zone: range.zone }),
      ],
      [t('sync.row.hikcentral'), text.count('backfill.read', result.scan.events, { fresh: result.scan.fresh, duplicates: result.scan.duplicates })],
      [t('sync.row.decided'), text.count('sync.decided', e.evaluated, { queued: e.queued, ignored: e.ignored, unmapped: e.unmapped, held: e.held })],
      [t('sync.row.delivery'), range.delivered ? text.count('sync.steps', result.deliverySteps) : t('backfill.notDelivered')],
      [t('sync.row.ledger'), outcomeCounts(result.counts, text)],
    ]),
  ];
  const attention = attentionOf(result, text);
  if (attention.length > 0) lines.push(t('sync.needsPerson'), ...attention.map((line) => `  - ${line}`));
  return lines;
}

export function registerBackfillCommand(program: Command, io: CliIo): void {
  program
    .command('backfill')
    .description('re-read HikCentral over a range and deliver what is missing (safe to repeat: known punches are not sent again)')
    .requiredOption('--from <when>', 'start: YYYY-MM-DD (start of that day in SITE_TIMEZONE) or ISO 8601, e.g. 2026-01-27T06:00:00-03:00')
    .requiredOption('--to <when>', 'end (exclusive): YYYY-MM-DD includes that whole day, or ISO 8601')
    .option('--no-deliver', 'only read and record; the service (or the next sync) delivers')
    .option('--deliver-for <duration>', 'how long to keep delivering (default SYNC_MAX_DELIVERY, 10m)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: BackfillOptions, command: Command) => {
      const settings = settingsOf(command);
      requireLive(settings, 'backfill');
      const text = cliText(settings.language);
      const zone = settings.config.siteTimezone;
      const fromMs = parseInstant('--from', options.from, zone, 'start', Date.now(), settings.language);
      const toMs = parseInstant('--to', options.to, zone, 'end', Date.now(), settings.language);
      if (toMs <= fromMs)
        throw new ConfigProblems([
          `--to: must be after --from (got ${localTime(fromMs, zone)} → ${localTime(toMs, zone)}) — e.g. --from 2026-01-26 --to 2026-01-27`,
        ]);
      if (toMs > Date.now() + HOUR) throw new ConfigProblems([`--to: ${localTime(toMs, zone)} is in the future — backfill re-reads what already happened`]);
      const deliverForMs = durationOption('--deliver-for', options.deliverFor, settings.language);
      const delivered = options.deliver !== false;
      const logger = commandLogger(settings);
      const lock = lockLedgerOf(settings.config, 'backfill');
      const stop = stopOnSignals(logger, 'backfill', () => process.exit(EXIT.interrupted));
      const bar = io.stdoutIsTty && !options.json ? new SingleBar({ stream: process.stdout, format: text.t('backfill.progress'), hideCursor: true }) : null;
      const startedMs = Date.now();
      try {
        const result = await withApp(settings, logger, async (app) => {
          try {
            return await backfill(app, fromMs, toMs, { deliver: delivered, deliverForMs, signal: stop.signal, bar });
          } catch (error) {
            if (!isHikCentralError(error)) throw error;
            io.err(`${text.t('backfill.hikUnreadable', { error: error.message })}${error.hint ? `\n${text.t('backfill.fix', { hint: error.hint })}` : ''}`);
            throw new CliExit(EXIT.hikUnreadable);
          }
        });
        const attention = attentionOf(result, cliText('en'));
        const exitCode =
          stop.received() !== null ? EXIT.interrupted : result.paused !== null ? EXIT.humandPaused : attention.length > 0 ? EXIT.needsPerson : EXIT.ok;
        if (options.json) printJson(io, { exitCode, fromMs, toMs, ...result, attention });
        else io.out(formatBackfill(result, { fromMs, toMs, zone, tookMs: Date.now() - startedMs, dryRun: settings.config.dryRun, delivered }, text).join('\n'));
        if (exitCode !== EXIT.ok) throw new CliExit(exitCode);
      } finally {
        stop.dispose();
        lock.release();
      }
    });
}
