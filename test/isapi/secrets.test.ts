import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capturedLogger } from '../support/captured-logger.js';
import { runDoctor } from '../../src/cli/doctor/run-doctor.js';
import type { CliSettings } from '../../src/cli/settings.js';
import { deviceConfig, isapiConfig, TERMINAL_PASSWORD } from './support.js';
import { face, MINUTE, site, START } from './site.js';
import { terminalSiteConfig } from './world.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the terminal's password never reaches a log line", () => {
  it('is absent, with every digest response computed from it, from a poll and delivery pass and from doctor — with the right password and with a wrong one', async () => {
    const { lines, logger } = capturedLogger('trace');
    const { clock, terminal, humand, app } = await site({ events: [face('1001', 5), face('1002', 7)], logger });
    clock.jumpTo(START + 10 * 60 * MINUTE);
    const summary = await app.syncOnce();
    expect(summary.pollError).toBeNull();
    expect(summary.counts.delivered).toBe(2);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isapi-secrets-'));
    dirs.push(dir);
    const wrong = 'Wrong-Pass-0451';
    const devices = [deviceConfig('lobby', terminal.url), deviceConfig('patio', terminal.url, { password: wrong })];
    // Only what doctor reads of the CLI settings.
    const settings = {
      env: {},
      envFile: null,
      config: terminalSiteConfig(humand, path.join(dir, 'ledger.db'), isapiConfig(devices)),
      push: null,
      explicitLogLevel: null,
    } as unknown as CliSettings;
    const report = await runDoctor(settings, logger);
    expect(report.checks.find((c) => c.name === 'terminal lobby')).toMatchObject({ status: 'ok' });
    expect(report.checks.find((c) => c.name === 'terminal patio')).toMatchObject({ status: 'fail' });
    expect(terminal.state.failedLogins()).toBe(1);

    // The run and doctor did log (the refusal included), and the terminal saw right and wrong answers.
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('patio');
    expect(terminal.state.digestResponses.length).toBeGreaterThan(4);
    expect(log).not.toContain(TERMINAL_PASSWORD);
    expect(log).not.toContain(wrong);
    for (const response of new Set(terminal.state.digestResponses)) expect(log).not.toContain(response);
    // Nor in what doctor prints.
    expect(JSON.stringify(report)).not.toContain(TERMINAL_PASSWORD);
    expect(JSON.stringify(report)).not.toContain(wrong);
  });
});
