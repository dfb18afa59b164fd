import fs from 'node:fs';
import { z } from 'zod';
import { ConfigurationError } from '../domain/errors.js';
import { registerSecret } from '../logging/redact.js';
import { createIpAllowlist } from './ip-allowlist.js';
import { SETTINGS_EN, type SettingsWords } from '../config/words/settings-words.js';
import { validationLocale } from '../config/words/validation-locale.js';
import { DEFAULT_RECHECK_INTERVAL_MS } from './subscription-keeper.js';
import { DEFAULT_WEBHOOK_BODY_LIMIT_BYTES, DEFAULT_WEBHOOK_HOST, DEFAULT_WEBHOOK_PATH } from './webhook-server.js';

/**
 * Push mode settings, read from the environment. Push is on when WEBHOOK_PORT or WEBHOOK_URL
 * is set; everything else has a safe default (loopback bind, no proxy trust).
 */
export interface PushConfig {
  /** Bind address of the receiver. */
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly token: string;
  readonly allowedIps: readonly string[];
  readonly trustProxy: boolean | string[];
  readonly bodyLimitBytes: number;
  /** The receiver's address as HikCentral reaches it (the subscription's eventDest); null = do not manage the subscription. */
  readonly publicUrl: string | null;
  /** Ensure the subscription on start and re-check it periodically. */
  readonly manageSubscription: boolean;
  readonly recheckIntervalMs: number;
  readonly passBack: boolean | undefined;
  readonly tls: { readonly key: string; readonly cert: string } | null;
}

/** The variables this module reads, for `doctor` and the docs. */
export const PUSH_ENV_VARIABLES = [
  'WEBHOOK_URL',
  'WEBHOOK_PORT',
  'WEBHOOK_HOST',
  'WEBHOOK_PATH',
  'WEBHOOK_TOKEN',
  'WEBHOOK_ALLOWED_IPS',
  'WEBHOOK_TRUST_PROXY',
  'WEBHOOK_BODY_LIMIT_BYTES',
  'WEBHOOK_SUBSCRIBE',
  'WEBHOOK_RECHECK_MINUTES',
  'WEBHOOK_PASSBACK',
  'WEBHOOK_TLS_CERT',
  'WEBHOOK_TLS_KEY',
] as const;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const flag = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));
const list = z.string().transform((text) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

function pushSchema(w: SettingsWords) {
  return z.object({
    WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: w.httpUrl })),
    WEBHOOK_PORT: optional(z.coerce.number().int().min(0).max(65535)),
    WEBHOOK_HOST: optional(z.string().trim()),
    WEBHOOK_PATH: optional(z.string().trim().startsWith('/', { error: w.slashPath })),
    WEBHOOK_TOKEN: optional(z.string().trim().min(16, { error: w.tokenLength })),
    WEBHOOK_ALLOWED_IPS: optional(list),
    WEBHOOK_TRUST_PROXY: optional(z.string().trim()),
    WEBHOOK_BODY_LIMIT_BYTES: optional(
      z.coerce
        .number()
        .int()
        .min(1024)
        .max(64 * 1024 * 1024),
    ),
    WEBHOOK_SUBSCRIBE: optional(flag),
    WEBHOOK_RECHECK_MINUTES: optional(
      z.coerce
        .number()
        .min(1, w.minimumMinute)
        .max(24 * 60),
    ),
    WEBHOOK_PASSBACK: optional(flag),
    WEBHOOK_TLS_CERT: optional(z.string()),
    WEBHOOK_TLS_KEY: optional(z.string()),
  });
}

function trustProxyFrom(value: string | undefined, w: SettingsWords): boolean | string[] {
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  const proxies = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  createIpAllowlist(proxies, w); // same syntax: fail early on a typo
  return proxies;
}

function readPem(path: string, variable: string, w: SettingsWords): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigurationError(w.pushUnreadable(variable, path), {
      code: 'WEBHOOK_TLS_UNREADABLE',
      hint: w.pushUnreadableHint(variable),
      cause,
    });
  }
}

/** Reads push settings; null when push is not configured. Throws ConfigurationError naming the variable at fault. */
export function readPushConfig(env: Readonly<Record<string, string | undefined>>, w: SettingsWords = SETTINGS_EN): PushConfig | null {
  const parsed = pushSchema(w).safeParse(env, validationLocale(w.language));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'WEBHOOK_*');
    throw new ConfigurationError(w.invalid(variable, issue?.message ?? '?'), { code: 'WEBHOOK_CONFIG_INVALID', hint: w.pushInvalidHint(variable) });
  }
  const e = parsed.data;
  if (e.WEBHOOK_URL === undefined && e.WEBHOOK_PORT === undefined) return null;
  if (e.WEBHOOK_TOKEN === undefined) {
    throw new ConfigurationError(w.tokenMissing, { code: 'WEBHOOK_TOKEN_MISSING', hint: w.tokenMissingHint });
  }
  registerSecret(e.WEBHOOK_TOKEN);
  const publicUrl = e.WEBHOOK_URL ?? null;
  const urlPort = publicUrl === null ? undefined : new URL(publicUrl).port;
  const port = e.WEBHOOK_PORT ?? (urlPort ? Number(urlPort) : undefined);
  if (port === undefined) {
    throw new ConfigurationError(w.portMissing, { code: 'WEBHOOK_PORT_MISSING', hint: w.portMissingHint });
  }
  const urlPath = publicUrl === null ? '' : new URL(publicUrl).pathname;
  const path = e.WEBHOOK_PATH ?? (urlPath !== '' && urlPath !== '/' ? urlPath : DEFAULT_WEBHOOK_PATH);
  const allowedIps = e.WEBHOOK_ALLOWED_IPS ?? [];
  createIpAllowlist(allowedIps, w);
  if ((e.WEBHOOK_TLS_CERT === undefined) !== (e.WEBHOOK_TLS_KEY === undefined)) {
    throw new ConfigurationError(w.tlsPair, { code: 'WEBHOOK_TLS_INCOMPLETE', hint: w.tlsPairHint });
  }
  const tls =
    e.WEBHOOK_TLS_CERT !== undefined && e.WEBHOOK_TLS_KEY !== undefined
      ? { cert: readPem(e.WEBHOOK_TLS_CERT, 'WEBHOOK_TLS_CERT', w), key: readPem(e.WEBHOOK_TLS_KEY, 'WEBHOOK_TLS_KEY', w) }
      : null;
  return {
    host: e.WEBHOOK_HOST ?? DEFAULT_WEBHOOK_HOST,
    port,
    path,
    token: e.WEBHOOK_TOKEN,
    allowedIps,
    trustProxy: trustProxyFrom(e.WEBHOOK_TRUST_PROXY, w),
    bodyLimitBytes: e.WEBHOOK_BODY_LIMIT_BYTES ?? DEFAULT_WEBHOOK_BODY_LIMIT_BYTES,
    publicUrl,
    manageSubscription: publicUrl !== null && (e.WEBHOOK_SUBSCRIBE ?? true),
    recheckIntervalMs: e.WEBHOOK_RECHECK_MINUTES === undefined ? DEFAULT_RECHECK_INTERVAL_MS : Math.round(e.WEBHOOK_RECHECK_MINUTES * 60_000),
    passBack: e.WEBHOOK_PASSBACK,
    tls,
  };
}
