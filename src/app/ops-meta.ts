import { META_KEYS } from '../store/meta-keys.js';
import type { RateLimitInfo } from '../domain/humand.js';
import type { LedgerStore } from '../store/store.js';
import { isAppError } from '../domain/errors.js';
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
  return parsedOr(await store.getMeta(key), fallback);
}

/** A meta value as JSON; the fallback when it is missing or unreadable. */
function parsedOr<T>(value: string | null, fallback: T): T {
  if (value === null) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/**
 * Adds an error to the recent-errors list in one step of the ledger, so that two instances
 * sharing PostgreSQL and failing at once both keep theirs. The same error again in a row is
 * one entry that counts, not twenty that push the rest out.
 */
export async function pushRecentError(store: LedgerStore, error: RecentError): Promise<void> {
  await store.updateMeta(META.recentErrors, (current) => JSON.stringify(withRecentError(parseList(current), error)));
}

function parseList(value: string | null): RecentError[] {
  const list = parsedOr<unknown>(value, []);
  return Array.isArray(list) ? (list as RecentError[]) : [];
}

export function withRecentError(list: readonly RecentError[], error: RecentError): RecentError[] {
  const newest = list[0];
  if (newest !== undefined && newest.message === error.message && newest.code === error.code) {
    return [{ ...error, count: (newest.count ?? 1) + 1, firstMs: newest.firstMs ?? newest.atMs }, ...list.slice(1)];
  }
  return [{ ...error, count: 1, firstMs: error.atMs }, ...list].slice(0, MAX_RECENT);
}

/** An error a person should see in `status` and on the dashboard; never fails the caller. */
export async function noteRecentError(store: LedgerStore, atMs: number, error: unknown, fallbackMessage: string): Promise<void> {
  await pushRecentError(store, {
    atMs,
    message: error instanceof Error ? error.message : fallbackMessage,
    hint: isAppError(error) ? (error.hint ?? null) : null,
    code: isAppError(error) ? (error.code ?? null) : null,
  }).catch(() => undefined);
}

export async function saveRateLimit(store: LedgerStore, info: RateLimitInfo): Promise<void> {
  await store.setMeta(META.lastRateLimit, JSON.stringify(info));
}
