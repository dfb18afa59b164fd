import { parseDuration } from '../config/parse-values.js';
import type { CliLanguage } from './i18n/language.js';
import { cliText } from './i18n/text.js';
import { ConfigProblems } from './settings.js';

/** A duration option (`90s`, `5m`, `300`) in milliseconds; a bad value is a configuration problem naming the flag. */
export function durationOption(flag: string, value: string | undefined, language: CliLanguage = 'en'): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) throw new ConfigProblems([cliText(language).t('flag.duration', { flag, value })], language);
  return ms;
}

/** A whole-number option within bounds. */
export function integerOption(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
  example: number,
  language: CliLanguage = 'en',
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigProblems([cliText(language).t('flag.integer', { flag, value, min, max, example })], language);
  return n;
}
