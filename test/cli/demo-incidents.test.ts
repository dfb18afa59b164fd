import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import { jsonLines, startCli, type RunningCli } from './support/cli-process.js';

let dir: string;
let demo: RunningCli | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-demo-incidents-'));
});
afterEach(async () => {
  await demo?.stop('SIGKILL', 5_000);
  demo = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

interface OverviewSeen {
  readonly timezone?: string;
  readonly delivery: { readonly state: string };
  readonly humand: { readonly failingSinceLocal: string | null } | null;
}

describe('the demo shows the hard parts', () => {
  it('plays a dead punch, a Humand outage and a refused key on the simulated Humand, in Buenos Aires time; the dashboard shows each, and in the end every punch is delivered', async () => {
    const ledger = path.join(dir, 'incidents.db');
    demo = startCli(['demo', '--database', ledger, '--speed', '120', '--incident-step', '4s'], { cwd: dir, env: { ADMIN_PORT: '0' } });
    const line = await demo.waitForLine((l) => l.includes('Dashboard    http://'), 15_000);
    const dashboard = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)![1]!;
    expect(demo.stdout()).toMatch(/Site clock +America\/Argentina\/Buenos_Aires/);
    expect(demo.stdout()).toMatch(/\+8 s Humand out of reach/);

    // What a person watching the dashboard sees, read every 250 ms while the script plays.
    const seen = { unreachable: false, paused: false };
    const watching = (async () => {
      while (!(seen.unreachable && seen.paused)) {
        const overview = (await (await fetch(new URL('api/overview', dashboard))).json()) as OverviewSeen;
        if (overview.humand?.failingSinceLocal) seen.unreachable = true;
        if (overview.delivery.state === 'paused') seen.paused = true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    await demo.waitForLine((l) => l.includes('"msg":"punch dead"'), 25_000);
    await demo.waitForLine((l) => l.includes('"msg":"delivery resumed: Humand accepts the key again"'), 30_000);
    await demo.waitForLine((l) => l.includes('"msg":"demo: 1 dead punch(es) re-driven"'), 15_000);
    await Promise.race([watching, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    expect(seen).toEqual({ unreachable: true, paused: true });

    // The re-driven punch and the ones that waited behind it reach Humand.
    const deadline = Date.now() + 15_000;
    let counts: Record<string, number> = {};
    while (Date.now() < deadline) {
      const store = SqliteLedgerStore.open({ path: ledger });
      counts = await store.countsByOutcome();
      await store.close();
      if (counts.dead === 0 && counts.waiting === 0 && counts.queued === 0 && counts.sending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(counts).toMatchObject({ dead: 0, waiting: 0, rejected: 0 });
    expect(counts.delivered).toBeGreaterThan(0);
    expect(await demo.stop('SIGTERM', 8_000)).toEqual({ code: 0, signal: null });
    const messages = jsonLines(demo.stdout()).map((l) => String(l.msg));
    expect(messages.filter((m) => m.startsWith('demo incident:'))).toHaveLength(6);
    expect(messages).toContain('delivery paused: Humand refused the API key');
  }, 90_000);
});
