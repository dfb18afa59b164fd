/**
 * Terminal poll benchmark: a generated working day on three simulated Hikvision terminals (ISAPI,
 * pages of 30, digest authentication) read by the App as `sync` does (poll + ingest + decisions,
 * no delivery). Measures the first poll of the day (every event new), the requests it costs
 * (each ISAPI call is a challenge and an authenticated request), and a steady-state pass a
 * minute later (the 10-minute overlap re-read, the buffer-wrap check).
 *
 *   npx tsx bench/isapi-poll.ts [--employees 200] [--write]
 *
 * --write replaces the isapi-poll section of bench/RESULTS.md. Loopback, simulators in-process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app/index.js';
import { silentLogger } from '../src/logging/logger.js';
import { ShiftedClock } from '../test/e2e/shifted-clock.js';
import { startTerminalWorld, terminalSiteConfig } from '../test/isapi/world.js';
import { hasFlag, isMain, numberArg, runMain } from './bench-args.js';
import { writeResultsSection } from './results-section.js';
import { machineDescription } from './webhook-stats.js';

const HOUR = 3_600_000;

async function main(): Promise<void> {
  const employees = numberArg('--employees', 200);
  const clock = new ShiftedClock(0);
  const world = await startTerminalWorld({ employees, seed: 7, clock });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-isapi-'));
  const app = await createApp({
    config: terminalSiteConfig(world.humand, path.join(dir, 'ledger.db'), world.isapi),
    logger: silentLogger(),
    overrides: { clock },
  });
  const requests = () => [...world.terminals.values()].reduce((n, t) => n + t.state.requests.length, 0);
  const challenges = () => [...world.terminals.values()].reduce((n, t) => n + t.state.requests.filter((r) => r.status === 401).length, 0);
  try {
    clock.setTo(world.day.window.endMs + HOUR);
    await app.refreshMappings();
    let started = performance.now();
    const first = await app.syncOnce({ deliverForMs: 0 });
    const firstMs = performance.now() - started;
    const firstRequests = requests();
    const firstChallenges = challenges();
    clock.setTo(world.day.window.endMs + HOUR + 60_000);
    started = performance.now();
    const again = await app.syncOnce({ deliverForMs: 0 });
    const againMs = performance.now() - started;
    const machine = machineDescription();
    const body = [
      '## Poll: a day on three Hikvision terminals (ISAPI)',
      '',
      `${machine.line}. \`npx tsx bench/isapi-poll.ts --employees ${employees}\`: a generated day of ${employees} employees on three simulated terminals (pages of 30, digest auth), read by \`syncOnce\` without delivery.`,
      '',
      '| pass | events read | new | time | terminal requests (of which digest challenges) |',
      '|---|---|---|---|---|',
      `| first poll of the day | ${first.poll?.events ?? 0} | ${first.poll?.fresh ?? 0} | ${Math.round(firstMs)} ms | ${firstRequests} (${firstChallenges}) |`,
      `| a minute later (overlap re-read + wrap check) | ${again.poll?.events ?? 0} | ${again.poll?.fresh ?? 0} | ${Math.round(againMs)} ms | ${requests() - firstRequests} (${challenges() - firstChallenges}) |`,
      '',
      'Noticed: every ISAPI call costs two requests (no nonce reuse): half the requests are challenges. Terminals on a LAN answer in milliseconds, so this is left as is; a device-side limit on concurrent sessions would be the reason to reuse nonces.',
    ].join('\n');
    process.stdout.write(`${body}\n`);
    if (hasFlag('--write')) writeResultsSection('isapi-poll', 'bench/isapi-poll.ts', body);
  } finally {
    await app.close();
    await world.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url, 'isapi-poll.ts')) runMain(main);
