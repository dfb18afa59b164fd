import { PUNCH_OUTCOMES, type PunchOutcome } from '../../store/punch.js';
import { cliText, type CliText } from '../i18n/text.js';

/** `delivered 120 · queued 3 · unmapped 1` — outcomes with punches, in the pipeline's order. */
export function outcomeCounts(counts: Readonly<Record<PunchOutcome, number>>, text: CliText = cliText('en')): string {
  const parts = PUNCH_OUTCOMES.filter((outcome) => (counts[outcome] ?? 0) > 0).map((outcome) => `${text.outcome(outcome)} ${counts[outcome]}`);
  return parts.length === 0 ? text.t('counts.none') : parts.join(' · ');
}
