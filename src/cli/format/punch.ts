import { printable } from './printable.js';
import type { PunchView } from '../../app/types.js';
import { localTime } from './time.js';

const ENTRY_LABEL = { START: 'clock-in', END: 'clock-out' } as const;

/** One punch and what happened to it, with every request made and Humand's answer. */
export function formatPunch(punch: PunchView, zone: string): string[] {
  const who = [punch.personName, punch.personId ? `person ${punch.personId}` : null, punch.employeeId ? `employee ${punch.employeeId}` : null].filter(Boolean).join(', ');
  const where = [punch.doorName ?? punch.doorIndexCode, punch.readerName ?? punch.readerIndexCode].filter(Boolean).join(' / ');
  const facts = [
    `outcome ${punch.outcome.toUpperCase()}`,
    punch.entryType ? ENTRY_LABEL[punch.entryType] : null,
    punch.workingDay ? `working day ${punch.workingDay}` : null,
    `attempts ${punch.attempts}`,
    punch.humandEntryId ? `Humand entry ${punch.humandEntryId}` : null,
    `via ${punch.source}`,
  ].filter(Boolean);
  const lines = [
    `#${punch.id}  ${punch.eventMs !== null ? localTime(punch.eventMs, zone) : punch.eventTime}  ${who || 'nobody named'}  at ${where || 'unknown door'}`,
    `      ${facts.join('; ')}`,
  ];
  if (punch.reason) lines.push(`      why: ${punch.reason}`);
  if (punch.request) lines.push(`      request: ${JSON.stringify(punch.request)}`);
  for (const attempt of punch.history) {
    // The deliverer records each request before sending it, so an unknown answer can be reconciled.
    const answer = attempt.result === 'sending' ? 'about to send' : `${attempt.status === null ? 'no answer' : `HTTP ${attempt.status}`} ${attempt.result}`;
    lines.push(`      ${localTime(attempt.atMs, zone)}  ${attempt.kind} ${attempt.method} ${attempt.path} → ${answer}${attempt.message ? `: ${attempt.message}` : ''}`);
  }
  return lines.map(printable);
}
