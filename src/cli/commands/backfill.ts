import { addEvaluations, addScans, DeliveryAlongside, timeSlices } from '../../app/backfill-slices.js';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { App, EvaluationSummary, ScanSummary } from '../../app/index.js';
import { isHikCentralError } from '../../hikcentral/errors.js';
import { CliExit } from '../cli-error.js';
import { commandLogger, requireLive, settingsOf, withApp } from '../context.js';
import { parseInstant } from '../dates.js';
import { EXIT } from '../exit-codes.js';
import { outcomeCounts } from '../format/counts.js';
import { duration, localTime, table } from '../format/time.js';
import { printJson, type CliIo } from '../io.js';
import { durationOption } from '../options.js';
import { lockLedgerOf } from '../service/ledger-lock.js';
import { stopOnSignals } from '../service/stop-signals.js';
import { ConfigProblems } from '../settings.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface BackfillOptions {
  readonly from: string;
  readonly to: string;
  readonly deliver?: boolean;
  readonly deliverFor?: string;
  readonly json?: boolean;
}

/** Slices of the range, so progress can be shown (and a long range reads one day at a time). */
export function slicesOf(fromMs: number, toMs: number): Array<[number, number]> {
  return timeSlices(fromMs, toMs, toMs - fromMs <= 2 * DAY ? HOUR : DAY).map((slice) => [slice.fromMs, slice.toMs]);
}

interface BackfillResult {
  readonly scan: ScanSummary;
  readonly evaluation: EvaluationSummary;
  readonly deliverySteps: number;
  readonly paused: { readonly reason: string; readonly hint: string } | null;
  readonly attention: string[];
}

async function backfill(
  app: App,
  fromMs: number,
  toMs: number,
  options: { deliver: boolean; deliverForMs: number | undefined; signal: AbortSignal; bar: SingleBar | null },
): Promise<BackfillResult> {
  const needing = { unmapped: 0, rejected: 0, dead: 0 };
  const unsubscribe = app.subscribe((event) => {
    if (event.type === 'punch-outcome' && (event.outcome === 'unmapped' || event.outcome === 'rejected' || event.outcome === 'dead')) needing[event.outcome]++;
  });
  try {
    const slices = slicesOf(fromMs, toMs);
    const deliverUntilMs = Date.now() + (options.deliverForMs ?? app.config.delivery.syncMaxDeliveryMs);
    const delivery = new DeliveryAlongside(() => app.deliverPending({ signal: options.signal, deliverForMs: Math.max(0, deliverUntilMs - Date.now()) }));
    let scan: ScanSummary = { fromMs, toMs, events: 0, fresh: 0, duplicates: 0 };
    let evaluation: EvaluationSummary = { evaluated: 0, queued: 0, ignored: 0, unmapped: 0, held: 0 };
    options.bar?.start(slices.length, 0, { events: 0, fresh: 0 });
    for (const [sliceFrom, sliceTo] of slices) {
      if (options.signal.aborted) break;
      const part = await app.backfill({ fromMs: sliceFrom, toMs: sliceTo, deliver: false, signal: options.signal });
      scan = addScans(scan, part.scan);
      evaluation = addEvaluations(evaluation, part.evaluation);
      options.bar?.increment(1, { events: scan.events, fresh: scan.fresh });
      // Deliver what is decided while the next slices are read.
      if (options.deliver && !options.signal.aborted) delivery.kick();
    }
    options.bar?.stop();
    let deliverySteps = 0;
    let paused: BackfillResult['paused'] = null;
    if (options.deliver) {
      const delivered = await delivery.finish();
      deliverySteps = delivered.steps;
      paused = delivered.paused === null ? null : { reason: delivered.paused.reason, hint: delivered.paused.hint };
    }
    const attention: string[] = [];
    if (paused !== null) attention.push(`delivery paused: ${paused.reason} — ${paused.hint}`);
    if (needing.unmapped > 0) attention.push(`${needing.unmapped} punch(es) unmapped (see the dashboard's Mapping page or \`doctor\`)`);
    if (needing.rejected > 0) attention.push(`${needing.rejected} punch(es) rejected (see \`dead-letters list\`)`);
    if (needing.dead > 0) attention.push(`${needing.dead} punch(es) dead after retries (\`dead-letters retry\` once fixed)`);
    return { scan, evaluation, deliverySteps, paused, attention };
  } finally {
    options.bar?.stop();
    unsubscribe();
  }
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
      const zone = settings.config.siteTimezone;
      const fromMs = parseInstant('--from', options.from, zone, 'start');
      const toMs = parseInstant('--to', options.to, zone, 'end');
      if (toMs <= fromMs)
        throw new ConfigProblems([
          `--to: must be after --from (got ${localTime(fromMs, zone)} → ${localTime(toMs, zone)}) — e.g. --from 2026-01-26 --to 2026-01-27`,
        ]);
      if (toMs > Date.now() + HOUR) throw new ConfigProblems([`--to: ${localTime(toMs, zone)} is in the future — backfill re-reads what already happened`]);
      const deliverForMs = durationOption('--deliver-for', options.deliverFor);
      const logger = commandLogger(settings);
      const lock = lockLedgerOf(settings.config, 'backfill');
      const stop = stopOnSignals(logger, 'backfill', () => process.exit(EXIT.interrupted));
      const bar =
        io.stdoutIsTty && !options.json
          ? new SingleBar({
              stream: process.stdout,
              format: 'Reading HikCentral [{bar}] {percentage}% | {value}/{total} slices | {events} events, {fresh} new | ETA {eta_formatted}',
              hideCursor: true,
            })
          : null;
      const startedMs = Date.now();
      try {
        const result = await withApp(settings, logger, async (app) => {
          try {
            const done = await backfill(app, fromMs, toMs, { deliver: options.deliver !== false, deliverForMs, signal: stop.signal, bar });
            return { ...done, counts: await app.store.countsByOutcome() };
          } catch (error) {
            if (!isHikCentralError(error)) throw error;
            io.err(`hik2humand: HikCentral could not be read: ${error.message}${error.hint ? `\n  fix: ${error.hint}` : ''}`);
            throw new CliExit(EXIT.hikUnreadable);
          }
        });
        const exitCode =
          stop.received() !== null ? EXIT.interrupted : result.paused !== null ? EXIT.humandPaused : result.attention.length > 0 ? EXIT.needsPerson : EXIT.ok;
        if (options.json) printJson(io, { exitCode, fromMs, toMs, ...result });
        else {
          const e = result.evaluation;
          const lines = [
            `Backfill finished in ${duration(Date.now() - startedMs)}${settings.config.dryRun ? ' — DRY RUN' : ''}`,
            ...table([
              ['Range', `${localTime(fromMs, zone)} → ${localTime(toMs, zone)} (${zone})`],
              ['HikCentral', `read ${result.scan.events} event(s): ${result.scan.fresh} new, ${result.scan.duplicates} already in the ledger (not sent again)`],
              ['Decided', `${e.evaluated} punch(es): ${e.queued} to send, ${e.ignored} not a clock punch, ${e.unmapped} unmapped, ${e.held} held`],
              ['Delivery', options.deliver === false ? 'skipped (--no-deliver)' : `${result.deliverySteps} step(s)`],
              ['Ledger', outcomeCounts(result.counts)],
            ]),
          ];
          if (result.attention.length > 0) lines.push('Needs a person:', ...result.attention.map((line) => `  - ${line}`));
          io.out(lines.join('\n'));
        }
        if (exitCode !== EXIT.ok) throw new CliExit(exitCode);
      } finally {
        stop.dispose();
        lock.release();
      }
    });
}
