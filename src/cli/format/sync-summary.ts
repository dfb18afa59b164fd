import { printable } from './printable.js';
import type { SyncSummary } from '../../app/types.js';
import { cliText, type CliText } from '../i18n/text.js';
import { outcomeCounts } from './counts.js';
import { syncAttention } from './sync-attention.js';
import { duration, table } from './time.js';

/** What one `sync` pass did, for a person reading a cron mail, in their language. */
export function formatSyncSummary(summary: SyncSummary, zone: string, text: CliText = cliText('en')): string[] {
  const { t } = text;
  const rows: Array<[string, string]> = [];
  if (summary.poll !== null) {
    const { poll } = summary;
    rows.push([
      t('sync.row.hikcentral'),
      text.count('sync.read', poll.events, {
        from: text.localTime(poll.fromMs, zone),
        to: text.localTime(poll.toMs, zone),
        fresh: poll.fresh,
        duplicates: poll.duplicates,
      }),
    ]);
  } else if (summary.pollError !== null) {
    rows.push([t('sync.row.hikcentral'), t('sync.notRead', { error: summary.pollError })]);
  }
  const m = summary.mappings;
  if (m.persons !== null || m.users !== null) {
    const active = m.activeUsers !== null ? t('sync.activeUsers', { n: m.activeUsers }) : '';
    rows.push([t('sync.row.directories'), t('sync.directories', { persons: m.persons ?? t('sync.cached'), users: m.users ?? t('sync.cached'), active })]);
  }
  const e = summary.evaluation;
  rows.push([t('sync.row.decided'), text.count('sync.decided', e.evaluated, { queued: e.queued, ignored: e.ignored, unmapped: e.unmapped, held: e.held })]);
  rows.push([
    t('sync.row.delivery'),
    `${text.count('sync.steps', summary.deliverySteps)}${summary.dryRun ? t('sync.nothingSent') : ''}; ${t('sync.stillWaiting', { n: summary.pending })}`,
  ]);
  rows.push([t('sync.row.ledger'), outcomeCounts(summary.counts, text)]);
  const took = duration(summary.finishedMs - summary.startedMs);
  const headline = `${t(summary.needsPerson ? 'sync.finishedAttention' : 'sync.finished', { duration: took })}${summary.dryRun ? t('sync.dryRun') : ''}`;
  const lines = [headline, ...table(rows)];
  const attention = syncAttention(summary, text);
  if (attention.length > 0) lines.push(t('sync.needsPerson'), ...attention.map((line) => `  - ${line}`));
  return lines.map(printable);
}
