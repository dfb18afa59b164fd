import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');

/**
 * Replaces (or appends) one benchmark's section of bench/RESULTS.md, between
 * `<!-- name:begin … -->` and `<!-- name:end -->`, leaving every other section as it is.
 * Read and written back at once: other benchmarks may own sections of the same file.
 */
export function writeResultsSection(name: string, script: string, body: string, file: string = RESULTS_FILE): void {
  const beginPrefix = `<!-- ${name}:begin`;
  const begin = `${beginPrefix} (written by ${script} --write) -->`;
  const end = `<!-- ${name}:end -->`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const block = `${begin}\n${body.trim()}\n${end}`;
  const start = current.indexOf(beginPrefix);
  const stop = current.indexOf(end);
  const next = start >= 0 && stop > start ? `${current.slice(0, start)}${block}${current.slice(stop + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
