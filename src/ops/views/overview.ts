import { DateTime } from 'luxon';
import type { RateLimitInfo } from '../../domain/humand.js';
import { AWAITING_DELIVERY, PUNCH_OUTCOMES, type PunchOutcome } from '../../store/punch.js';
import type { DeliveryState, OpsDataSource, OpsError, OpsStatus } from '../data-source.js';
import { localIso } from './punch-view.js';

export interface BacklogView {
  readonly pending: number;
  /** How long the longest-waiting punch has waited since it was recorded. */
  readonly oldestPendingAgeSeconds: number | null;
  /** When the oldest waiting punch happened (site time): a backfill's punches are old but have not waited long. */
  readonly oldestPendingEventLocal: string | null;
  /** Waiting punches that happened before today (the Today panel counts today's punches only). */
  readonly pendingFromEarlierDays: number;
  /** Lower bound at the current Humand rate budget; null while delivery is paused. */
  readonly etaSeconds: number | null;
  readonly budget: {
    readonly limit: number;
    readonly windowSeconds: number;
    readonly remaining: number | null;
    readonly resetSeconds: number | null;
    readonly observed: boolean;
  };
}

export interface DeliveryLeaseView {
  readonly ownerId: string;
  readonly epoch: number;
  readonly sinceLocal: string;
  readonly expired: boolean;
  readonly previousOwnerId: string | null;
  /** Seconds between the previous holder's lease running out and this takeover; null when it was released or first taken. */
  readonly takeoverWaitSeconds: number | null;
}

export interface OverviewView {
  readonly generatedLocal: string;
  readonly timezone: string;
  readonly today: string;
  readonly delivery: DeliveryState & { readonly sinceLocal: string | null };
  readonly todayCounts: Readonly<Record<PunchOutcome, number>> & { readonly total: number };
  readonly ledgerCounts: Readonly<Record<PunchOutcome, number>> & { readonly total: number };
  readonly backlog: BacklogView;
  /** `failing`: the last poll attempt did not succeed (shown at once, not when punches die). */
  readonly lastPoll: {
    readonly enabled: boolean;
    readonly attemptLocal: string | null;
    readonly successLocal: string | null;
    readonly error: string | null;
    readonly failing: boolean;
  };
  /** Whether Humand answers; null when delivery is not configured. */
  readonly humand: {
    readonly failingSinceLocal: string | null;
    readonly failures: number;
    readonly lastError: string | null;
    readonly lastOkLocal: string | null;
  } | null;
  readonly lastPushLocal: string | null;
  readonly lastEventLocal: string | null;
  /** Newest first; the same error in a row is one row with its count and first time. */
  readonly recentErrors: readonly (OpsError & { readonly atLocal: string; readonly firstLocal: string; readonly count: number })[];
  readonly alerts: readonly { readonly kind: string; readonly firing: boolean }[];
  readonly warnings: readonly string[];
  /** The instance that delivers (its lease), and how its takeover went; null when none holds it. */
  readonly deliveryLease: DeliveryLeaseView | null;
}

function withTotal(counts: Partial<Record<PunchOutcome, number>>): Record<PunchOutcome, number> & { total: number } {
  const full = Object.fromEntries(PUNCH_OUTCOMES.map((o) => [o, counts[o] ?? 0])) as Record<PunchOutcome, number>;
  return { ...full, total: PUNCH_OUTCOMES.reduce((sum, o) => sum + full[o], 0) };
}

/**
 * How long the backlog needs at least: what is left of the current window now, then one
 * full window per `limit` punches (one request each; reconciliations and other users of the
 * key only make it longer).
 */
export function backlogEtaSeconds(
  pending: number,
  rateLimit: RateLimitInfo | null,
  assumed: { limit: number; windowSeconds: number },
  nowMs: number,
): BacklogView['budget'] & { etaSeconds: number } {
  const limit = Math.max(1, rateLimit?.limit ?? assumed.limit);
  const windowSeconds = rateLimit?.windowSeconds ?? assumed.windowSeconds;
  const resetAtMs = rateLimit?.resetSeconds != null ? rateLimit.observedAt + rateLimit.resetSeconds * 1000 : null;
  const windowOpen = rateLimit !== null && resetAtMs !== null && resetAtMs > nowMs;
  const remaining = windowOpen ? Math.max(0, rateLimit.remaining ?? limit) : limit;
  const resetSeconds = windowOpen ? (resetAtMs - nowMs) / 1000 : 0;
  const budget = {
    limit,
    windowSeconds,
    remaining: rateLimit?.remaining ?? null,
    resetSeconds: windowOpen ? Math.ceil(resetSeconds) : null,
    observed: rateLimit !== null,
  };
  if (pending <= remaining) return { ...budget, etaSeconds: 0 };
  const windows = Math.ceil((pending - remaining) / limit);
  return { ...budget, etaSeconds: Math.ceil(resetSeconds + (windows - 1) * windowSeconds) };
}

