import { z } from 'zod';
import { booleanSchema, durationSchema, integerSchema, timeZoneSchema } from './parse-values.js';
import { CONFIG_EN, type ConfigWords } from './words/config-words.js';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function urlSchema(examples: readonly string[], w: ConfigWords) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      let text = value.trim();
      if (!/^[a-z]+:\/\//i.test(text)) text = `https://${text}`;
      try {
        const url = new URL(text);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
        return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
      } catch {
        ctx.issues.push({ code: 'custom', input: value, message: w.notHost(value, examples) });
        return z.NEVER;
      }
    });
}

function rateSchema(w: ConfigWords) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const match = /^\s*(\d+)\s*\/\s*(\S+)\s*$/.exec(value);
      const windowMs = match ? durationSchema().safeParse(match[2]).data : undefined;
      if (!match || windowMs === undefined || windowMs <= 0 || Number(match[1]) <= 0) {
        ctx.issues.push({ code: 'custom', input: value, message: w.notRate(value) });
        return z.NEVER;
      }
      return { limit: Number(match[1]), windowMs };
    });
}

/** The URL with its password hidden, for error messages. */
function withoutPassword(text: string): string {
  return text.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** `postgres://` or `postgresql://` URL naming a database; anything else is refused rather than ignored. */
function postgresUrlSchema(w: ConfigWords) {
  const example = 'postgres://hik2humand:secret@db.example.local:5432/hik2humand';
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const text = value.trim();
      let url: URL | null = null;
      try {
        url = new URL(text);
      } catch {
        url = null;
      }
      if (url === null || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
        ctx.issues.push({
          code: 'custom',
          input: withoutPassword(text),
          message: w.notPostgresUrl(withoutPassword(text), example),
        });
        return z.NEVER;
      }
      if (url.pathname.replace(/^\//, '') === '') {
        ctx.issues.push({ code: 'custom', input: withoutPassword(text), message: w.noDatabase(withoutPassword(text), example) });
        return z.NEVER;
      }
      return text;
    });
}

const opt = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/**
 * Environment variables (and `.env`), their problems worded in `w`'s language. Names kept from
 * the original project: HIKVISION_HOST, HIK_APP_KEY, HIK_SECRET, HUMAND_BASE_URL, HUMAND_AUTH, DRY_RUN.
 */
export function envSchemaFor(w: ConfigWords) {
  const duration = (example?: string, minMs?: number) => durationSchema(example, minMs, w);
  return z.object({
    HIKVISION_HOST: urlSchema(['https://10.0.0.5', 'hcp.example.local:443'], w),
    HIK_APP_KEY: optionalText,
    HIK_SECRET: optionalText,
    HIK_USER_ID: optionalText,
    HIK_CA_CERT: optionalText,
    HIK_TLS_INSECURE: opt(booleanSchema(w)),
    HIK_TIMEOUT: opt(duration('30s', 1_000)),
    HIK_CONNECT_TIMEOUT: opt(duration('10s', 1_000)),
    HUMAND_BASE_URL: urlSchema(['https://api-prod.humand.co'], w),
    HUMAND_AUTH: optionalText,
    HUMAND_TIMEOUT: opt(duration('15s', 1_000)),
    HUMAND_CONNECT_TIMEOUT: opt(duration('5s', 1_000)),
    HUMAND_RATE_LIMIT: rateSchema(w),
    DRY_RUN: opt(booleanSchema(w)),
    DATABASE_PATH: optionalText,
    DATABASE_URL: postgresUrlSchema(w),
    DATABASE_SCHEMA: opt(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, { message: w.notSchemaName }),
    ),
    POLL_INTERVAL: opt(duration(undefined, 1_000)),
    POLL_LOOKBACK: opt(duration('2h')),
    POLL_INITIAL_LOOKBACK: opt(duration('24h')),
    USERS_REFRESH_INTERVAL: opt(duration('15m', 60_000)),
    PERSONS_REFRESH_INTERVAL: opt(duration('1h', 60_000)),
    SITE_TIMEZONE: opt(timeZoneSchema(w)),
    CONFIG_FILE: optionalText,
    LOG_LEVEL: opt(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: w.notLogLevel,
      }),
    ),
    DELIVERY_CONCURRENCY: opt(integerSchema(1, 64, '4', w)),
    DELIVERY_MAX_ATTEMPTS: opt(integerSchema(1, 1000, '10', w)),
    RETRY_BACKOFF_BASE: opt(duration('5s', 10)),
    RETRY_BACKOFF_MAX: opt(duration('15m', 10)),
    PROBE_INTERVAL: opt(duration('1m', 1_000)),
    SYNC_MAX_DELIVERY: opt(duration('10m')),
    DELIVERY_LEASE_TTL: opt(duration('30s', 3_000)),
    EVENT_MAX_AGE: opt(duration('400d', 86_400_000)),
  });
}

export const envSchema = envSchemaFor(CONFIG_EN);

export type EnvSettings = z.output<typeof envSchema>;
