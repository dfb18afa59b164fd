import { parseDuration } from '../config/parse-values.js';
import { ConfigProblems } from './settings.js';

/** A duration option (`90s`, `5m`, `300`) in milliseconds; a bad value is a configuration problem naming the flag. */
export function durationOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) throw new ConfigProblems([`${flag}: "${value}" is not a duration — use e.g. ${flag} 5m (or 90s, 300)`]);
  return ms;
}

/** A whole-number option within bounds. */
export function integerOption(flag: string, value: string | undefined, min: number, max: number, example: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigProblems([`${flag}: "${value}" is not a whole number from ${min} to ${max} — use e.g. ${flag} ${example}`]);
  return n;
}
