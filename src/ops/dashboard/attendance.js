// @ts-check
/* global location, URLSearchParams */
// The attendance view (#/attendance): employees × days with in/out pairs, hours, incidents.
import { h, hashLink } from './dom.js';
import { day, dayHeader, hours, number, plural } from './format.js';
import { language, t } from './i18n.js';
import { translateText } from './reasons.js';

const FILTERS = ['from', 'to', 'employee', 'door', 'department', 'clocks', 'humand', 'offset', 'size'];
const PAGE_SIZE = 50;

function addDays(iso, n) {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

function weekOf(iso) {
  const weekday = (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday first
  const from = addDays(iso, -weekday);
  return { from, to: addDays(from, 6) };
}

function monthOf(iso) {
  const from = `${iso.slice(0, 8)}01`;
  const next = new Date(`${from}T12:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}

/** "1–50 of 2,000" with previous / next; `go(offset)` moves. */
export function pager(total, offset, limit, go, unit) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return h(
    'div',
    { class: 'pager', role: 'navigation' },
    h('span', { class: 'range', 'data-testid': 'page-range' }, t('page.range', { first: number(first), last: number(last), total: plural(unit, total) })),
    offset > 0
      ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'page-prev', onclick: () => go(Math.max(0, offset - limit)) }, t('page.prev'))
      : null,
    last < total ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'page-next', onclick: () => go(offset + limit) }, t('page.next')) : null,
  );
}

/** Download links for the same filters as CSV and Excel, headers in the page's language. */
export function exportLinks(path, query, name) {
  const link = (format) => {
    const q = new URLSearchParams(query);
    q.set('format', format);
    q.set('lang', language());
    return h('a', { href: `${path}?${q}`, download: `${name}.${format}`, 'data-testid': `export-${format}` }, t(`export.${format}`));
  };
  return h('div', { class: 'exports' }, link('csv'), link('xlsx'));
}

function apiQuery(params) {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'employee', 'door', 'department']) if (params.get(key)) query.set(key, params.get(key));
  query.set('timeClocksOnly', params.get('clocks') === '0' ? '0' : '1');
  if (params.get('humand') === '1') query.set('humand', '1');
  return query;
}

function navigate(params, changes) {
  const next = {};
  for (const key of FILTERS) if (params.get(key)) next[key] = params.get(key);
  Object.assign(next, changes);
  location.hash = hashLink('attendance', next);
}

function filterForm(params, view) {
  const field = (label, input) => h('label', { class: 'field' }, h('span', null, label), input);
  const from = h('input', { name: 'from', type: 'date', value: view.from, 'data-testid': 'att-from' });
  const to = h('input', { name: 'to', type: 'date', value: view.to, 'data-testid': 'att-to' });
  const employee = h('input', { name: 'employee', type: 'search', value: params.get('employee') ?? '', autocomplete: 'off', 'data-testid': 'att-employee' });
  const door = h('input', { name: 'door', type: 'text', value: params.get('door') ?? '' });
  const department = h('input', { name: 'department', type: 'text', value: params.get('department') ?? '' });
  const clocks = h('input', { type: 'checkbox', checked: params.get('clocks') !== '0', 'data-testid': 'att-clocks' });
  const humand = h('input', { type: 'checkbox', checked: params.get('humand') === '1', 'data-testid': 'att-humand' });
  const range = (r) => navigate(params, { ...r, offset: '' });
  const span = Math.round((Date.parse(view.to) - Date.parse(view.from)) / 86_400_000) + 1;
  return h(
    'form',
    {
      class: 'search card',
      role: 'search',
      onsubmit: (event) => {
        event.preventDefault();
        navigate(params, {
          from: from.value,
          to: to.value,
          employee: employee.value.trim(),
          door: door.value.trim(),
          department: department.value.trim(),
          clocks: clocks.checked ? '' : '0',
          humand: humand.checked ? '1' : '',
          offset: '',
        });
      },
    },
    field(t('att.from'), from),
    field(t('att.to'), to),
    field(t('search.employee'), employee),
    field(t('search.door'), door),
    field(t('att.department'), department),
    h('label', { class: 'field check' }, clocks, h('span', null, t('att.timeClocksOnly'))),
    h('label', { class: 'field check' }, humand, h('span', null, t('att.compare'))),
    h('button', { type: 'submit', 'data-testid': 'att-go' }, t('search.go')),
    h(
      'div',
      { class: 'quick' },
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => range({ from: addDays(view.from, -span), to: addDays(view.to, -span) }) },
        t('att.prev'),
      ),
      h(
        'button',
        { type: 'button', class: 'secondary', 'data-testid': 'att-today', onclick: () => range({ from: view.today, to: view.today }) },
        t('att.today'),
      ),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'att-week', onclick: () => range(weekOf(view.today)) }, t('att.week')),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'att-month', onclick: () => range(monthOf(view.today)) }, t('att.month')),
      h('button', { type: 'button', class: 'secondary', onclick: () => range({ from: addDays(view.from, span), to: addDays(view.to, span) }) }, t('att.next')),
    ),
  );
}

function incidentBadge(row, date, incident) {
  const search = { employee: row.employeeId ?? row.personId ?? '', date };
  return h(
    'a',
    { class: `incident i-${incident.kind}`, href: hashLink('punches', search), 'data-incident': incident.kind },
    incident.punchIds.length > 1 ? `${t(`incident.${incident.kind}`)} ×${incident.punchIds.length}` : t(`incident.${incident.kind}`),
  );
}

/** @param {import('../views/attendance-types.js').HumandComparison | null | undefined} comparison */
function humandMark(comparison) {
  if (!comparison) return null;
  if (comparison.state === 'match') return h('span', { class: 'humand-match', 'data-humand': 'match' }, t('att.matches'));
  if (comparison.state === 'differs') {
    return h(
      'span',
      {
        class: 'humand-differs',
        'data-humand': 'differs',
        title: t('att.differsTitle', { humand: comparison.onlyHumand.join(' ') || '—', ours: comparison.onlyOurs.join(' ') || '—' }),
      },
      `${t('att.differs')} ${[...comparison.onlyHumand.map((k) => `+${k}`), ...comparison.onlyOurs.map((k) => `−${k}`)].join(' ')}`,
    );
  }
  return null;
}

/**
 * @param {import('../views/attendance-types.js').AttendanceRow} row
 * @param {string} date
 * @param {import('../views/attendance-types.js').AttendanceDay | undefined} d
 */
function dayCell(row, date, d) {
  if (!d) return h('span', { class: 'muted empty-day' }, '—');
  return h(
    'div',
    null,
    d.pairs.map((p) =>
      h('span', { class: `att-pair${p.pending ? ' pending' : ''}`, title: p.pending ? t('att.pending') : null }, `${p.in ?? '?'}–${p.out ?? '?'}`),
    ),
    d.minutes > 0 ? h('span', { class: 'att-hours' }, hours(d.minutes)) : null,
    d.incidents.map((i) => incidentBadge(row, date, i)),
    humandMark(d.humand),
  );
}

/** @param {import('../views/attendance-types.js').AttendanceView} view */
function attendanceTable(view) {
  if (view.rows.length === 0) return h('p', { class: 'muted', 'data-testid': 'att-empty' }, t('att.empty'));
  const headers = [t('att.employee'), t('att.total'), ...view.dates.map(dayHeader)];
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { class: 'rows attendance', 'data-testid': 'attendance' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          headers.map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        null,
        view.rows.map((row) => {
          const byDate = new Map(row.days.map((d) => [d.date, d]));
          return h(
            'tr',
            { 'data-employee': row.employeeId ?? '', 'data-person': row.personId ?? '' },
            h(
              'td',
              { class: 'att-name', 'data-label': headers[0] },
              h(
                'div',
                null,
                h('strong', null, row.name),
                ' ',
                h('span', { class: 'muted small' }, [row.code, row.department].filter(Boolean).join(' · ')),
                row.employeeId === null ? h('span', { class: 'incident i-unmapped' }, t('att.unmapped')) : null,
              ),
            ),
            h('td', { 'data-label': headers[1], 'data-testid': 'att-total' }, hours(row.minutes)),
            view.dates.map((date, i) => h('td', { class: 'day', 'data-label': headers[i + 2], 'data-date': date }, dayCell(row, date, byDate.get(date)))),
          );
        }),
      ),
    ),
  );
}

export async function renderAttendance(params, api) {
  const query = apiQuery(params);
  const offset = Number(params.get('offset') ?? 0) || 0;
  const size = Math.min(Math.max(Number(params.get('size')) || PAGE_SIZE, 1), 500);
  /** @type {import('../views/attendance-types.js').AttendanceView} */
  const view = await api(`/api/attendance?${query}&offset=${offset}&limit=${size}`);
  const exportQuery = apiQuery(params);
  exportQuery.set('from', view.from);
  exportQuery.set('to', view.to);
  return [
    filterForm(params, view),
    h(
      'section',
      { class: 'card' },
      h('h2', null, view.from === view.to ? t('att.titleDay', { day: day(view.from) }) : t('att.title', { from: day(view.from), to: day(view.to) })),
      exportLinks('/api/export/attendance', exportQuery, `${language() === 'es' ? 'asistencia' : 'attendance'}-${view.from}-${view.to}`),
      view.humand.state === 'unavailable'
        ? h(
            'p',
            { class: 'bad-text', 'data-testid': 'humand-unavailable' },
            t('att.humandUnavailable', { reason: translateText(view.humand.reason, language()) }),
          )
        : null,
      pager(view.total, view.offset, view.limit, (next) => navigate(params, { offset: next ? String(next) : '' }), 'count.employees'),
      attendanceTable(view),
    ),
  ];
}
