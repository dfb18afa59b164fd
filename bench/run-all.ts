/**
 * Runs every benchmark one after another, each in its own process (so that one's memory and
 * open handles cannot colour the next), passing the options given here on (e.g. --write).
 *
 *   npm run bench -- [--write] [--only poll-scan,memory]
 *
 * About four minutes on a 2-core machine. memory.ts measures 50,000 and 200,000 punches here;
 * the 1,000,000-punch row is a separate, longer run: npx tsx bench/memory.ts --sizes 1000000 --write
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['webhook-ingest.ts', 'delivery-throughput.ts', 'poll-scan.ts', 'memory.ts', 'requests-per-entry.ts'];

const here = path.dirname(fileURLToPath(import.meta.url));
const passOn = process.argv.slice(2).filter((arg) => arg === '--write');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').map((name) => name.replace(/\.ts$/, ''))) : null;
let failed = 0;
for (const benchmark of BENCHMARKS.filter((name) => only === null || only.has(name.replace(/\.ts$/, '')))) {
  process.stderr.write(`\n=== ${benchmark} ===\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, benchmark), ...passOn], { cwd: path.dirname(here), stdio: 'inherit' });
  process.stderr.write(
    `=== ${benchmark}: ${run.status === 0 ? 'done' : `failed (${run.status ?? run.signal})`} in ${Math.round((Date.now() - started) / 1000)} s ===\n`,
  );
  if (run.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
