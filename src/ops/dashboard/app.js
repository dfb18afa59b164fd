// @ts-check
/* global document, window, location, URLSearchParams, setInterval, clearInterval */
import { h, replace } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { renderAttendance } from './attendance.js';
import { api, session } from './api.js';
import { markBusy, renderInto } from './render-into.js';
import { renderOverview } from './overview-page.js';
import { renderPunch, renderPunches } from './punches-page.js';
import { renderProblems } from './problems-page.js';
import { renderCoverage } from './coverage-page.js';

const PAGES = ['overview', 'attendance', 'punches', 'problems', 'coverage'];
const REFRESH_MS = 15000;

let refreshTimer = null;

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = (path || 'overview').split('/');
  return { page: parts[0], id: parts[1] ?? null, params: new URLSearchParams(query ?? '') };
}

function renderNav(active) {
  replace(
    document.getElementById('nav'),
    PAGES.map((page) =>
      h('a', { href: `#/${page}`, class: page === active ? 'active' : null, 'aria-current': page === active ? 'page' : null }, t(`nav.${page}`)),
    ),
    session.readOnly ? h('span', { class: 'badge', 'data-testid': 'role' }, t('role.hr')) : null,
  );
  const toggle = /** @type {HTMLElement} */ (document.getElementById('lang'));
  toggle.textContent = t('lang.switch');
  toggle.onclick = () => {
    setLanguage(language() === 'es' ? 'en' : 'es');
    void show();
  };
  document.title = t('title');
}

async function show() {
  const { page, id, params } = route();
  const active = page === 'punch' ? 'punches' : PAGES.includes(page) ? page : 'overview';
  renderNav(active);
  if (refreshTimer !== null) clearInterval(refreshTimer);
  refreshTimer = null;
  markBusy();
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
      Object.assign(session, who);
    },
    () => undefined,
  )
  .finally(() => void show());
