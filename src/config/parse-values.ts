import { z } from 'zod';
import { CONFIG_EN, type ConfigWords } from './words/config-words.js';

/**
 * Value parsers shared by the env and the config file. Each problem names what is wrong
 * and gives an example, e.g. `"abc" is not a duration — use e.g. 300, 5m or 30s`.
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `300` (seconds), `500ms`, `30s`, `5m`, `1h`, `1h30m`, `2d` → milliseconds; null when not a duration. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(trimmed)) return null;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(match[1]) * UNIT_MS[match[2]!]!;
  return Math.round(total);
}

export function parseBoolean(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off', ''].includes(value)) return false;
  return null;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

/** A duration given as text (env) or number of seconds / text (file); `minMs` refuses zero and absurdly small values, naming the minimum. */
export function durationSchema(example?: string, minMs = 0, w: ConfigWords = CONFIG_EN) {
  const shown = example ?? w.durationExample;
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = typeof value === 'number' ? (value >= 0 ? Math.round(value * 1000) : null) : parseDuration(value);
    if (ms === null) {
      ctx.issues.push({ code: 'custom', input: value, message: w.notDuration(String(value), shown) });
      return z.NEVER;
    }
    if (ms < minMs) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: w.tooShort(String(value), formatMinimum(minMs), shown),
      });
      return z.NEVER;
    }
    return ms;
  });
}

function formatMinimum(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

export function booleanSchema(w: ConfigWords = CONFIG_EN) {
  return z.union([z.string(), z.boolean()]).transform((value, ctx) => {
    const parsed = typeof value === 'boolean' ? value : parseBoolean(value);
    if (parsed === null) {
      ctx.issues.push({ code: 'custom', input: value, message: w.notBoolean(String(value)) });
      return z.NEVER;
    }
    return parsed;
  });
}

export function timeZoneSchema(w: ConfigWords = CONFIG_EN) {
  return z.string().transform((value, ctx) => {
    if (!isTimeZone(value)) {
      ctx.issues.push({ code: 'custom', input: value, message: w.notTimeZone(value) });
      return z.NEVER;
    }
    return value.trim();
  });
}

export function integerSchema(min: number, max: number, example: string, w: ConfigWords = CONFIG_EN) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.issues.push({ code: 'custom', input: value, message: w.notInteger(String(value), min, max, example) });
      return z.NEVER;
    }
    return n;
  });
}

/** Formats zod issues as `NAME: problem` lines, prefixing nested paths. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const name = [prefix, path].filter((p) => p !== '').join(prefix !== '' && path !== '' ? ': ' : '');
    return name === '' ? issue.message : `${name}: ${issue.message}`;
  });
}
