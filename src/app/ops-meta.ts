import { META_KEYS } from '../store/meta-keys.js';
import type { RateLimitInfo } from '../domain/humand.js';
import type { LedgerStore } from '../store/store.js';
import type { RecentError } from './types.js';

/**
 * Operational facts kept in the ledger's meta table so that `status` run from another
 * process (the CLI next to a daemon) sees them too.
 */
/** The keys the App reads and writes (all keys: src/store/meta-keys.ts). */
export const META = {
  pollLastAttempt: META_KEYS.pollLastAttempt,
  pollLastSuccess: META_KEYS.pollLastSuccess,
  pollLastError: META_KEYS.pollLastError,
  lastPush: META_KEYS.lastPush,
  lastEvent: META_KEYS.lastNewEvent,
  lastRateLimit: META_KEYS.lastRateLimit,
  recentErrors: META_KEYS.recentErrors,
  serviceHeartbeat: META_KEYS.serviceHeartbeat,
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
