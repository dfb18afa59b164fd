import type { PunchRecord } from '../../store/punch.js';

/** Live punches first, then retries, then backfill: the one order of delivery and of the rate budget. */
export type RequestPriority = 'live' | 'retry' | 'backfill';

/** Lower goes first. */
export const PRIORITY_RANK: Readonly<Record<RequestPriority, number>> = { live: 0, retry: 1, backfill: 2 };

/** A punch tried before is a retry, whatever brought it in; otherwise live unless a backfill read it. */
export function priorityOf(punch: Pick<PunchRecord, 'attempts' | 'priority'>): RequestPriority {
  if (punch.attempts > 0) return 'retry';
  return punch.priority === 'backfill' ? 'backfill' : 'live';
}
