import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor/run-doctor.js';
import type { CliSettings } from '../../src/cli/settings.js';
import { IsapiClient } from '../../src/isapi/client.js';
import { configureHttpHost } from '../../src/isapi/http-host.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startHumandSimulator, type HumandSimulator } from '../../src/sim/humand/index.js';
import { startIsapiTerminal, type IsapiTerminalSimulator } from '../../src/sim/isapi/index.js';
import { systemClock } from '../../src/domain/clock.js';
import { HUMAND_KEY } from '../e2e/harness.js';
import { deviceConfig, isapiConfig, SITE_TZ, TERMINAL_PASSWORD, TERMINAL_USER } from './support.js';
import { terminalSiteConfig } from './world.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

async function setUp(
  driftMs: number,
  password = TERMINAL_PASSWORD,
): Promise<{ terminal: IsapiTerminalSimulator; humand: HumandSimulator; settings: CliSettings }> {
  const terminal = await startIsapiTerminal({ clock: systemClock, timezone: SITE_TZ, user: TERMINAL_USER, password: TERMINAL_PASSWORD, driftMs });
  const humand = await startHumandSimulator({ apiKey: HUMAND_KEY, users: [], rateLimit: { limit: 400, windowMs: 1_000 } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isapi-doctor-'));
  closers.push(async () => {
    await Promise.allSettled([terminal.close(), humand.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const isapi = isapiConfig([deviceConfig('lobby', terminal.url, { password })], {
    push: { host: '127.0.0.1', port: 8090, path: '/hik/isapi', advertisedAddress: '10.0.0.9' },
  });
  // Only what doctor reads of the CLI settings.
  const settings = {
    env: {},
    envFile: null,
    config: terminalSiteConfig(humand, path.join(dir, 'ledger.db'), isapi),
    push: null,
    explicitLogLevel: null,
  } as unknown as CliSettings;
  return { terminal, humand, settings };
}

const byName = (report: Awaited<ReturnType<typeof runDoctor>>) => Object.fromEntries(report.checks.map((c) => [c.name, c]));

describe('doctor on a site that reads its terminals (no HikCentral)', () => {
  it('names the model, serial and firmware, warns about a clock 3 minutes ahead and about an HTTP host not pointing at us — until it does', async () => {
    const { terminal, settings } = await setUp(3 * 60_000);
    const first = byName(await runDoctor(settings, silentLogger()));
    expect(first['terminal lobby']).toMatchObject({ status: 'ok' });
    expect(first['terminal lobby']!.message).toContain('DS-K1T341AMF, serial DS-K1T341AMF20260101V031000ENSIM0001, firmware V3.3.10');
    expect(first['terminal lobby clock']).toMatchObject({ status: 'warn' });
    expect(first['terminal lobby clock']!.message).toMatch(/18\d s ahead of this machine|179 s ahead/);
    expect(first['terminal lobby push']).toMatchObject({ status: 'warn' });
    expect(first['Humand']).toMatchObject({ status: 'ok' });
    const client = new IsapiClient({
      device: settings.config.isapi!.devices[0]!,
      logger: silentLogger(),
      clock: systemClock,
      timeZone: SITE_TZ,
      requestTimeoutMs: 5_000,
      connectTimeoutMs: 2_000,
      authBackoffMs: 60_000,
      authBackoffMaxMs: 60_000,
    });
    await configureHttpHost(client, { ipAddress: '10.0.0.9', portNo: 8090, url: '/hik/isapi/lobby' });
    await client.close();
    terminal.state.driftMs = 2_000;
    const second = await runDoctor(settings, silentLogger());
    expect(second.ok).toBe(true);
    expect(byName(second)['terminal lobby push']).toMatchObject({ status: 'ok' });
    expect(byName(second)['terminal lobby clock']).toMatchObject({ status: 'ok' });
  });

  it('speaks Spanish (HIK2HUMAND_LANG=es): each terminal check, what it found and what to do', async () => {
    const { settings } = await setUp(3 * 60_000);
    const report = byName(await runDoctor({ ...settings, language: 'es' } as CliSettings, silentLogger()));
    expect(report['terminal lobby']!.message).toMatch(
      /serie DS-K1T341AMF20260101V031000ENSIM0001, firmware V3\.3\.10; usuario \S+ aceptado \(un solo inicio de sesión\)/,
    );
    expect(report['reloj de la terminal lobby']).toMatchObject({ status: 'warn' });
    expect(report['reloj de la terminal lobby']!.message).toMatch(/s adelantada respecto de esta máquina/);
    expect(report['reloj de la terminal lobby']!.fix).toMatch(/^Las fichadas llevan la hora de la terminal: configure NTP/);
    expect(report['envío (push) de la terminal lobby']!.message).toMatch(/^ningún HTTP host apunta a http:\/\/10\.0\.0\.9:8090\/hik\/isapi\/lobby/);
    expect(report['envío (push) de la terminal lobby']!.fix).toMatch(/^Ejecute `hik2humand isapi-hosts`/);
    expect(report['configuración']).toMatchObject({ status: 'ok' });
  });

  it('with a wrong password fails after ONE login attempt, so running doctor again and again never locks the user', async () => {
    const { terminal, settings } = await setUp(0, 'wrong-password-1');
    const report = await runDoctor(settings, silentLogger());
    expect(report.ok).toBe(false);
    expect(byName(report)['terminal lobby']).toMatchObject({ status: 'fail' });
    expect(byName(report)['terminal lobby']!.message).toContain('refused the user and password');
    expect(terminal.state.failedLogins()).toBe(1);
    expect(byName(report)['terminal lobby clock']).toBeUndefined();
  });

  it('says when a terminal cannot be reached', async () => {
    const { terminal, settings } = await setUp(0);
    terminal.state.offline = true;
    const report = await runDoctor(settings, silentLogger());
    expect(byName(report)['terminal lobby']).toMatchObject({ status: 'fail' });
    expect(byName(report)['terminal lobby']!.message).toContain('could not be reached');
  });
});

describe("doctor checks the configured reader numbers against the terminal's events", () => {
  const access = (trueMs: number, cardReaderNo: number) => ({
    trueMs: Math.floor(trueMs / 1000) * 1000,
    major: 5,
    minor: 75,
    employeeNo: '20001',
    name: 'Ana',
    cardNo: null,
    cardReaderNo,
    doorNo: 1,
    verifyMode: 'face',
    attendanceStatus: null,
  });

  it('warns when the configured reader had no event while another reader had the passages, naming it', async () => {
    const { terminal, settings } = await setUp(0);
    const now = Date.now();
    terminal.state.addEvents([access(now - 3_600_000, 2), access(now - 1_800_000, 2)]);
    const first = byName(await runDoctor(settings, silentLogger()))['terminal lobby readers'];
    expect(first).toMatchObject({ status: 'warn' });
    expect(first!.message).toBe('configured reader 1 had no access event in the last 24 h; events by reader: reader 2: 2');
    expect(first!.fix).toMatch(/reader 2 had the passages — did you mean 2\?/);

    terminal.state.addEvents([access(now - 600_000, 1)]);
    const second = byName(await runDoctor(settings, silentLogger()))['terminal lobby readers'];
    expect(second).toMatchObject({ status: 'ok', message: 'every configured reader (1) had access events in the last 24 h' });
  });
});
