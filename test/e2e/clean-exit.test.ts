import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceEnvFor, startWorld, type World } from './harness.js';

const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'open-close-child.ts');

/** Far below the HTTP clients' keep-alive (10 s Humand, 30 s HikCentral), far above a normal exit. */
const EXIT_BOUND_MS = 8_000;

describe('a process that opens the App and closes it', () => {
  let world: World;
  let dir: string;

  beforeAll(async () => {
    world = await startWorld({ employees: 6, seed: 4 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-exit-'));
  });
  afterAll(async () => {
    await world.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('closes the HikCentral and Humand connections it opened, and ends by itself once close() resolves', async () => {
    const env = serviceEnvFor(world, dir, { DATABASE_PATH: path.join(dir, 'ledger.db') }, ['settleDelay: 0s']);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let closedAt: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (closedAt === null && stdout.includes('"closed":true')) closedAt = Date.now();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterCloseMs: number | null; forced: boolean }>((resolve, reject) => {
      let forced = false;
      const watchdog = setInterval(() => {
        // Only once close() has resolved does the bound start; the pass itself may take its time.
        if (closedAt !== null && Date.now() - closedAt > EXIT_BOUND_MS && !forced) {
          forced = true;
          child.kill('SIGKILL');
        }
      }, 50);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearInterval(watchdog);
        resolve({ code, signal, afterCloseMs: closedAt === null ? null : Date.now() - closedAt, forced });
      });
    });
    expect(exit.forced, `still running ${EXIT_BOUND_MS} ms after close()\n${stderr}`).toBe(false);
    expect({ code: exit.code, signal: exit.signal }, stderr).toEqual({ code: 0, signal: null });
    const summary = JSON.parse(stdout.trim().split('\n').pop()!) as { sockets: string[]; delivered: number; attention: string[] };
    expect(summary.attention).toEqual([]);
    expect(summary.delivered).toBeGreaterThan(0); // both clients really were used
    // Nothing left holding a connection to HikCentral or Humand (idle keep-alive sockets do not
    // keep a process alive, but they do hold a slot on the platform until their timeout).
    expect(summary.sockets).toEqual([]);
  }, 60_000);
});
