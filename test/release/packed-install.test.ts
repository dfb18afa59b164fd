import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../cli/support/cli-process.js';
import { expectedPunchCount, expectedTimelines, humandTimelines, startTestSite } from '../cli/support/site.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** npm as a person would run it: none of the test runner's npm_* settings leak in. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

let work: string;
let site: string;
let bin: string;

// `npm pack` (which builds dist/ through prepack), then `npm install <tarball>` into an empty
// folder without dev dependencies. better-sqlite3 is compiled there when no prebuilt binary
// can be fetched, so this takes about a minute on a quiet machine.
beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-release-'));
  await exec('npm', ['pack', '--pack-destination', work], { cwd: ROOT, env: npmEnv(), maxBuffer: 16 * 1024 * 1024 });
  site = path.join(work, 'site');
  fs.mkdirSync(site);
  // npm 11 runs a dependency's install script only when allowed; better-sqlite3 needs its native build.
  fs.writeFileSync(path.join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, allowScripts: { 'better-sqlite3': true } }));
  const tarball = path.join(work, `hik2humand-${VERSION}.tgz`);
  await exec('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], { cwd: site, env: npmEnv(), maxBuffer: 16 * 1024 * 1024 });
  bin = path.join(site, 'node_modules', 'hik2humand', 'bin', 'hik2humand.js');
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed release installed into an empty folder', () => {
  it('holds compiled code and the dashboard, no sources, and no development tools', async () => {
    const installed = path.join(site, 'node_modules');
    expect(fs.existsSync(path.join(installed, 'hik2humand', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(fs.readdirSync(path.join(installed, 'hik2humand', 'dist', 'ops', 'dashboard')).sort()).toEqual(
      fs.readdirSync(path.join(ROOT, 'src', 'ops', 'dashboard')).sort(),
    );
    expect(fs.existsSync(path.join(installed, 'hik2humand', 'src'))).toBe(false);
    for (const devTool of ['tsx', 'typescript', 'vitest', 'eslint']) expect(fs.existsSync(path.join(installed, devTool)), devTool).toBe(false);
    const version = await runCli(['--version'], { cwd: site, bin });
    expect(version.code).toBe(0);
    expect(version.stdout).toContain(VERSION);
  });

  it('writes a service unit that starts the installed package, and has init with its prompts', async () => {
    const unit = await runCli(['service', 'install', '--print', '--platform', 'systemd', '--dir', site], { cwd: site, bin });
    expect(unit.code, unit.stderr).toBe(0);
    const execStart = /^ExecStart=(\S+) (\S+) run$/m.exec(unit.stdout);
    expect(execStart?.[2]).toBe(fs.realpathSync(bin));
    expect(fs.existsSync(execStart?.[1] ?? '')).toBe(true);
    // Without a terminal and without --yes, init says so rather than waiting: its module (and @inquirer/prompts) loaded.
    const init = await runCli(['init', '--dir', site], { cwd: site, bin });
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/no terminal to ask at/);
  });

  it('runs the demo: punches reach the simulated Humand and the dashboard page is served', async () => {
    const demo = startCli(['demo', '--speed', '120'], { cwd: site, bin, env: { ADMIN_PORT: '0' } });
    try {
      const banner = await demo.waitForLine((line) => line.includes('Dashboard    http://'), 20_000);
      const dashboard = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(banner)?.[1] ?? '';
      const page = await fetch(dashboard);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script[^>]+app\.js/);
      expect((await fetch(new URL('/assets/app.js', dashboard))).status).toBe(200);
      await demo.waitForLine((line) => line.includes('"msg":"Humand accepted the entry"'), 20_000);
      expect(await demo.stop('SIGTERM', 8_000)).toEqual({ code: 0, signal: null });
    } finally {
      await demo.stop('SIGKILL', 5_000);
    }
  }, 60_000);

  it('passes doctor against the simulators, then `run` delivers a simulated day exactly', async () => {
    const test = await startTestSite({ employees: 3, seed: 11 });
    const doctor = await runCli(['doctor'], { cwd: test.dir, bin, env: test.env });
    expect(doctor.stdout).toMatch(/\[ ok \] HikCentral /);
    expect(doctor.code, doctor.stdout).toBe(0);
    const service = startCli(['run'], { cwd: test.dir, bin, env: { ...test.env, POLL_INTERVAL: '1s' } });
    try {
      const expected = expectedPunchCount(test.day);
      const deadline = Date.now() + 30_000;
      while (test.entries() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(humandTimelines(test.humand, test.day)).toEqual(expectedTimelines(test.day));
      expect(await service.stop('SIGTERM', 8_000)).toEqual({ code: 0, signal: null });
    } finally {
      await service.stop('SIGKILL', 5_000);
      await test.close();
    }
  }, 60_000);
});