export function todayIn(zone: string, nowMs: number): string {
  return DateTime.fromMillis(nowMs, { zone }).toISODate() ?? new Date(nowMs).toISOString().slice(0, 10);
}

export async function buildOverview(
  data: OpsDataSource,
  status: OpsStatus,
  nowMs: number,
  alerts: readonly { kind: string; firing: boolean }[],
): Promise<OverviewView> {
  const zone = data.timezone;
  const today = todayIn(zone, nowMs);
  const todayCounts = await data.countsForDay(today);
  const pending = AWAITING_DELIVERY.reduce((sum, o) => sum + (status.counts[o] ?? 0), 0);
  const eta = backlogEtaSeconds(pending, status.rateLimit, status.assumedRateLimit, nowMs);
  const local = (ms: number | null) => (ms === null ? null : localIso(ms, zone));
  const { etaSeconds, ...budget } = eta;
  const waitingSince = pending === 0 ? null : (status.oldestPendingReceivedMs ?? status.oldestPendingEventMs);
  return {
    generatedLocal: localIso(nowMs, zone),
    timezone: zone,
    today,
    delivery: { ...status.delivery, sinceLocal: local(status.delivery.sinceMs) },
    todayCounts: withTotal(todayCounts),
    ledgerCounts: withTotal(status.counts),
    backlog: {
      pending,
      oldestPendingAgeSeconds: waitingSince === null ? null : Math.max(0, Math.round((nowMs - waitingSince) / 1000)),
      oldestPendingEventLocal: local(status.oldestPendingEventMs),
      pendingFromEarlierDays: Math.max(0, pending - AWAITING_DELIVERY.reduce((sum, o) => sum + (todayCounts[o] ?? 0), 0)),
      etaSeconds: status.delivery.state === 'paused' ? null : etaSeconds,
      budget,
    },
    lastPoll: {
      enabled: status.poll.enabled,
      attemptLocal: local(status.poll.lastAttemptMs),
      successLocal: local(status.poll.lastSuccessMs),
      error: status.poll.lastError,
      failing:
        status.poll.lastError !== null &&
        status.poll.lastAttemptMs !== null &&
        (status.poll.lastSuccessMs === null || status.poll.lastAttemptMs > status.poll.lastSuccessMs),
    },
    humand: status.humand
      ? {
          failingSinceLocal: local(status.humand.failingSinceMs),
          failures: status.humand.failures,
          lastError: status.humand.lastError,
          lastOkLocal: local(status.humand.lastOkMs),
        }
      : null,
    lastPushLocal: local(status.lastPushMs),
    lastEventLocal: local(status.lastEventMs),
    recentErrors: status.recentErrors.map((e) => ({
      ...e,
      atLocal: localIso(e.atMs, zone),
      firstLocal: localIso(e.firstMs ?? e.atMs, zone),
      count: e.count ?? 1,
    })),
    alerts,
    warnings: status.warnings ?? [],
    deliveryLease: leaseView(status.deliveryLease ?? null, nowMs, zone),
  };
}

function leaseView(lease: OpsStatus['deliveryLease'] | null, nowMs: number, zone: string): DeliveryLeaseView | null {
  if (lease === null || lease === undefined) return null;
  const previous = lease.previousHolder ?? null;
  return {
    ownerId: lease.ownerId,
    epoch: lease.epoch,
    sinceLocal: localIso(lease.acquiredMs, zone),
    expired: lease.expiresMs <= nowMs,
    previousOwnerId: previous?.ownerId ?? null,
    takeoverWaitSeconds: previous === null || previous.expiredMs === null ? null : Math.max(0, Math.round((lease.acquiredMs - previous.expiredMs) / 1000)),
  };
}
