import { printable } from './printable.js';
import type { PunchView } from '../../app/types.js';
import { cliText, type CliText } from '../i18n/text.js';

/** One punch and what happened to it, with every request made and Humand's answer. */
export function formatPunch(punch: PunchView, zone: string, text: CliText = cliText('en')): string[] {
  const { t } = text;
  const who = [
    punch.personName,
    punch.personId ? t('punch.person', { id: punch.personId }) : null,
    punch.employeeId ? t('punch.employee', { id: punch.employeeId }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const where = [punch.doorName ?? punch.doorIndexCode, punch.readerName ?? punch.readerIndexCode].filter(Boolean).join(' / ');
  const facts = [
    t('punch.outcome', { outcome: text.outcome(punch.outcome).toUpperCase() }),
    punch.entryType ? t(`punch.${punch.entryType}`) : null,
    punch.workingDay ? t('punch.workingDay', { day: text.day(punch.workingDay) }) : null,
    t('punch.attempts', { n: punch.attempts }),
    punch.humandEntryId ? t('punch.entry', { id: punch.humandEntryId }) : null,
    t('punch.via', { source: punch.source }),
  ].filter(Boolean);
  const lines = [
    `#${punch.id}  ${punch.eventMs !== null ? text.localTime(punch.eventMs, zone) : punch.eventTime}  ${who || t('punch.nobody')}  ${t('punch.at')} ${where || t('punch.unknownDoor')}`,
    `      ${facts.join('; ')}`,
  ];
  if (punch.reason) lines.push(`      ${t('punch.why')}: ${punch.reason}`);
  if (punch.request) lines.push(`      ${t('punch.request')}: ${JSON.stringify(punch.request)}`);
  for (const attempt of punch.history) {
    // The deliverer records each request before sending it, so an unknown answer can be reconciled.
    const answer =
      attempt.result === 'sending' ? t('punch.aboutToSend') : `${attempt.status === null ? t('punch.noAnswer') : `HTTP ${attempt.status}`} ${attempt.result}`;
    lines.push(
      `      ${text.localTime(attempt.atMs, zone)}  ${attempt.kind} ${attempt.method} ${attempt.path} → ${answer}${attempt.message ? `: ${attempt.message}` : ''}`,
    );
  }
  return lines.map(printable);
}
