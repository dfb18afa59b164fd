import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { IsapiClient } from '../../src/isapi/client.js';
import { configureHttpHost } from '../../src/isapi/http-host.js';
import { startIsapiReceiver, type IsapiReceiver } from '../../src/isapi/push/receiver.js';
import { ShiftedClock } from './shifted-clock.js';
import { expectedTerminalTimelines, humandTerminalTimelines, startTerminalWorld, terminalSiteConfig, type TerminalWorld } from '../isapi/world.js';

const HOUR = 3_600_000;

describe('a generated working day on three Hikvision terminals read over ISAPI (poll mode, no HikCentral)', () => {
  let world: TerminalWorld | undefined;
  let app: App | undefined;
  let dir: string | undefined;
  let receiver: IsapiReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
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
        expect(summary.attention).toContain(`events could not be read: ${summary.pollError}`);
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

  it('in push and poll: every terminal pushes as it goes (the offline one catches up by poll), the poll re-reads them all, and Humand equals the ground truth with nothing doubled', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-isapi-push-'));
    const clock = new ShiftedClock(0);
    world = await startTerminalWorld({ employees: 25, seed: 21, clock, driftMs: { salida: 3 * 60_000 } });
    const { startMs, endMs } = world.day.window;
    clock.setTo(startMs + HOUR);
    app = await createApp({ config: terminalSiteConfig(world.humand, path.join(dir, 'ledger.db'), world.isapi), logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });
    const running = app;
    receiver = await startIsapiReceiver({ host: '127.0.0.1', port: 0, devices: world.isapi.devices, timeZone: world.day.scenario.site.timezone, logger: silentLogger(), ingest: (events, source) => running.ingest(events, source) });
    for (const device of world.isapi.devices) {
      const client = new IsapiClient({ device, logger: silentLogger(), clock, timeZone: 'UTC', requestTimeoutMs: 5_000, connectTimeoutMs: 2_000, authBackoffMs: 60_000, authBackoffMaxMs: 60_000 });
      await configureHttpHost(client, { ipAddress: '127.0.0.1', portNo: receiver.port, url: `${new URL(receiver.url).pathname}/${device.name}` });
      await client.close();
    }
    const entrada = world.terminals.get('entrada')!;
    let pushed = 0;
    for (let at = startMs + HOUR; at <= endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      entrada.state.offline = at >= startMs + 7 * HOUR && at < startMs + 9 * HOUR;
      for (const terminal of world.terminals.values()) pushed += await terminal.pushPending();
      await app.syncOnce();
    }
    const expected = expectedTerminalTimelines(world);
    expect(humandTerminalTimelines(world)).toEqual(expected);
    const total = [...world.terminals.values()].reduce((n, t) => n + t.state.buffer().length, 0);
    expect(pushed).toBe(total); // the offline terminal pushed its backlog once it was back
    const counts = await app.store.countsByOutcome();
    expect(counts.delivered).toBe(Object.values(expected).reduce((n, t) => n + t.length, 0));
    expect(world.humand.state.requests.filter((r) => r.method === 'POST').length).toBe(counts.delivered);
    // Most punches arrived by push, before any poll saw them.
    const sources = (await app.punches({ limit: 100_000 })).map((p) => p.source);
    expect(sources.filter((source) => source === 'push').length).toBeGreaterThan(sources.length / 2);
  }, 120_000);
});
