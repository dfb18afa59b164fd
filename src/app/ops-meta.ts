import type { RateLimitInfo } from '../domain/humand.js';
import { LAST_NEW_EVENT_META } from '../pipeline/ingestor.js';
import type { LedgerStore } from '../store/store.js';
import type { RecentError } from './types.js';

/**
 * Operational facts kept in the ledger's meta table so that `status` run from another
 * process (the CLI next to a daemon) sees them too.
 */
export const META = {
  pollLastAttempt: 'poll_last_attempt_ms',
  pollLastSuccess: 'poll_last_success_ms',
  pollLastError: 'poll_last_error',
  lastPush: 'last_push_ms',
  /** Written by the Ingestor, only when events new to the ledger arrive. */
  lastEvent: LAST_NEW_EVENT_META,
  lastRateLimit: 'last_rate_limit',
  recentErrors: 'recent_errors',
  /** Written by `run` every HEARTBEAT_MS: whether a service is running on this ledger, and where. */
  serviceHeartbeat: 'service_heartbeat',
} as const;

/** How often `run` says it is alive; `status` calls a service gone after three missed beats. */
export const HEARTBEAT_MS = 15_000;

const MAX_RECENT = 20;

export async function readNumber(store: LedgerStore, key: string): Promise<number | null> {
  const value = await store.getMeta(key);
  return value === null ? null : Number(value);
}

export async function readJson<T>(store: LedgerStore, key: string, fallback: T): Promise<T> {
  const value = await store.getMeta(key);
  if (value === null) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

export async function pushRecentError(store: LedgerStore, error: RecentError): Promise<void> {
  const list = await readJson<RecentError[]>(store, META.recentErrors, []);
  const newest = list[0];
  if (newest !== undefined && newest.message === error.message && newest.code === error.code) {
    // A poll failing every interval is one line that counts, not twenty that push the rest out.
    list[0] = { ...error, count: (newest.count ?? 1) + 1, firstMs: newest.firstMs ?? newest.atMs };
  } else {
    list.unshift({ ...error, count: 1, firstMs: error.atMs });
  }
  await store.setMeta(META.recentErrors, JSON.stringify(list.slice(0, MAX_RECENT)));
}

export async function saveRateLimit(store: LedgerStore, info: RateLimitInfo): Promise<void> {
  await store.setMeta(META.lastRateLimit, JSON.stringify(info));
}
