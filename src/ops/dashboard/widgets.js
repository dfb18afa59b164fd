// @ts-check
import { h, hashLink } from './dom.js';
import { language, t } from './i18n.js';
import { dateTime, outcomeName } from './format.js';
import { translateText } from './reasons.js';

/** The pieces every page is built of: badges, cards, tables, counts. */

export const OUTCOMES = [
  'received',
  'ignored',
  'unmapped',
  'held',
  'queued',
  'waiting',
  'sending',
  'debounced',
  'corrected',
  'covered',
  'suppressed',
  'delivered',
  'review',
  'rejected',
  'dead',
  'dry-run',
];
/** "2026-01-27T08:12:45-03:00" → "27/01/2026 08:12:45" (es) or "2026-01-27 08:12:45": the zone is the site's, shown in the footer. */
export const time = (iso) => dateTime(iso);
/** A text the service wrote in English (reason, hint, error), in the page's language. */
export const say = (text) => translateText(text, language());

export function outcomeBadge(outcome) {
  return h('span', { class: `badge o-${outcome}`, 'data-outcome': outcome }, t(`outcome.${outcome}`));
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}

export function table(columns, rows, options = {}) {
  if (rows.length === 0) return h('p', { class: 'muted' }, options.empty ?? t('problems.nothing'));
  return h(
    'table',
    { class: 'rows', 'data-testid': options.testid ?? null },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((c) => h('th', { scope: 'col' }, c.label)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          { 'data-id': row.id ?? null, class: options.rowClass ? options.rowClass(row) : null },
          columns.map((c) => h('td', { 'data-label': c.label }, c.cell(row))),
        ),
      ),
    ),
  );
}

/** @param {import('../views/punch-view.js').PunchView} p */
export function employeeLabel(p) {
  const name = p.personName ?? p.personCode ?? p.personId ?? '?';
  return p.employeeId ? `${name} (${p.employeeId})` : name;
}

export const punchColumns = () => [
  { label: t('col.time'), cell: (p) => h('a', { href: hashLink(`punch/${p.id}`) }, time(p.eventLocal ?? p.eventTime)) },
  { label: t('col.employee'), cell: (p) => employeeLabel(p) },
  { label: t('col.door'), cell: (p) => p.door ?? '—' },
  { label: t('col.type'), cell: (p) => (p.entryType ? t(p.entryType) : '—') },
  { label: t('col.outcome'), cell: (p) => outcomeBadge(p.outcome) },
  { label: t('col.reason'), cell: (p) => say(p.reason) ?? '' },
];

export function stat(label, value, testid, tone) {
  return h(
    'div',
    { class: `stat ${tone ?? ''}` },
    h('span', { class: 'value', 'data-testid': testid }, String(value)),
    h('span', { class: 'label' }, typeof label === 'function' ? label(value) : label),
  );
}

/**
 * @param {import('../views/overview.js').OverviewView['todayCounts']} counts
 * @param {string} prefix
 */
export function countsBlock(counts, prefix) {
  const waiting = counts.queued + counts.held + counts.sending;
  return h(
    'div',
    { class: 'stats' },
    stat((n) => (language() === 'es' ? outcomeName('total', n) : t('total')), counts.total, `${prefix}-total`),
    stat((n) => outcomeName('delivered', n), counts.delivered, `${prefix}-delivered`, 'good'),
    stat(t('pending'), waiting, `${prefix}-pending`, waiting > 0 ? 'warn' : ''),
    stat(t('outcome.unmapped'), counts.unmapped, `${prefix}-unmapped`, counts.unmapped > 0 ? 'warn' : ''),
    // Decisions that appear with the decision model (absent from older ledgers): shown when there are any.
    (counts.review ?? 0) > 0 ? stat(t('outcome.review'), counts.review, `${prefix}-review`, 'bad') : null,
    (counts.waiting ?? 0) > 0 ? stat(t('outcome.waiting'), counts.waiting, `${prefix}-waiting`, 'warn') : null,
    (counts.corrected ?? 0) + (counts.covered ?? 0) > 0
      ? stat((n) => `${outcomeName('corrected', n)} / ${outcomeName('covered', n)}`, (counts.corrected ?? 0) + (counts.covered ?? 0), `${prefix}-corrected`)
      : null,
    stat((n) => outcomeName('rejected', n), counts.rejected, `${prefix}-rejected`, counts.rejected > 0 ? 'bad' : ''),
    stat((n) => outcomeName('dead', n), counts.dead, `${prefix}-dead`, counts.dead > 0 ? 'bad' : ''),
    stat((n) => `${outcomeName('debounced', n)} / ${outcomeName('suppressed', n)}`, counts.debounced + counts.suppressed, `${prefix}-filtered`),
    stat((n) => outcomeName('ignored', n), counts.ignored, `${prefix}-ignored`),
  );
}
