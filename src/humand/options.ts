import type { Logger } from 'pino';
import type { Clock } from '../domain/ports.js';
import { ConfigurationError } from '../domain/errors.js';

export const DEFAULT_HUMAND_BASE_URL = 'https://api-prod.humand.co';
export const HUMAND_API_PREFIX = '/public/api/v1';
/** Largest page Humand answers reliably (bigger ones have been seen to return 400). */
export const HUMAND_MAX_PAGE_SIZE = 50;

export interface HumandClientOptions {
  /** Default https://api-prod.humand.co; `/public/api/v1` is appended unless already there. */
  readonly baseUrl?: string;
  /** The API key as Humand issued it, with or without the leading `Basic `. Never base64-encoded by us. */
  readonly auth: string;
  /** Deadline for one whole exchange (headers and body). Default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Deadline for the TCP/TLS connect. Default 5 s. */
  readonly connectTimeoutMs?: number;
  readonly logger?: Logger;
  /** Used for `observedAt` and for waiting out a 429 in the middle of a paged read. Default systemClock. */
  readonly clock?: Clock;
  /** Page size for listUsers/listEntries, at most 50 (the default). */
  readonly pageSize?: number;
  /** Guard against a server that never returns a short page. Default 2000 pages. */
  readonly maxPages?: number;
  /**
   * A 429 in the middle of a paged read is waited out (clock.sleep) instead of throwing away
   * the pages already read, as long as the total wait stays under this. 0 = never wait.
   * Default 65 s (one documented window plus a margin).
   */
  readonly pagingRateLimitWaitMaxMs?: number;
  /**
   * Day summaries per request are kept under Humand's silent 500-item cap: at most this many
   * employees (default 200, so the URL stays short) and this many employee-days (default 450).
   */
  readonly daySummariesMaxEmployees?: number;
  readonly daySummariesMaxItems?: number;
  readonly tls?: { readonly ca?: string | Buffer; readonly rejectUnauthorized?: boolean };
}

/** `Basic abc`, `basic abc`, `abc` → key `abc`, header `Basic abc`. */
export function normaliseAuth(auth: string): { key: string; header: string } {
  const trimmed = auth.trim();
  const key = /^basic(\s+|$)/i.test(trimmed) ? trimmed.slice('basic'.length).trim() : trimmed;
  if (key === '' || /\s/.test(key)) {
    throw new ConfigurationError('The Humand API key is empty or malformed', {
      hint: 'Set HUMAND_AUTH to the key Humand issued (Settings → API keys), with or without the leading "Basic ".',
    });
  }
  return { key, header: `Basic ${key}` };
}

/** Adds `/public/api/v1` unless the URL already ends with it; drops trailing slashes. */
export function normaliseBaseUrl(baseUrl: string | undefined): string {
  const raw = (baseUrl ?? DEFAULT_HUMAND_BASE_URL).trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`HUMAND base URL is not a URL: ${raw}`, { hint: `Use e.g. ${DEFAULT_HUMAND_BASE_URL}` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(`HUMAND base URL must be http(s): ${raw}`, { hint: `Use e.g. ${DEFAULT_HUMAND_BASE_URL}` });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigurationError('HUMAND base URL must not carry a query or fragment', { hint: `Use e.g. ${DEFAULT_HUMAND_BASE_URL}` });
  }
  const path = url.pathname.replace(/\/+$/, '');
  const withPrefix = path.endsWith(HUMAND_API_PREFIX) ? path : `${path}${HUMAND_API_PREFIX}`;
  return `${url.origin}${withPrefix}`;
}

export function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigurationError(`${name} must be a positive whole number, got ${value}`);
  }
  return value;
}
