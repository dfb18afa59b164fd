/* global document, window, fetch, location, URLSearchParams, setInterval, clearInterval */
import { h, hashLink, replace } from './dom.js';
import { duration, language, setLanguage, t } from './i18n.js';
import { exportLinks, pager, renderAttendance } from './attendance.js';
import { budgetGauge, hourlyChart } from './charts.js';
import { dateTime, day, number, outcomeName, plural } from './format.js';
import { translateText, translateWord } from './reasons.js';

const OUTCOMES = [
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
const PAGES = ['overview', 'attendance', 'punches', 'problems', 'coverage'];
const REFRESH_MS = 15000;

const main = document.getElementById('main');
let refreshTimer = null;
/** Who is logged in (/api/me): the HR login reads every page, its action buttons are not shown. */
let me = { role: 'admin', readOnly: false };

async function api(path, init) {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin', ...init });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = (path || 'overview').split('/');
  return { page: parts[0], id: parts[1] ?? null, params: new URLSearchParams(query ?? '') };
}

/** "2026-01-27T08:12:45-03:00" → "27/01/2026 08:12:45" (es) or "2026-01-27 08:12:45": the zone is the site's, shown in the footer. */
const time = (iso) => dateTime(iso);
/** A text the service wrote in English (reason, hint, error), in the page's language. */
const say = (text) => translateText(text, language());

function outcomeBadge(outcome) {
  return h('span', { class: `badge o-${outcome}`, 'data-outcome': outcome }, t(`outcome.${outcome}`));
}

function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}

