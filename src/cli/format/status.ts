import { printable } from './printable.js';
import type { ServiceHeartbeat, StatusReport } from '../../app/types.js';
import { HEARTBEAT_MS } from '../../app/ops-meta.js';
import type { TerminalStatus } from '../../isapi/terminal-status.js';
import { AWAITING_DELIVERY } from '../../store/punch.js';
import { outcomeCounts } from './counts.js';
import { duration, localTime, localTimeAgo, table } from './time.js';

/** `status` for a person: is it delivering, is it reading, what waits, what went wrong. */
export function formatStatus(status: StatusReport, nowMs: number, ledgerPath: string): string[] {
  const zone = status.timezone;
  const d = status.delivery;
  const deliveryLine =
    d.state === 'paused'
      ? `PAUSED since ${localTimeAgo(d.sinceMs, zone, nowMs)}: ${d.reason ?? 'Humand refused the key'}`
      : d.state === 'stopped'
        ? status.mode === 'demo'
          ? 'no credentials configured: only a running demo (`npm start`) delivers, to its simulated Humand'
          : `STOPPED: ${d.reason ?? 'not configured'}`
        : d.state === 'dry-run'
          ? 'dry run (DRY_RUN=true): punches are decided and logged, nothing is sent'
          : serviceRunning(status, nowMs)
            ? 'running'
            : status.service === null || status.service === undefined
              ? 'configured, but no service has run on this ledger: punches are delivered by `hik2humand run` (or each scheduled `sync`)'
              : 'configured, but NO SERVICE IS RUNNING: punches wait for `hik2humand run` (or the next scheduled `sync`)';
  const pending = AWAITING_DELIVERY.reduce((sum, outcome) => sum + (status.counts[outcome] ?? 0), 0);
  const needPerson = (status.counts.unmapped ?? 0) + (status.counts.rejected ?? 0) + (status.counts.dead ?? 0) + (status.counts.review ?? 0) + (status.counts.waiting ?? 0);
  const rate = status.rateLimit;
  const rows: Array<[string, string]> = [
    ['Mode', `${status.mode}${status.dryRun ? ' (dry run)' : ''}, site time zone ${zone}`],
    ['Ledger', ledgerPath],
    ['Delivery', deliveryLine],
  ];
  if (d.state === 'paused' && d.hint) rows.push(['  fix', d.hint]);
  if (status.service !== undefined) rows.push(['Service', serviceLine(status.service, zone, nowMs)]);
  const humand = status.humand ?? null;
  if (humand !== null && (humand.failingSinceMs !== null || humand.lastOkMs !== null)) {
    rows.push([
      'Humand',
      humand.failingSinceMs !== null
        ? `NOT ANSWERING since ${localTimeAgo(humand.failingSinceMs, zone, nowMs)}, ${humand.failures} request(s) without an answer: ${humand.lastError ?? 'no answer'} — punches are kept`
        : `answering (last answer ${localTimeAgo(humand.lastOkMs, zone, nowMs)})`,
    ]);
  }
  const lease = status.deliveryLease;
  if (lease !== undefined && lease !== null) {
    rows.push(['Delivery lease', `${lease.ownerId}, epoch ${lease.epoch}, taken ${localTime(lease.acquiredMs, zone)}; ${lease.expiresMs > nowMs ? `held until ${localTime(lease.expiresMs, zone)}` : `EXPIRED ${localTimeAgo(lease.expiresMs, zone, nowMs)}: another instance takes over within seconds`}`]);
    const previous = lease.previousHolder ?? null;
    if (previous !== null) {
      rows.push(['  taken from', previous.expiredMs === null ? `${previous.ownerId}, which handed it over on stopping` : `${previous.ownerId}, ${duration(Math.max(0, lease.acquiredMs - previous.expiredMs))} after its lease ran out (it had stopped renewing)`]);
    }
  }
  rows.push(
    ['Waiting', pending === 0 ? 'nothing waiting' : waitingLine(pending, status, zone, nowMs)],
    ['Needs a person', needPerson === 0 ? 'nothing' : needsPersonLine(status.counts)],
    ['Poll', status.poll.enabled ? `cursor at ${localTime(status.poll.cursorMs, zone)}; last success ${localTimeAgo(status.poll.lastSuccessMs, zone, nowMs)}` : 'not configured (HIKVISION_HOST)'],
  );
  if (status.poll.lastError) rows.push(['  last poll error', status.poll.lastError]);
  for (const terminal of status.terminals ?? []) rows.push(...terminalRows(terminal, zone, nowMs));
  rows.push(
    ['Last push', localTimeAgo(status.lastPushMs, zone, nowMs)],
    ['Last event', localTimeAgo(status.lastEventMs, zone, nowMs)],
    [
      'Humand budget',
      rate !== null && rate.limit !== null
        ? `${rate.remaining ?? '?'} of ${rate.limit} left${rate.windowSeconds !== null ? ` per ${rate.windowSeconds} s` : ''} (seen ${duration(nowMs - rate.observedAt)} ago)`
        : `not seen yet; assuming ${status.assumedRateLimit.limit} per ${status.assumedRateLimit.windowSeconds} s`,
    ],
    ['Punches', outcomeCounts(status.counts)],
  );
  const openDays = status.openDays ?? [];
  if (openDays.length > 0) {
    const first = openDays[0]!;
    rows.push(['Open days', `${openDays.length} clock-in(s) of the last 7 days with no clock-out (forgotten clock-out?) — e.g. employee ${first.employeeId} since ${localTime(first.startMs, zone)} (p-${first.punchId}); HR closes them in Humand`]);
  }
  const unreadable = status.unreadableInputs;
  if (unreadable && unreadable.total > 0) {
    rows.push(['Unreadable input', `${unreadable.total} set aside, never sent (last ${localTimeAgo(unreadable.lastMs, zone, nowMs)}; see the dashboard's Problems page)`]);
  }
  for (const warning of status.warnings ?? []) rows.push(['WARNING', warning]);
  const lines = [`hik2humand status — ${localTime(nowMs, zone)}`, ...table(rows)];
  if (status.recentErrors.length > 0) {
    lines.push('Last errors:');
    for (const error of status.recentErrors.slice(0, 5)) {
      const repeated = (error.count ?? 1) > 1 ? ` (${error.count} times since ${localTime(error.firstMs ?? error.atMs, zone)})` : '';
      lines.push(`  ${localTime(error.atMs, zone)}  ${error.message}${error.code ? ` [${error.code}]` : ''}${repeated}`);
      if (error.hint) lines.push(`  ${' '.repeat(19)}  fix: ${error.hint}`);
    }
  }
  return lines.map(printable);
}

