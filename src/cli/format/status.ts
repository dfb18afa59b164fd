import { printable } from './printable.js';
import type { ServiceHeartbeat, StatusReport } from '../../app/types.js';
import { HEARTBEAT_MS } from '../../app/ops-meta.js';
import type { TerminalStatus } from '../../isapi/terminal-status.js';
import { AWAITING_DELIVERY } from '../../store/punch.js';
import { cliText, type CliText } from '../i18n/text.js';
import { outcomeCounts } from './counts.js';
import { duration, table } from './time.js';

type Rows = Array<[string, string]>;

/** `status` for a person: is it delivering, is it reading, what waits, what went wrong. */
export function formatStatus(status: StatusReport, nowMs: number, ledgerPath: string, text: CliText = cliText('en')): string[] {
  const { t } = text;
  const zone = status.timezone;
  const at = (ms: number | null) => text.localTime(ms, zone);
  const ago = (ms: number | null) => text.localTimeAgo(ms, zone, nowMs);
  const d = status.delivery;
  const pending = AWAITING_DELIVERY.reduce((sum, outcome) => sum + (status.counts[outcome] ?? 0), 0);
  const rows: Rows = [
    [t('status.row.mode'), t('status.mode', { mode: status.mode, dryRun: status.dryRun ? t('status.dryRunSuffix') : '', zone })],
    [t('status.row.ledger'), ledgerPath],
    [t('status.row.delivery'), deliveryLine(status, nowMs, text)],
  ];
  if (d.state === 'paused' && d.hint) rows.push([t('status.row.fix'), d.hint]);
  if (status.service !== undefined) rows.push([t('status.row.service'), serviceLine(status.service, zone, nowMs, text)]);
  const humand = status.humand ?? null;
  if (humand !== null && (humand.failingSinceMs !== null || humand.lastOkMs !== null)) {
    rows.push([
      t('status.row.humand'),
      humand.failingSinceMs !== null
        ? text.count('status.humand.failing', humand.failures, { since: ago(humand.failingSinceMs), error: humand.lastError ?? t('status.noAnswer') })
        : t('status.humand.ok', { when: ago(humand.lastOkMs) }),
    ]);
  }
  rows.push(...leaseRows(status, nowMs, text));
  rows.push(
    [t('status.row.waiting'), pending === 0 ? t('status.waiting.none') : waitingLine(pending, status, nowMs, text)],
    [t('status.row.needsPerson'), needsPersonLine(status.counts, text)],
    [
      t('status.row.poll'),
      status.poll.enabled ? t('status.poll.on', { cursor: at(status.poll.cursorMs), success: ago(status.poll.lastSuccessMs) }) : t('status.poll.off'),
    ],
  );
  if (status.poll.lastError) rows.push([t('status.row.pollError'), status.poll.lastError]);
  for (const terminal of status.terminals ?? []) rows.push(...terminalRows(terminal, zone, nowMs, text));
  const rate = status.rateLimit;
  rows.push(
    [t('status.row.lastPush'), ago(status.lastPushMs)],
    [t('status.row.lastEvent'), ago(status.lastEventMs)],
    [
      t('status.row.budget'),
      rate !== null && rate.limit !== null
        ? t('status.budget.seen', {
            remaining: rate.remaining ?? '?',
            limit: rate.limit,
            window: rate.windowSeconds !== null ? t('status.budget.window', { seconds: rate.windowSeconds }) : '',
            ago: duration(nowMs - rate.observedAt),
          })
        : t('status.budget.assumed', { limit: status.assumedRateLimit.limit, seconds: status.assumedRateLimit.windowSeconds }),
    ],
    [t('status.row.punches'), outcomeCounts(status.counts, text)],
  );
  const openDays = status.openDays ?? [];
  if (openDays.length > 0) {
    const first = openDays[0]!;
    rows.push([
      t('status.row.openDays'),
      text.count('status.openDays', openDays.length, { employee: first.employeeId, since: at(first.startMs), punch: first.punchId }),
    ]);
  }
  const unreadable = status.unreadableInputs;
  if (unreadable && unreadable.total > 0)
    rows.push([t('status.row.unreadable'), t('status.unreadable', { n: unreadable.total, when: ago(unreadable.lastMs) })]);
  for (const warning of status.warnings ?? []) rows.push([t('status.row.warning'), warning]);
  const lines = [t('status.title', { time: at(nowMs) }), ...table(rows)];
  if (status.recentErrors.length > 0) {
    lines.push(t('status.errors'));
    for (const error of status.recentErrors.slice(0, 5)) {
      const repeated = (error.count ?? 1) > 1 ? t('status.errors.repeated', { n: error.count ?? 1, since: at(error.firstMs ?? error.atMs) }) : '';
      lines.push(`  ${at(error.atMs)}  ${error.message}${error.code ? ` [${error.code}]` : ''}${repeated}`);
      if (error.hint) lines.push(`  ${' '.repeat(19)}  ${t('status.errors.fix', { hint: error.hint })}`);
    }
  }
  return lines.map(printable);
}

