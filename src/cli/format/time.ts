import { DateTime } from 'luxon';

/** `2026-01-27 08:02:13` in the site's zone. */
export function localTime(ms: number | null, zone: string): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-LL-dd HH:mm:ss');
}

/** `42 s`, `3 min`, `2 h 5 min`, `3 d 4 h`. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** `2026-01-27 08:02:13 (3 min ago)`. */
export function localTimeAgo(ms: number | null, zone: string, nowMs: number): string {
  if (ms === null || !Number.isFinite(ms)) return 'never';
  const delta = nowMs - ms;
  return `${localTime(ms, zone)} (${delta >= 0 ? `${duration(delta)} ago` : `in ${duration(-delta)}`})`;
}

/** Two columns: labels padded to the longest one. */
export function table(rows: ReadonlyArray<readonly [string, string]>, indent = '  '): string[] {
  const width = rows.reduce((max, [label]) => Math.max(max, label.length), 0);
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}
