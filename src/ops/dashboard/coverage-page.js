// @ts-check
import { h, hashLink } from './dom.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { say, section, stat, table, time } from './widgets.js';

export async function renderCoverage() {
  /** @type {import('../views/coverage.js').CoverageView} */
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
