import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';

// A bad setting must stop the CLI with exit 2 and one readable block naming each setting — no stack trace.
const STACK_FRAME = /\n\s+at .+:\d+:\d+/;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-cli-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('configuration errors', () => {
  it('sync with POLL_INTERVAL=abc exits 2 naming the variable and an example', async () => {
    const result = await runCli(['sync'], { cwd: dir, env: { POLL_INTERVAL: 'abc' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/POLL_INTERVAL: "abc" is not a duration — use e\.g\./);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toBe('');
  }, 30_000);

  it('names an unknown SITE_TIMEZONE, once', async () => {
    const result = await runCli(['status'], { cwd: dir, env: { SITE_TIMEZONE: 'Mars/Base' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SITE_TIMEZONE: "Mars\/Base" is not an IANA time zone — use e\.g\. America\//);
    expect(result.stderr.match(/Mars\/Base/g)).toHaveLength(1);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  }, 30_000);

  it('sync with HIKVISION_HOST set but no HIK_SECRET exits 2 naming HIK_SECRET', async () => {
    fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), 'timeClocks:\n  - reader: Facial Entrada\n    direction: in\n');
    const result = await runCli(['sync'], { cwd: dir, env: { HIKVISION_HOST: 'https://10.0.0.5', HIK_APP_KEY: '12345678', HUMAND_AUTH: 'Basic abc123' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/HIK_SECRET: not set — use the partner secret/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  }, 30_000);

  it('lists every problem in one block, reading --env-file under the environment', async () => {
    // Node 20 reads --env-file itself too; the file exists, so both agree.
    fs.writeFileSync(path.join(dir, 'site.env'), 'POLL_INTERVAL=soon\nDRY_RUN=perhaps\nLOG_LEVEL=debug\n');
    const result = await runCli(['--env-file', 'site.env', 'sync'], { cwd: dir, env: { LOG_LEVEL: 'loud' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/POLL_INTERVAL: "soon" is not a duration/);
    expect(result.stderr).toMatch(/DRY_RUN: "perhaps" is not a boolean/);
    // The environment wins over the file.
    expect(result.stderr).toMatch(/LOG_LEVEL: must be one of/);
    expect(result.stderr.match(/nothing was started/g)).toHaveLength(1);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  }, 30_000);

  it('without credentials, commands that need a real site say so and exit 2', async () => {
    const result = await runCli(['doctor', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: Array<{ name: string; status: string; fix: string }> };
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ name: 'configuration', status: 'fail' });
    expect(report.checks[0]?.fix).toMatch(/\.env\.example/);
  }, 30_000);

  it('status does not create an empty ledger where there is none: it says where it looked', async () => {
    const result = await runCli(['status'], { cwd: dir, env: { DATABASE_PATH: './elsewhere/ledger.db' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`there is no ledger at ${path.join(dir, 'elsewhere', 'ledger.db')}`);
    expect(fs.existsSync(path.join(dir, 'elsewhere'))).toBe(false);
  }, 30_000);
});
