import type { StatusReport } from '../../src/app/types.js';
import { PUNCH_OUTCOMES, type PunchOutcome } from '../../src/store/punch.js';

/** A status report of an idle, running live service with an empty ledger, plus `extra`. */
export function statusReportWith(extra: Partial<StatusReport> = {}): StatusReport {
  const counts = Object.fromEntries(PUNCH_OUTCOMES.map((outcome) => [outcome, 0])) as Record<PunchOutcome, number>;
  return {
    startedMs: 0,
    mode: 'live',
    dryRun: false,
    timezone: 'UTC',
    delivery: { state: 'running', reason: null, hint: null, sinceMs: null },
    rateLimit: null,
    assumedRateLimit: { limit: 50, windowSeconds: 60 },
    budget: {} as StatusReport['budget'],
    poll: { enabled: true, lastAttemptMs: null, lastSuccessMs: null, lastError: null, cursorMs: null },
    lastPushMs: null,
    lastEventMs: null,
    recentErrors: [],
    counts,
    oldestPendingEventMs: null,
    ...extra,
  };
}
