import { printable } from './printable.js';
import type { SyncSummary } from '../../app/types.js';
import { outcomeCounts } from './counts.js';
import { duration, localTime, table } from './time.js';

/** What one `sync` pass did, for a person reading a cron mail. */
export function formatSyncSummary(summary: SyncSummary, zone: string): string[] {
  const rows: Array<[string, string]> = [];
  if (summary.poll !== null) {
    const { poll } = summary;
    rows.push(['HikCentral', `read ${poll.events} event(s) from ${localTime(poll.fromMs, zone)} to ${localTime(poll.toMs, zone)}: ${poll.fresh} new, ${poll.duplicates} already in the ledger`]);
  } else if (summary.pollError !== null) {
    rows.push(['HikCentral', `NOT read: ${summary.pollError}`]);
  }
  const m = summary.mappings;
  if (m.persons !== null || m.users !== null) {
    rows.push(['Directories', `${m.persons ?? 'cached'} HikCentral person(s), ${m.users ?? 'cached'} Humand user(s)${m.activeUsers !== null ? ` (${m.activeUsers} active)` : ''} reloaded`]);
  }
  const e = summary.evaluation;
  rows.push(['Decided', `${e.evaluated} punch(es): ${e.queued} to send, ${e.ignored} not a clock punch, ${e.unmapped} unmapped, ${e.held} held`]);
  rows.push(['Delivery', `${summary.deliverySteps} step(s)${summary.dryRun ? ' (dry run: nothing was sent)' : ''}; ${summary.pending} still waiting`]);
  rows.push(['Ledger', outcomeCounts(summary.counts)]);
  const lines = [`Sync ${summary.needsPerson ? 'finished, needs attention' : 'finished'} in ${duration(summary.finishedMs - summary.startedMs)}${summary.dryRun ? ' — DRY RUN' : ''}`, ...table(rows)];
  if (summary.attention.length > 0) {
    lines.push('Needs a person:', ...summary.attention.map((line) => `  - ${line}`));
  }
  return lines.map(printable);
}
