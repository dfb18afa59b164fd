import fs from 'node:fs';
import os from 'node:os';

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles, milliseconds rounded to 0.1. */
export function percentile(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number): number => {
    if (sorted.length === 0) return Number.NaN;
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
  };
  return { count: sorted.length, p50: rank(50), p99: rank(99), max: rank(100) };
}

export function machineDescription(): { readonly nproc: number; readonly cpu: string; readonly node: string; readonly date: string; readonly line: string } {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpu = match[1].trim();
  } catch {
    // not Linux: os.cpus() is what there is
  }
  const nproc = os.availableParallelism();
  const node = process.version;
  const date = new Date().toISOString();
  return { nproc, cpu, node, date, line: `${date} · nproc ${nproc} · ${cpu} · Node ${node}` };
}
