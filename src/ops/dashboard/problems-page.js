// @ts-check
import { h, hashLink, replace } from './dom.js';
import { t } from './i18n.js';
import { number, plural } from './format.js';
import { renderInto } from './render-into.js';
import { api, session } from './api.js';
import { punchColumns, say, section, table, time } from './widgets.js';

export async function renderProblems() {
  /** @type {[import('../views/problems.js').ProblemsView, import('../views/problem-totals.js').ProblemTotals]} */
  const [p, totals] = await Promise.all([api('/api/problems'), api('/api/problems/totals')]);
  const notice = h('p', { class: 'notice', role: 'status', 'data-testid': 'redrive-result' });
  const selected = new Set();
  const post = (path, body) =>
    api(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  // Read-only HR login: the lists, no action (the API would answer 403 anyway).
  const tools = () => (session.readOnly ? [h('p', { class: 'notice', 'data-testid': 'read-only' }, t('role.readOnly'))] : [reprocessCard(post)]);
  const body = (problems, problemTotals) => [
    notice,
    cutLists(problems, problemTotals),
    ...renderProblemsBody(problems, problemTotals, selected, session.readOnly ? null : actions),
    ...tools(),
  ];
  const rerender = async () => {
    /** @type {[import('../views/problems.js').ProblemsView, import('../views/problem-totals.js').ProblemTotals]} */
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
/**
 * @param {import('../views/problems.js').ProblemsView} p
 * @param {import('../views/problem-totals.js').ProblemTotals} totals
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
/**
 * @param {import('../views/problems.js').ProblemsView} p
 * @param {import('../views/problem-totals.js').ProblemTotals} totals
 */
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