function deliveryLine(status: StatusReport, nowMs: number, { t, localTimeAgo }: CliText): string {
  const d = status.delivery;
  switch (d.state) {
    case 'paused':
      return t('status.delivery.paused', { since: localTimeAgo(d.sinceMs, status.timezone, nowMs), reason: d.reason ?? t('status.delivery.pausedReason') });
    case 'stopped':
      return status.mode === 'demo' ? t('status.delivery.demo') : t('status.delivery.stopped', { reason: d.reason ?? t('status.delivery.notConfigured') });
    case 'dry-run':
      return t('status.delivery.dryRun');
    case 'running':
      if (serviceRunning(status, nowMs)) return t('status.delivery.running');
      return status.service === null || status.service === undefined ? t('status.delivery.neverRun') : t('status.delivery.noService');
  }
}

/** A `run` service beat within the last three heartbeats and did not say it stopped. */
function serviceRunning(status: StatusReport, nowMs: number): boolean {
  const service = status.service;
  // Reports without the field (an older ledger reader) keep the old wording.
  if (service === undefined) return true;
  return service !== null && service.stoppedMs === null && nowMs - service.lastSeenMs <= 3 * HEARTBEAT_MS;
}

function serviceLine(service: ServiceHeartbeat | null, zone: string, nowMs: number, { t, localTime, localTimeAgo }: CliText): string {
  if (service === null) return t('status.service.never');
  const where = t('status.service.where', { host: service.host, pid: service.pid, since: localTime(service.startedMs, zone) });
  if (service.stoppedMs !== null) return t('status.service.stopped', { when: localTimeAgo(service.stoppedMs, zone, nowMs), where });
  if (nowMs - service.lastSeenMs > 3 * HEARTBEAT_MS) return t('status.service.gone', { when: localTimeAgo(service.lastSeenMs, zone, nowMs), where });
  return t('status.service.running', { where, when: localTimeAgo(service.lastSeenMs, zone, nowMs) });
}

function leaseRows(status: StatusReport, nowMs: number, { t, localTime, localTimeAgo }: CliText): Rows {
  const lease = status.deliveryLease;
  if (lease === undefined || lease === null) return [];
  const zone = status.timezone;
  const state =
    lease.expiresMs > nowMs
      ? t('status.lease.held', { until: localTime(lease.expiresMs, zone) })
      : t('status.lease.expired', { when: localTimeAgo(lease.expiresMs, zone, nowMs) });
  const rows: Rows = [
    [t('status.row.lease'), t('status.lease', { owner: lease.ownerId, epoch: lease.epoch, taken: localTime(lease.acquiredMs, zone), state })],
  ];
  const previous = lease.previousHolder ?? null;
  if (previous !== null) {
    rows.push([
      t('status.row.takenFrom'),
      previous.expiredMs === null
        ? t('status.lease.handedOver', { owner: previous.ownerId })
        : t('status.lease.tookOver', { owner: previous.ownerId, wait: duration(Math.max(0, lease.acquiredMs - previous.expiredMs)) }),
    ]);
  }
  return rows;
}

/** What needs a person, by kind, and where to look: unmapped (the Coverage page), the others `dead-letters list`. */
function needsPersonLine(counts: StatusReport['counts'], { t }: CliText): string {
  const parts = [
    [counts.review ?? 0, 'status.needs.review'],
    [counts.unmapped ?? 0, 'status.needs.unmapped'],
    [counts.rejected ?? 0, 'status.needs.rejected'],
    [counts.dead ?? 0, 'status.needs.dead'],
    [counts.waiting ?? 0, 'status.needs.waiting'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, key]) => t(key, { n }));
  if (said.length === 0) return t('status.needs.none');
  const where = (counts.unmapped ?? 0) > 0 && said.length === 1 ? t('status.needs.whereCoverage') : t('status.needs.whereDeadLetters');
  return `${said.join(', ')} (${where})`;
}

/** A terminal read directly (ISAPI): when it was last read, how far, its clock, what went wrong. */
function terminalRows(terminal: TerminalStatus, zone: string, nowMs: number, { t, localTime, localTimeAgo }: CliText): Rows {
  const seconds = terminal.driftMs === null ? 0 : Math.abs(Math.round(terminal.driftMs / 1000));
  const drift = terminal.driftMs === null ? '' : t(terminal.driftMs >= 0 ? 'status.terminal.ahead' : 'status.terminal.behind', { seconds });
  const rows: Rows = [
    [
      t('status.row.terminal', { device: terminal.device }),
      t('status.terminal', { cursor: localTime(terminal.cursorMs, zone), success: localTimeAgo(terminal.lastSuccessMs, zone, nowMs), drift }),
    ],
  ];
  if (terminal.lastError !== null) rows.push([t('status.row.terminalError'), terminal.lastError]);
  if (terminal.lastLoss !== null) {
    rows.push([
      t('status.row.eventsLost'),
      t('status.terminal.lost', {
        from: terminal.lastLoss.fromSerial,
        to: terminal.lastLoss.toSerial,
        when: localTimeAgo(terminal.lastLoss.seenMs, zone, nowMs),
      }),
    ]);
  }
  return rows;
}

/** How long the longest-waiting punch has waited (since it was recorded), and when it happened. */
function waitingLine(pending: number, status: StatusReport, nowMs: number, text: CliText): string {
  const since = status.oldestPendingReceivedMs ?? null;
  const happened = text.localTime(status.oldestPendingEventMs, status.timezone);
  return since === null
    ? text.count('status.waiting.from', pending, { happened })
    : text.count('status.waiting.since', pending, { wait: duration(Math.max(0, nowMs - since)), happened });
}
