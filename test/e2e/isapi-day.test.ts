import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { ShiftedClock } from './shifted-clock.js';
import { expectedTerminalTimelines, humandTerminalTimelines, startTerminalWorld, terminalSiteConfig, type TerminalWorld } from '../isapi/world.js';

const HOUR = 3_600_000;

describe('a generated working day on three Hikvision terminals read over ISAPI (poll mode, no HikCentral)', () => {
  let world: TerminalWorld | undefined;
  let app: App | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    await world?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    app = undefined;
    world = undefined;
  });

  it('equals its ground truth exactly in Humand: one terminal offline for two hours, one with its clock 3 minutes ahead', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-isapi-'));
    const clock = new ShiftedClock(0);
    world = await startTerminalWorld({ employees: 80, seed: 13, clock, driftMs: { salida: 3 * 60_000 } });
    const { startMs, endMs } = world.day.window;
    clock.setTo(startMs + HOUR);
    app = await createApp({ config: terminalSiteConfig(world.humand, path.join(dir, 'ledger.db'), world.isapi), logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });
    const entrada = world.terminals.get('entrada')!;
    const offlineFrom = startMs + 7 * HOUR;
    const offlineTo = startMs + 9 * HOUR;
    let offlinePasses = 0;
    for (let at = startMs + HOUR; at <= endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      entrada.state.offline = at >= offlineFrom && at < offlineTo;
      const summary = await app.syncOnce();
      if (entrada.state.offline) {
        offlinePasses++;
        expect(summary.pollError).toContain('terminal entrada could not be reached');
      } else {
        expect(summary.pollError).toBeNull();
      }
      expect(summary.paused).toBeNull();
    }
    expect(offlinePasses).toBe(2);
    const expected = expectedTerminalTimelines(world);
    expect(Object.keys(expected).length).toBeGreaterThan(50);
    expect(humandTerminalTimelines(world)).toEqual(expected);
    const counts = await app.store.countsByOutcome();
    expect(counts.queued + counts.sending + counts.held + counts.received + counts.dead + counts.rejected).toBe(0);
    expect(counts.delivered).toBe(Object.values(expected).reduce((n, t) => n + t.length, 0));
    // Every event of every terminal is in the ledger once (two taps of one person at one door in one second are one punch).
    const punches = new Set<string>();
    for (const [name, terminal] of world.terminals) {
      for (const e of terminal.state.buffer()) punches.add(e.employeeNo === null ? `${name}#${e.serialNo}` : `${e.employeeNo}|${Math.floor(terminal.state.deviceTimeOf(e) / 1000)}|${name}/${e.doorNo}`);
    }
    expect(Object.values(counts).reduce((n, c) => n + c, 0)).toBe(punches.size);
    // The search respected the firmware's page size, and nobody tripped a lockout.
    for (const terminal of world.terminals.values()) expect(terminal.state.lockouts).toBe(0);
  }, 120_000);
});
