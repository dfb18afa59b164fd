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
import { syncAttention } from '../../src/cli/format/sync-attention.js';

const HOUR = 3_600_000;

/** The site's terminal receiver, and every terminal's HTTP host pointed at it (as `isapi-hosts` would). */
async function pointTerminalsAtReceiver(world: TerminalWorld, app: App, clock: ShiftedClock): Promise<IsapiReceiver> {
  const receiver = await startIsapiReceiver({
    host: '127.0.0.1',
    port: 0,
    devices: world.isapi.devices,
    timeZone: world.day.scenario.site.timezone,
    logger: silentLogger(),
    ingest: (events, source) => app.ingest(events, source),
  });
  for (const device of world.isapi.devices) {
    const client = new IsapiClient({
      device,
      logger: silentLogger(),
      clock,
      timeZone: 'UTC',
      requestTimeoutMs: 5_000,
      connectTimeoutMs: 2_000,
      authBackoffMs: 60_000,
      authBackoffMaxMs: 60_000,
    });
    await configureHttpHost(client, { ipAddress: '127.0.0.1', portNo: receiver.port, url: `${new URL(receiver.url).pathname}/${device.name}` });
    await client.close();
  }
  return receiver;
}

describe('a generated working day on three Hikvision terminals read over ISAPI (no HikCentral): by poll, by push, and both', () => {
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

  /** The three terminals (salida 3 minutes ahead), Humand, and the middleware, at the first hour of the day. */
  async function startDay(employees: number, seed: number): Promise<{ clock: ShiftedClock; app: App; world: TerminalWorld; startMs: number; endMs: number }> {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-isapi-'));
    const clock = new ShiftedClock(0);
    world = await startTerminalWorld({ employees, seed, clock, driftMs: { salida: 3 * 60_000 } });
    const { startMs, endMs } = world.day.window;
    clock.setTo(startMs + HOUR);
    app = await createApp({
      config: terminalSiteConfig(world.humand, path.join(dir, 'ledger.db'), world.isapi),
      logger: silentLogger(),
      overrides: { clock, rateResetMarginMs: 50 },
    });
    return { clock, app, world, startMs, endMs };
  }

  it('equals its ground truth exactly in Humand: one terminal offline for two hours, one with its clock 3 minutes ahead', async () => {
    const { clock, app, world, startMs, endMs } = await startDay(80, 13);
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
        expect(syncAttention(summary)).toContain(`events could not be read: ${summary.pollError}`);
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
      for (const e of terminal.state.buffer())
        punches.add(
          e.employeeNo === null ? `${name}#${e.serialNo}` : `${e.employeeNo}|${Math.floor(terminal.state.deviceTimeOf(e) / 1000)}|${name}/${e.doorNo}`,
        );
    }
    expect(Object.values(counts).reduce((n, c) => n + c, 0)).toBe(punches.size);
    // The search respected the firmware's page size, and nobody tripped a lockout.
    for (const terminal of world.terminals.values()) expect(terminal.state.lockouts).toBe(0);
  }, 120_000);

  it('in push and poll: every terminal pushes as it goes (the offline one pushes its backlog once back), the hourly poll reads the same events again, and Humand equals the ground truth with nothing doubled', async () => {
    const { clock, app, world, startMs, endMs } = await startDay(25, 21);
    receiver = await pointTerminalsAtReceiver(world, app, clock);
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
    // And the poll did read every terminal again (which is why "nothing doubled" means something here).
    for (const terminal of world.terminals.values())
      expect(terminal.state.requests.filter((r) => r.path === '/ISAPI/AccessControl/AcsEvent').length).toBeGreaterThan(0);
  }, 120_000);
  it('in push only (no poll at all): the offline terminal pushes its two hours once back, the drifting one is read on its own clock, and Humand equals the ground truth exactly', async () => {
    const { clock, app, world, startMs, endMs } = await startDay(40, 34);
    receiver = await pointTerminalsAtReceiver(world, app, clock);
    const entrada = world.terminals.get('entrada')!;
    let backlogOnReturn = 0;
    for (let at = startMs + HOUR; at <= endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      const wasOffline = entrada.state.offline;
      entrada.state.offline = at >= startMs + 7 * HOUR && at < startMs + 9 * HOUR;
      const unpushed = entrada.state.buffer().filter((e) => e.serialNo > entrada.state.pushedSerial).length;
      for (const terminal of world.terminals.values()) await terminal.pushPending();
      if (wasOffline && !entrada.state.offline) backlogOnReturn = unpushed;
      // The salida terminal runs 3 minutes ahead: a tap it pushes just before the hour carries a time still in the
      // future, which Humand would refuse, so it waits for the next pass instead of holding this one for half a minute.
      const summary = await app.syncOnce({ skipPoll: true, deliverForMs: 3_000 });
      expect(summary.poll).toBeNull();
      expect(summary.paused).toBeNull();
    }
    // Two hours of a working morning piled up on the offline terminal and went out in one go.
    expect(backlogOnReturn).toBeGreaterThan(5);
    const expected = expectedTerminalTimelines(world);
    expect(Object.keys(expected).length).toBeGreaterThan(25);
    expect(humandTerminalTimelines(world)).toEqual(expected);
    const counts = await app.store.countsByOutcome();
    expect(counts.queued + counts.sending + counts.held + counts.received + counts.dead + counts.rejected).toBe(0);
    expect(counts.delivered).toBe(Object.values(expected).reduce((n, t) => n + t.length, 0));
    expect(world.humand.state.requests.filter((r) => r.method === 'POST').length).toBe(counts.delivered);
    // Nothing was searched on any terminal: every punch came by push.
    for (const terminal of world.terminals.values()) expect(terminal.state.requests.filter((r) => r.path === '/ISAPI/AccessControl/AcsEvent')).toEqual([]);
    const sources = new Set((await app.punches({ limit: 100_000 })).map((p) => p.source));
    expect([...sources]).toEqual(['push']);
  }, 120_000);
});
