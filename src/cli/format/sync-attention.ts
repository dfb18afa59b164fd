import type { OutstandingProblem } from '../../app/outstanding.js';
import type { SyncSummary } from '../../app/types.js';
import type { MessageKey } from '../i18n/messages.js';
import { cliText, type CliText } from '../i18n/text.js';

/**
 * What needs a person, worded in the reader's language: the pause, the read that failed and
 * every kind of punch outstanding; the mapping refresh's own lines as they came.
 */
export function syncAttention(summary: SyncSummary, text: CliText = cliText('en')): string[] {
  const { t } = text;
  const lines: string[] = [];
  if (summary.paused !== null) lines.push(t('sync.paused', { reason: summary.paused.reason, hint: summary.paused.hint }));
  if (!summary.deliveryConfigured) lines.push(t('sync.noHumand'));
  if (summary.pollError !== null)
    lines.push(t('sync.pollError', { source: summary.readsTerminals ? t('sync.events') : 'HikCentral', error: summary.pollError }));
  lines.push(...summary.mappings.problems);
  lines.push(...summary.outstanding.map((problem) => problemLine(problem, text)));
  return lines;
}

function problemLine(problem: OutstandingProblem, text: CliText): string {
  const example = problem.example === null ? '' : text.t('sync.example', { id: problem.example.correlationId, reason: problem.example.reason ?? '' });
  return text.count(`problem.${problem.outcome}` as MessageKey, problem.count, { example });
}
