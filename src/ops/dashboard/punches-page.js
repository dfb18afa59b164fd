// @ts-check
/* global window, location, URLSearchParams */
import { h, hashLink } from './dom.js';
import { language, t } from './i18n.js';
import { exportLinks, pager } from './attendance.js';
import { day, plural } from './format.js';
import { translateWord } from './reasons.js';
import { api } from './api.js';
import { employeeLabel, OUTCOMES, outcomeBadge, punchColumns, say, section, table, time } from './widgets.js';

function searchForm(params) {
  const field = (name, label, input) => h('label', { class: 'field' }, h('span', null, label), input);
  const employee = h('input', { name: 'employee', type: 'search', value: params.get('employee') ?? '', autocomplete: 'off', 'data-testid': 'search-employee' });
  const date = h('input', { name: 'date', type: 'date', value: params.get('date') ?? '' });
  const clocks = h('input', { type: 'checkbox', checked: params.get('clocks') !== '0', 'data-testid': 'search-clocks' });
  const door = h('input', { name: 'door', type: 'text', value: params.get('door') ?? '' });
  const outcome = h(
    'select',
    { name: 'outcome' },
    h('option', { value: '' }, t('search.any')),
    OUTCOMES.map((o) => h('option', { value: o, selected: params.get('outcome') === o }, t(`outcome.${o}`))),
  );
  return h(
    'form',
    {
      class: 'search card',
      role: 'search',
      onsubmit: (event) => {
        event.preventDefault();
        location.hash = hashLink('punches', {
          employee: employee.value.trim(),
          date: date.value,
          door: door.value.trim(),
          outcome: outcome.value,
          clocks: clocks.checked ? '' : '0',
        });
      },
    },
    field('employee', t('search.employee'), employee),
    field('date', t('search.date'), date),
    field('door', t('search.door'), door),
    field('outcome', t('search.outcome'), outcome),
    h('label', { class: 'field check' }, clocks, h('span', null, t('search.timeClocksOnly'))),
    h('button', { type: 'submit' }, t('search.go')),
  );
}

export async function renderPunches(params) {
  const query = new URLSearchParams();
  for (const key of ['employee', 'date', 'door', 'outcome']) if (params.get(key)) query.set(key, params.get(key));
  query.set('timeClocksOnly', params.get('clocks') === '0' ? '0' : '1');
  const offset = Number(params.get('offset') ?? 0) || 0;
  /** @type {import('../views/explorer.js').PunchPage} */
  const page = await api(`/api/punches?${query}&offset=${offset}&limit=200`);
  const go = (next) => {
    const keep = {};
    for (const key of ['employee', 'date', 'door', 'outcome', 'clocks']) if (params.get(key)) keep[key] = params.get(key);
    location.hash = hashLink('punches', { ...keep, offset: next ? String(next) : '' });
  };
  return [
    searchForm(params),
    section(
      plural('count.punches', page.total),
      exportLinks('/api/export/punches', query, `${language() === 'es' ? 'fichadas' : 'punches'}-${params.get('date') ?? 'all'}`),
      pager(page.total, page.offset, page.limit, go, 'count.punches'),
      table(punchColumns(), page.punches, { testid: 'punch-results', empty: t('search.empty'), rowClass: (p) => (p.outcome === 'ignored' ? 'quiet' : null) }),
    ),
  ];
}

export async function renderPunch(id) {
  /** @type {import('../views/explorer.js').PunchDetailView} */
  const d = await api(`/api/punches/${encodeURIComponent(id)}`);
  const p = d.punch;
  const fact = (label, value) => [h('dt', null, label), h('dd', null, value ?? '—')];
  return [
    h(
      'p',
      null,
      h(
        'a',
        {
          href: '#/punches',
          onclick: (e) => {
            e.preventDefault();
            window.history.back();
          },
        },
        t('detail.back'),
      ),
    ),
    section(
      t('detail.title', { id: p.id }),
      h(
        'dl',
        { class: 'facts', 'data-testid': 'punch-detail' },
        fact(t('col.employee'), employeeLabel(p)),
        fact(t('col.time'), time(p.eventLocal ?? p.eventTime)),
        fact(t('col.door'), [p.door, p.reader].filter(Boolean).join(' / ')),
        fact(t('col.outcome'), outcomeBadge(p.outcome)),
        fact(t('col.reason'), say(p.reason)),
        fact(t('col.sent'), p.entryType ? `${t(p.entryType)} ${time(p.sentTime)}` : null),
        fact(t('detail.entry'), p.humandEntryId),
        fact(t('detail.workingDay'), p.workingDay ? day(p.workingDay) : null),
        fact(t('col.source'), translateWord(p.source, language())),
        fact(t('detail.eventId'), p.eventId),
        fact(t('detail.received'), time(p.receivedLocal)),
      ),
    ),
    section(
      t('detail.responses'),
      table(
        [
          { label: t('col.time'), cell: (a) => time(a.atLocal) },
          { label: t('col.request'), cell: (a) => `${a.method} ${a.path}` },
          { label: t('col.status'), cell: (a) => (a.status === null ? '—' : String(a.status)) },
          { label: t('col.result'), cell: (a) => translateWord(a.result, language()) },
          { label: t('col.message'), cell: (a) => a.message ?? '' },
        ],
        d.attempts,
        { testid: 'attempts', empty: t('detail.noResponses') },
      ),
    ),
    section(
      t('detail.day', { day: p.workingDay ? day(p.workingDay) : '?', employee: employeeLabel(p) }),
      h(
        'ol',
        { class: 'timeline', 'data-testid': 'timeline' },
        d.day.map((e) =>
          h(
            'li',
            { class: e.id === p.id ? 'current' : null },
            h('span', { class: 'when' }, time(e.sentTime ?? e.eventLocal)),
            h('span', { class: 'what' }, e.entryType ? t(e.entryType) : '—'),
            outcomeBadge(e.outcome),
            h('a', { href: hashLink(`punch/${e.id}`) }, e.door ?? ''),
          ),
        ),
      ),
    ),
  ];
}

// ---------- Problems ----------
