import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import type { PunchRecord } from '../../src/store/punch.js';
import { jsonLines, runCli, startCli, type RunningCli } from './support/cli-process.js';

let dir: string;
let demo: RunningCli | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-cli-demo-'));
});
afterEach(async () => {
  await demo?.stop('SIGKILL', 5_000);
  demo = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function countsIn(ledger: string): Promise<Record<string, number>> {
  const store = SqliteLedgerStore.open({ path: ledger });
  try {
    return await store.countsByOutcome();
  } finally {
    await store.close();
  }
}

/** The first delivered punch from `source` in the running demo's ledger (read every half second until `withinMs`). */
async function firstDelivered(ledger: string, source: 'push' | 'poll', withinMs: number): Promise<PunchRecord | null> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const store = SqliteLedgerStore.open({ path: ledger });
    try {
      const found = (await store.findPunches({ outcome: 'delivered', limit: 10_000 })).find((p) => p.source === source);
      if (found) return found;
    } finally {
      await store.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

describe('demo (no credentials)', () => {
  it('`run` with no credentials is the demo: punches reach the simulated Humand, the dashboard answers, SIGTERM stops it with exit 0', async () => {
    demo = startCli(['run'], { cwd: dir, env: { ADMIN_PORT: '0' } });
    const banner = await demo.waitForLine((line) => line.includes('Dashboard    http://'), 15_000);
    expect(demo.stdout()).toMatch(/rate limit scaled to 50 requests per 10 s/);
    const dashboard = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(banner)?.[1];
    expect(dashboard).toBeDefined();
    expect((await fetch(new URL('healthz', dashboard))).status).toBe(200);

    await demo.waitForLine((line) => line.includes('"msg":"Humand accepted the entry"'), 12_000);
    const exit = await demo.stop('SIGTERM', 8_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(jsonLines(demo.stdout()).map((line) => line.msg)).toContain('demo stopped cleanly');
    // Without credentials, status reads the demo's ledger (./data/demo.db), which kept what was delivered.
    const status = await runCli(['status', '--json'], { cwd: dir });
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as { ledger: string; mode: string; counts: Record<string, number> };
    expect(report.ledger).toBe(path.join(dir, 'data', 'demo.db'));
    expect(report.counts.delivered).toBeGreaterThan(0);
  }, 30_000);

  it('DRY_RUN=true decides and logs the punches without sending any; the banner speaks Spanish under HIK2HUMAND_LANG=es', async () => {
    const ledger = path.join(dir, 'dry.db');
    demo = startCli(['demo', '--database', ledger, '--speed', '120'], { cwd: dir, env: { ADMIN_PORT: '0', DRY_RUN: 'true', HIK2HUMAND_LANG: 'es' } });
    await demo.waitForLine((line) => /^ {2}Prueba +SÍ — las fichadas se deciden y registran, no se envía nada$/.test(line), 15_000);
    expect(demo.stdout()).toMatch(/^ {2}Panel +http:\/\/127\.0\.0\.1:\d+\/ +<- abra esto$/m);
    expect(demo.stdout()).toMatch(/^ {2}Jornada +40 empleados \(semilla 1\), 2 horas de la jornada por minuto/m);
    expect(demo.stdout()).toMatch(/^ {2}Incidentes +se representan en el Humand simulado/m);
    await demo.waitForLine((line) => line.includes('"msg":"dry run: would POST /time-tracking/entries/clockIn"'), 12_000);
    expect(await demo.stop('SIGTERM', 8_000)).toEqual({ code: 0, signal: null });
    expect(demo.stdout()).not.toMatch(/Humand accepted the entry/);
    const counts = await countsIn(ledger);
    expect(counts['dry-run']).toBeGreaterThan(0);
    expect(counts.delivered).toBe(0);
  }, 30_000);
  it('`demo --source isapi` starts three simulated terminals, and delivers what they push to the simulated Humand', async () => {
    const ledger = path.join(dir, 'terminals.db');
    demo = startCli(['demo', '--source', 'isapi', '--database', ledger, '--speed', '120'], { cwd: dir, env: { ADMIN_PORT: '0' } });
    const banner = await demo.waitForLine((line) => line.includes('Dashboard    http://'), 15_000);
    expect(banner).toBeDefined();
    expect(demo.stdout()).toMatch(/Terminal +entrada +http:\/\/127\.0\.0\.1:\d+ +digest auth/);
    expect(demo.stdout()).toMatch(/Terminal +salida /);
    await demo.waitForLine((line) => line.includes('"msg":"Humand accepted the entry"'), 15_000);
    // The first poll reads the few minutes already played; what follows arrives by push, a second at a time.
    const pushedAndDelivered = await firstDelivered(ledger, 'push', 25_000);
    expect(pushedAndDelivered?.doorName).toMatch(/^(entrada|salida|planta) door \d$/);
    expect(await demo.stop('SIGTERM', 8_000)).toEqual({ code: 0, signal: null });
  }, 45_000);
});
