// @ts-check
import { h } from './dom.js';
import { duration, t } from './i18n.js';
import { budgetGauge, hourlyChart } from './charts.js';
import { day } from './format.js';
import { api } from './api.js';
import { countsBlock, say, section, table, time } from './widgets.js';

/**
 * @param {import('../views/overview.js').OverviewView['delivery']} delivery
 * @param {boolean} humandFailing Humand does not answer: "running" would read as all is well.
 */
function deliveryBanner(delivery, humandFailing) {
  const waiting = delivery.state === 'running' && humandFailing;
  const tone = waiting ? 'warn' : delivery.state === 'running' ? 'good' : delivery.state === 'paused' ? 'bad' : 'warn';
  return h(
    'div',
    {
      class: `banner ${tone}`,
      role: delivery.state === 'paused' ? 'alert' : 'status',
      'data-testid': 'delivery-state',
      'data-state': delivery.state,
      'data-waiting': waiting ? 'humand' : null,
    },
    h('strong', null, waiting ? t('delivery.waitingForHumand') : t(`delivery.${delivery.state}`)),
    delivery.sinceLocal ? h('span', null, ` ${t('delivery.since')} ${time(delivery.sinceLocal)}`) : null,
    delivery.reason ? h('p', null, say(delivery.reason)) : null,
    delivery.hint ? h('p', null, h('strong', null, `${t('delivery.whatToDo')}: `), say(delivery.hint)) : null,
  );
}

/** @param {import('../views/overview.js').OverviewView} o */
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

/** @param {import('../views/overview.js').OverviewView} o */
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

/** @param {import('../views/overview.js').DeliveryLeaseView} lease */
function leaseText(lease) {
  const held = t(lease.expired ? 'lease.expired' : 'lease.held', { owner: lease.ownerId, epoch: lease.epoch, since: time(lease.sinceLocal) });
  if (lease.previousOwnerId === null) return held;
  const took =
    lease.takeoverWaitSeconds === null
      ? t('lease.handedOver', { owner: lease.previousOwnerId })
      : t('lease.tookOver', { owner: lease.previousOwnerId, wait: duration(lease.takeoverWaitSeconds) });
  return `${held}; ${took}`;
}

export async function renderOverview() {
  /** @type {[import('../views/overview.js').OverviewView, import('../views/hourly.js').HourlyView]} */
  const [o, hourly] = await Promise.all([api('/api/overview'), api('/api/hourly')]);
  const firing = o.alerts.filter((a) => a.firing);
  return [
    deliveryBanner(o.delivery, Boolean(o.humand && o.humand.failingSinceLocal)),
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