function table(columns, rows, options = {}) {
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

function employeeLabel(p) {
  const name = p.personName ?? p.personCode ?? p.personId ?? '?';
  return p.employeeId ? `${name} (${p.employeeId})` : name;
}

const punchColumns = () => [
  { label: t('col.time'), cell: (p) => h('a', { href: hashLink(`punch/${p.id}`) }, time(p.eventLocal ?? p.eventTime)) },
  { label: t('col.employee'), cell: (p) => employeeLabel(p) },
  { label: t('col.door'), cell: (p) => p.door ?? '—' },
  { label: t('col.type'), cell: (p) => (p.entryType ? t(p.entryType) : '—') },
  { label: t('col.outcome'), cell: (p) => outcomeBadge(p.outcome) },
  { label: t('col.reason'), cell: (p) => say(p.reason) ?? '' },
];

// ---------- Overview ----------

function stat(label, value, testid, tone) {
  return h(
    'div',
    { class: `stat ${tone ?? ''}` },
    h('span', { class: 'value', 'data-testid': testid }, String(value)),
    h('span', { class: 'label' }, typeof label === 'function' ? label(value) : label),
  );
}

function countsBlock(counts, prefix) {
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

function deliveryBanner(delivery) {
  const tone = delivery.state === 'running' ? 'good' : delivery.state === 'paused' ? 'bad' : 'warn';
  return h(
    'div',
    { class: `banner ${tone}`, role: delivery.state === 'paused' ? 'alert' : 'status', 'data-testid': 'delivery-state', 'data-state': delivery.state },
    h('strong', null, t(`delivery.${delivery.state}`)),
    delivery.sinceLocal ? h('span', null, ` ${t('delivery.since')} ${time(delivery.sinceLocal)}`) : null,
    delivery.reason ? h('p', null, say(delivery.reason)) : null,
    delivery.hint ? h('p', null, h('strong', null, `${t('delivery.whatToDo')}: `), say(delivery.hint)) : null,
  );
}

function backlogBlock(o) {
  const b = o.backlog;
  const budget = b.budget;
  const eta =
    o.delivery.state === 'paused' ? t('backlog.etaPaused') : b.pending === 0 ? '—' : b.etaSeconds === 0 ? t('backlog.etaNow') : duration(b.etaSeconds);
  const budgetText =
    budget.observed && budget.remaining !== null
      ? t('backlog.budgetText', { remaining: budget.remaining, limit: budget.limit, window: duration(budget.windowSeconds) })
      : t('backlog.assumed', { limit: budget.limit, window: duration(budget.windowSeconds) });
  return h(
    'dl',
    { class: 'facts' },
    h('dt', null, t('backlog.pending')),
    h('dd', { 'data-testid': 'backlog-pending' }, String(b.pending)),
    h('dt', null, t('backlog.oldest')),
    h(
      'dd',
      { 'data-testid': 'backlog-oldest' },
      b.oldestPendingAgeSeconds === null ? '—' : duration(b.oldestPendingAgeSeconds),
      b.oldestPendingEventLocal ? h('span', { class: 'muted' }, ` (${t('backlog.punchFrom', { time: time(b.oldestPendingEventLocal) })})`) : null,
    ),
    h('dt', null, t('backlog.eta')),
    h('dd', { 'data-testid': 'backlog-eta' }, eta),
    h('dt', null, t('backlog.budget')),
    h(
      'dd',
      null,
      budgetText,
      budgetGauge(
        budget.observed ? budget.remaining : null,
        budget.limit,
        budget.observed && budget.remaining !== null
          ? t('gauge.label', { remaining: budget.remaining, limit: budget.limit })
          : t('gauge.assumed', { limit: budget.limit, window: duration(budget.windowSeconds) }),
      ),
    ),
  );
}

function activityBlock(o) {
  const poll = o.lastPoll;
  return h(
    'dl',
    { class: 'facts' },
    h('dt', null, t('activity.lastPoll')),
    h('dd', null, poll.enabled ? time(poll.attemptLocal) : t('activity.pollOff')),
    poll.enabled ? [h('dt', null, t('activity.lastPollOk')), h('dd', { 'data-testid': 'last-poll' }, time(poll.successLocal))] : null,
    poll.error ? [h('dt', null, t('activity.pollError')), h('dd', { class: 'bad-text' }, say(poll.error))] : null,
    h('dt', null, t('activity.lastPush')),
    h('dd', { 'data-testid': 'last-push' }, time(o.lastPushLocal)),
    h('dt', null, t('activity.lastEvent')),
    h('dd', null, time(o.lastEventLocal)),
    o.deliveryLease ? [h('dt', null, t('activity.lease')), h('dd', { 'data-testid': 'delivery-lease' }, leaseText(o.deliveryLease))] : null,
  );
}

function leaseText(lease) {
  const held = t(lease.expired ? 'lease.expired' : 'lease.held', { owner: lease.ownerId, epoch: lease.epoch, since: time(lease.sinceLocal) });
  if (lease.previousOwnerId === null) return held;
  const took =
    lease.takeoverWaitSeconds === null
      ? t('lease.handedOver', { owner: lease.previousOwnerId })
      : t('lease.tookOver', { owner: lease.previousOwnerId, wait: duration(lease.takeoverWaitSeconds) });
  return `${held}; ${took}`;
}

async function renderOverview() {
  const [o, hourly] = await Promise.all([api('/api/overview'), api('/api/hourly')]);
  const firing = o.alerts.filter((a) => a.firing);
  return [
    deliveryBanner(o.delivery),
    o.humand && o.humand.failingSinceLocal
      ? h(
          'div',
          { class: 'banner bad', role: 'alert', 'data-testid': 'humand-unreachable' },
          h('strong', null, t('humand.unreachable', { since: time(o.humand.failingSinceLocal), n: o.humand.failures })),
          h('p', null, say(o.humand.lastError ?? '')),
          h('p', null, t('humand.kept')),
        )
      : null,
    o.lastPoll.enabled && o.lastPoll.failing
      ? h(
          'div',
          { class: 'banner bad', role: 'alert', 'data-testid': 'hik-unreachable' },
          h('strong', null, t('hik.unreachable', { since: time(o.lastPoll.successLocal) })),
          h('p', null, say(o.lastPoll.error ?? '')),
        )
      : null,
    ...(o.warnings ?? []).map((warning) =>
      h('div', { class: 'banner warn', role: 'alert', 'data-testid': 'config-warning' }, h('strong', null, `${t('warning')}: `), warning),
    ),
    h(
      'div',
      { class: 'grid' },
      section(`${t('today')} · ${day(o.today)}`, [
        countsBlock(o.todayCounts, 'today'),
        o.backlog.pendingFromEarlierDays > 0
          ? h('p', { class: 'warn-text', 'data-testid': 'today-earlier-waiting' }, t('today.earlierWaiting', { n: o.backlog.pendingFromEarlierDays }))
          : null,
      ]),
      section(t('backlog'), backlogBlock(o)),
      section(t('activity'), activityBlock(o)),
      section(
        t('alerts'),
        firing.length === 0
          ? h('p', { class: 'muted' }, t('alerts.none'))
          : h(
              'ul',
              { class: 'alerts' },
              firing.map((a) => h('li', { class: 'bad-text', 'data-alert': a.kind }, t(`alert.${a.kind}`))),
            ),
      ),
    ),
    section(
      t('recentErrors'),
      table(
        [
          { label: t('col.time'), cell: (e) => time(e.atLocal) },
          { label: t('col.error'), cell: (e) => say(e.message) },
          { label: t('col.times'), cell: (e) => (e.count > 1 ? t('errors.repeated', { n: e.count, since: time(e.firstLocal) }) : '1') },
          { label: t('delivery.whatToDo'), cell: (e) => say(e.hint) ?? '' },
        ],
        o.recentErrors,
        { empty: t('recentErrors.none') },
      ),
    ),
    section(t('chart.title', { date: day(hourly.date) }), hourlyChart(hourly, day(hourly.date))),
    section(t('ledger'), countsBlock(o.ledgerCounts, 'ledger')),
    h('p', { class: 'muted small' }, `${t('updated')} ${time(o.generatedLocal)} (${o.timezone})`),
  ];
}

// ---------- Punch explorer ----------

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

async function renderPunches(params) {
  const query = new URLSearchParams();
  for (const key of ['employee', 'date', 'door', 'outcome']) if (params.get(key)) query.set(key, params.get(key));
  query.set('timeClocksOnly', params.get('clocks') === '0' ? '0' : '1');
  const offset = Number(params.get('offset') ?? 0) || 0;
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

async function renderPunch(id) {
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

async function renderProblems() {
  const [p, totals] = await Promise.all([api('/api/problems'), api('/api/problems/totals')]);
  const notice = h('p', { class: 'notice', role: 'status', 'data-testid': 'redrive-result' });
  const selected = new Set();
  const post = (path, body) =>
    api(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  // Read-only HR login: the lists, no action (the API would answer 403 anyway).
  const tools = () => (me.readOnly ? [h('p', { class: 'notice', 'data-testid': 'read-only' }, t('role.readOnly'))] : [reprocessCard(post)]);
  const body = (problems, problemTotals) => [
    notice,
    cutLists(problems, problemTotals),
    ...renderProblemsBody(problems, problemTotals, selected, me.readOnly ? null : actions),
    ...tools(),
  ];
  const rerender = async () => {
    const [again, againTotals] = await Promise.all([api('/api/problems'), api('/api/problems/totals')]);
    await renderInto(async () => body(again, againTotals));
  };
  const actions = {
    redrive: async (selection) => {
      const { redriven } = await post('/api/redrive', selection);
      notice.textContent = plural('problems.redriven', redriven);
      await rerender();
    },
    fixed: async (ids) => {
      const { closed } = await post('/api/problems/fixed', { ids });
      notice.textContent = plural('problems.fixed', closed);
      await rerender();
    },
  };
  return body(p, totals);
}

/** "Re-drive all dead" asks first, saying how many (dead only: rejected and review punches need their cause fixed first). */
function redriveAllButton(deadCount, actions) {
  const area = h('span', { class: 'confirm' });
  const ask = () =>
    replace(
      area,
      h('span', { 'data-testid': 'redrive-all-question' }, plural('problems.redriveAllConfirm', deadCount), ' '),
      h(
        'button',
        { type: 'button', 'data-testid': 'redrive-all-yes', onclick: () => actions.redrive({ all: true }) },
        plural('problems.redriveAllYes', deadCount),
      ),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'redrive-all-cancel', onclick: () => replace(area, first()) }, t('problems.cancel')),
    );
  const first = () => h('button', { type: 'button', class: 'secondary', 'data-testid': 'redrive-all', onclick: ask }, t('problems.redriveAll'));
  replace(area, first());
  return area;
}

/** Decide a range of days again (issue #9): a preview first, then apply. */
function reprocessCard(post) {
  const today = new Date().toISOString().slice(0, 10);
  const from = h('input', { type: 'date', value: today, 'aria-label': t('reprocess.from'), 'data-testid': 'reprocess-from' });
  const to = h('input', { type: 'date', value: today, 'aria-label': t('reprocess.to'), 'data-testid': 'reprocess-to' });
  const result = h('p', { class: 'notice', role: 'status', 'data-testid': 'reprocess-result' });
  const run = async (dryRun) => {
    const r = await post('/api/reprocess', { from: from.value, to: to.value, dryRun });
    const n = { considered: number(r.considered), changed: number(r.changes.length), queued: number(r.nowQueued), again: number(r.redecidedAtDelivery) };
    result.textContent = t(dryRun ? 'reprocess.result' : 'reprocess.applied', n);
  };
  return section(
    t('reprocess.title'),
    h('p', { class: 'muted' }, t('reprocess.help')),
    h(
      'div',
      { class: 'actions' },
      h('label', null, `${t('reprocess.from')} `, from),
      h('label', null, `${t('reprocess.to')} `, to),
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'reprocess-preview', onclick: () => run(true) }, t('reprocess.preview')),
      h('button', { type: 'button', 'data-testid': 'reprocess-apply', onclick: () => run(false) }, t('reprocess.apply')),
    ),
    result,
  );
}

/**
 * Each Problems list shows its newest 200: for every list cut short, "Showing the newest 200 of
 * 1,050" and a link to all of them in the paged explorer.
 */
function cutLists(p, totals) {
  const shown = { dead: p.dead.length, rejected: p.rejected.length, held: p.held.length, suppressed: p.suppressed.length, debounced: p.debounced.length };
  const cut = Object.keys(shown).filter((o) => (totals[o] ?? 0) > shown[o]);
  if (cut.length === 0) return null;
  return h(
    'section',
    { class: 'card', 'data-testid': 'cut-lists' },
    h(
      'ul',
      { class: 'alerts' },
      cut.map((o) =>
        h(
          'li',
          null,
          `${t(`outcome.${o}`)}: ${t('problems.more', { shown: number(shown[o]), total: number(totals[o]) })} `,
          h('a', { href: hashLink('punches', { outcome: o, clocks: '0' }) }, t('problems.seeAll')),
        ),
      ),
    ),
  );
}

/** `actions` null: read-only (the HR login), no checkboxes and no buttons. */
function renderProblemsBody(p, totals, selected, actions) {
  selected.clear();
  const failed = [...(p.review ?? []), ...p.rejected, ...p.dead, ...(p.waiting ?? [])];
  const deadCount = Math.max(totals.dead ?? 0, p.dead.length);
  const selectBox = (row) =>
    h('input', {
      type: 'checkbox',
      'aria-label': `${t('col.select')} ${row.id}`,
      onchange: (e) => (e.target.checked ? selected.add(row.id) : selected.delete(row.id)),
    });
  const columns = actions === null ? punchColumns() : [{ label: t('col.select'), cell: selectBox }, ...punchColumns()];
  return [
    section(
      t('problems.dead'),
      h('p', { class: 'muted' }, t('problems.deadHelp')),
      failed.length === 0 || actions === null
        ? null
        : h(
            'div',
            { class: 'actions' },
            h(
              'button',
              { type: 'button', 'data-testid': 'redrive-selected', onclick: () => selected.size > 0 && actions.redrive({ ids: [...selected] }) },
              t('problems.redriveSelected'),
            ),
            h(
              'button',
              { type: 'button', class: 'secondary', 'data-testid': 'mark-fixed', onclick: () => selected.size > 0 && actions.fixed([...selected]) },
              t('problems.markFixed'),
            ),
            deadCount === 0 ? null : redriveAllButton(deadCount, actions),
          ),
      table(columns, failed, { testid: 'dead-punches' }),
    ),
    section(
      t('problems.unmapped'),
      h('p', { class: 'muted' }, t('problems.unmappedHelp')),
      table(
        [
          { label: t('col.person'), cell: (u) => h('a', { href: hashLink('punches', { employee: u.personId ?? '' }) }, u.personName ?? u.personId ?? '?') },
          { label: t('col.code'), cell: (u) => u.personCode ?? '—' },
          { label: t('col.waiting'), cell: (u) => h('span', { 'data-testid': 'unmapped-waiting' }, String(u.waiting)) },
          { label: t('col.first'), cell: (u) => time(u.firstLocal) },
          { label: t('col.last'), cell: (u) => time(u.lastLocal) },
          { label: t('col.reason'), cell: (u) => say(u.reason) ?? '' },
        ],
        p.unmapped,
        { testid: 'unmapped-persons' },
      ),
    ),
    section(t('problems.held'), table(punchColumns(), p.held, { testid: 'held-punches' })),
    section(
      t('problems.suppressed'),
      h('p', { class: 'muted' }, t('problems.suppressedHelp')),
      table(punchColumns(), [...(p.corrected ?? []), ...(p.covered ?? []), ...p.debounced, ...p.suppressed], { testid: 'suppressed-punches' }),
    ),
    section(
      t('problems.unreadable'),
      h('p', { class: 'muted' }, t('problems.unreadableHelp', { n: p.unreadable?.total ?? 0 })),
      table(
        [
          { label: t('col.when'), cell: (u) => time(u.atLocal) },
          { label: t('col.source'), cell: (u) => u.source },
          { label: t('col.reason'), cell: (u) => (u.seen > 1 ? `${u.reason} (×${u.seen})` : u.reason) },
          { label: t('col.input'), cell: (u) => h('code', { class: 'small preview' }, u.preview) },
        ],
        p.unreadable?.recent ?? [],
        { testid: 'unreadable-inputs' },
      ),
    ),
  ];
}

// ---------- Mapping coverage ----------

async function renderCoverage() {
  const c = await api('/api/coverage');
  return [
    section(
      t('nav.coverage'),
      h(
        'div',
        { class: 'stats' },
        stat(t('coverage.persons'), c.hikPersons, 'coverage-persons'),
        stat(t('coverage.users'), c.activeHumandUsers, 'coverage-users'),
        stat(t('coverage.mapped'), c.mapped, 'coverage-mapped', 'good'),
      ),
      h('p', { class: 'muted small' }, t('coverage.refreshed', { persons: time(c.personsRefreshedLocal), users: time(c.usersRefreshedLocal) })),
    ),
    section(
      t('coverage.unmapped'),
      table(
        [
          { label: t('col.person'), cell: (u) => h('a', { href: hashLink('punches', { employee: u.personId }) }, u.personName ?? u.personId) },
          { label: t('col.code'), cell: (u) => u.personCode ?? '—' },
          { label: t('col.reason'), cell: (u) => say(u.reason) },
        ],
        c.unmappedPersons,
        { testid: 'coverage-unmapped' },
      ),
    ),
    section(
      t('coverage.usersWithout'),
      table(
        [
          { label: t('col.user'), cell: (u) => u.name },
          { label: 'employeeInternalId', cell: (u) => u.employeeInternalId },
          { label: t('col.userStatus'), cell: (u) => u.status },
        ],
        c.usersWithoutPerson,
        { testid: 'coverage-users-without' },
      ),
    ),
  ];
}

// ---------- Shell ----------

function renderNav(active) {
  replace(
    document.getElementById('nav'),
    PAGES.map((page) =>
      h('a', { href: `#/${page}`, class: page === active ? 'active' : null, 'aria-current': page === active ? 'page' : null }, t(`nav.${page}`)),
    ),
    me.readOnly ? h('span', { class: 'badge', 'data-testid': 'role' }, t('role.hr')) : null,
  );
  const toggle = document.getElementById('lang');
  toggle.textContent = t('lang.switch');
  toggle.onclick = () => {
    setLanguage(language() === 'es' ? 'en' : 'es');
    void show();
  };
  document.title = t('title');
}

async function renderInto(build) {
  try {
    replace(main, ...(await build()));
  } catch (error) {
    replace(main, h('div', { class: 'banner bad', role: 'alert' }, `${t('error')}: ${error.message}`));
  }
  main.setAttribute('aria-busy', 'false');
}

async function show() {
  const { page, id, params } = route();
  const active = page === 'punch' ? 'punches' : PAGES.includes(page) ? page : 'overview';
  renderNav(active);
  if (refreshTimer !== null) clearInterval(refreshTimer);
  refreshTimer = null;
  main.setAttribute('aria-busy', 'true');
  const build =
    page === 'punch' && id
      ? () => renderPunch(id)
      : active === 'attendance'
        ? () => renderAttendance(params, api)
        : active === 'punches'
          ? () => renderPunches(params)
          : active === 'problems'
            ? renderProblems
            : active === 'coverage'
              ? renderCoverage
              : renderOverview;
  await renderInto(build);
  // The overview keeps itself current; other pages change only when asked.
  if (active === 'overview') refreshTimer = setInterval(() => void renderInto(renderOverview), REFRESH_MS);
}

setLanguage(language());
window.addEventListener('hashchange', () => void show());
void api('/api/me')
  .then(
    (who) => {
      me = who;
    },
    () => undefined,
  )
  .finally(() => void show());