/** A `run` service beat within the last three heartbeats and did not say it stopped. */
function serviceRunning(status: StatusReport, nowMs: number): boolean {
  const service = status.service;
  // Reports without the field (an older ledger reader) keep the old wording.
  if (service === undefined) return true;
  return service !== null && service.stoppedMs === null && nowMs - service.lastSeenMs <= 3 * HEARTBEAT_MS;
}

function serviceLine(service: ServiceHeartbeat | null, zone: string, nowMs: number): string {
  if (service === null) return 'no `hik2humand run` has run on this ledger (scheduled `sync` only, or not started yet)';
  const where = `${service.host}, pid ${service.pid}, since ${localTime(service.startedMs, zone)}`;
  if (service.stoppedMs !== null) return `not running: stopped ${localTimeAgo(service.stoppedMs, zone, nowMs)} (${where})`;
  if (nowMs - service.lastSeenMs > 3 * HEARTBEAT_MS) return `NOT RUNNING: last seen ${localTimeAgo(service.lastSeenMs, zone, nowMs)} (${where}) — it crashed or its machine is down; check the service manager`;
  return `running on ${where}; last seen ${localTimeAgo(service.lastSeenMs, zone, nowMs)}`;
}

/** What needs a person, by kind, and where to look: unmapped (the Coverage page), the others `dead-letters list`. */
function needsPersonLine(counts: StatusReport['counts']): string {
  const parts = [
    [counts.review ?? 0, 'need review (Humand would refuse them as they are)'],
    [counts.unmapped ?? 0, 'unmapped'],
    [counts.rejected ?? 0, 'rejected'],
    [counts.dead ?? 0, 'dead'],
    [counts.waiting ?? 0, 'waiting behind a dead punch'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  const where = (counts.unmapped ?? 0) > 0 && said.length === 1 ? 'see `doctor` or the Coverage page' : 'see `dead-letters list`';
  return `${said.join(', ')} (${where})`;
}

/** A terminal read directly (ISAPI): when it was last read, how far, its clock, what went wrong. */
function terminalRows(terminal: TerminalStatus, zone: string, nowMs: number): Array<[string, string]> {
  const drift = terminal.driftMs === null ? '' : `; its clock ${Math.abs(Math.round(terminal.driftMs / 1000))} s ${terminal.driftMs >= 0 ? 'ahead' : 'behind'}`;
  const rows: Array<[string, string]> = [[`Terminal ${terminal.device}`, `read to ${localTime(terminal.cursorMs, zone)} (its clock); last success ${localTimeAgo(terminal.lastSuccessMs, zone, nowMs)}${drift}`]];
  if (terminal.lastError !== null) rows.push(['  last error', terminal.lastError]);
  if (terminal.lastLoss !== null) rows.push(['  events lost', `serials ${terminal.lastLoss.fromSerial}–${terminal.lastLoss.toSerial} were overwritten before they were read (seen ${localTimeAgo(terminal.lastLoss.seenMs, zone, nowMs)}): check those punches by hand`]);
  return rows;
}

/** How long the longest-waiting punch has waited (since it was recorded), and when it happened. */
function waitingLine(pending: number, status: StatusReport, zone: string, nowMs: number): string {
  const since = status.oldestPendingReceivedMs ?? null;
  const happened = `oldest punch from ${localTime(status.oldestPendingEventMs, zone)}`;
  return since === null ? `${pending} punch(es); ${happened}` : `${pending} punch(es), the longest waiting for ${duration(Math.max(0, nowMs - since))}; ${happened}`;
}
