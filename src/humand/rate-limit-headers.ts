import type { RateLimitInfo } from '../domain/humand.js';

/** Response headers as undici gives them (lower-case names); any casing is accepted. */
export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/** Reset values above this are epoch seconds (the `X-RateLimit-Reset` habit), not a delta. */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * Reads rate-limit headers in the forms seen in the wild, most specific first:
 * - Humand: `RateLimit: limit=50, remaining=45, reset=30` + `RateLimit-Policy: 50;w=60`
 * - IETF structured-field drafts: `RateLimit: "default";r=45;t=30` + `RateLimit-Policy: "default";q=50;w=60`
 * - IETF early drafts / de-facto: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`
 *   (also `X-RateLimit-*`, where reset may be epoch seconds).
 * Whatever cannot be read is null. Returns null only when no rate-limit header is present at all.
 */
export function parseRateLimitHeaders(headers: HeaderBag, observedAt: number): RateLimitInfo | null {
  const get = headerGetter(headers);
  const combined = get('ratelimit');
  const policy = get('ratelimit-policy') ?? get('x-ratelimit-policy');
  const separateLimit = get('ratelimit-limit') ?? get('x-ratelimit-limit');
  const separateRemaining = get('ratelimit-remaining') ?? get('x-ratelimit-remaining');
  const separateReset = get('ratelimit-reset') ?? get('x-ratelimit-reset');
  if ([combined, policy, separateLimit, separateRemaining, separateReset].every((value) => value === undefined)) {
    return null;
  }

  const combinedParams = combined === undefined ? new Map<string, string>() : parseParams(combined);
  let limit = firstNumber(combinedParams, ['limit', 'l', 'q']) ?? leadingNumber(separateLimit);
  const remaining = firstNumber(combinedParams, ['remaining', 'r']) ?? leadingNumber(separateRemaining);
  const rawReset = firstNumber(combinedParams, ['reset', 't']) ?? leadingNumber(separateReset);
  const resetSeconds = rawReset === null ? null : toDeltaSeconds(rawReset, observedAt);

  const policyItem = choosePolicy([policy, separateLimit], limit);
  if (limit === null && policyItem) limit = policyItem.quota;
  const windowSeconds = policyItem?.window ?? null;

  return { limit, remaining, resetSeconds, windowSeconds, observedAt };
}

/** `Retry-After` as delta-seconds or an HTTP date → milliseconds to wait (never negative); null if unreadable. */
export function parseRetryAfterMs(value: string | string[] | undefined, nowMs: number): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

function headerGetter(headers: HeaderBag): (name: string) => string | undefined {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    lower.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  return (name) => lower.get(name);
}

/**
 * `limit=50, remaining=45, reset=30` and `"default";r=45;t=30` both become key → value maps.
 * The first occurrence of a key wins, so with several structured-field items the first item is used.
 */
function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const token of text.split(/[,;]/)) {
    const eq = token.indexOf('=');
    if (eq <= 0) continue;
    const key = token.slice(0, eq).trim().toLowerCase();
    const value = token
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (key !== '' && !params.has(key)) params.set(key, value);
  }
  return params;
}

function firstNumber(params: ReadonlyMap<string, string>, keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = params.get(key);
    if (value !== undefined) {
      const parsed = toNonNegativeNumber(value);
      if (parsed !== null) return parsed;
    }
  }
  return null;
}

/** `50`, `50, 50;w=60` (draft-03 limit header) → 50. */
function leadingNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(text);
  return match ? toNonNegativeNumber(match[1] ?? '') : null;
}

function toNonNegativeNumber(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function toDeltaSeconds(reset: number, observedAt: number): number {
  if (reset >= EPOCH_SECONDS_THRESHOLD) return Math.max(0, Math.ceil(reset - observedAt / 1000));
  return reset;
}

interface PolicyItem {
  readonly quota: number | null;
  readonly window: number | null;
}

/**
 * A policy header may list several policies (`10;w=1, 50;w=60`). Prefer the one whose quota
 * matches the limit we already read; otherwise the first that says anything.
 */
function choosePolicy(sources: ReadonlyArray<string | undefined>, limit: number | null): PolicyItem | null {
  const items: PolicyItem[] = [];
  for (const source of sources) {
    if (source === undefined) continue;
    for (const itemText of source.split(',')) {
      const parts = itemText.split(';').map((part) => part.trim());
      const head = parts[0] ?? '';
      const params = parseParams(parts.slice(1).join(';'));
      const quota = toNonNegativeNumber(head) ?? firstNumber(params, ['q', 'limit']);
      const window = firstNumber(params, ['w', 'window']);
      if (quota !== null || window !== null) items.push({ quota, window });
    }
  }
  if (items.length === 0) return null;
  const withWindow = items.filter((item) => item.window !== null);
  const matching = limit === null ? undefined : withWindow.find((item) => item.quota === limit);
  return matching ?? withWindow[0] ?? items[0] ?? null;
}
