import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Choice, Prompter } from '../../src/cli/init/prompter.js';
import { captureIo, ScriptedPrompter, type Answer } from './support/scripted-prompter.js';
import { connectHumand } from '../../src/cli/init/connect.js';
import { runInit } from '../../src/cli/init/run-init.js';
import { silentLogger } from '../../src/logging/logger.js';
import { runCli } from '../cli/support/cli-process.js';
import { expectedPunchCount, expectedTimelines, humandTimelines, SITE_TIMEZONE, startTestSite, type TestSite } from '../cli/support/site.js';

let site: TestSite;
let dir: string;
beforeEach(async () => {
  site = await startTestSite({ employees: 5, seed: 21 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-init-'));
});
afterEach(async () => {
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('hik2humand init', () => {
  it('guided with wrong answers along the way, writes a configuration that passes doctor, previews the day, and then delivers it exactly', async () => {
    const prompter = new ScriptedPrompter([
      [/time zone/, 'Mars/Olympus_Mons'],
      [/time zone/, SITE_TIMEZONE],
      [/HikCentral address/, site.hik.httpsUrl],
      [/app key/, site.env.HIK_APP_KEY!],
      [/partner secret/, 'not-the-secret'],
      [/Trust this certificate/, true],
      [/partner secret/, site.env.HIK_SECRET!],
      [/Humand API key/, 'Basic not-the-key'],
      [/Humand API key/, site.env.HUMAND_AUTH!],
      [/^Use the 2 proposed time clocks: (?=.*Facial Entrada \(in\))(?=.*Facial Salida \(out\))/, true],
      [/map to Humand employees/, (choices) => choices.find((c) => c.name.startsWith('personCode'))!.value],
    ]);
    const io = captureIo();
    const result = await runInit({ dir, humandUrl: site.humand.url, preview: '96h' }, prompter, io, silentLogger());
    const said = io.text();
    expect(prompter.unanswered, said).toBe(0);

    // Each wrong answer was explained and asked again.
    expect(said).toMatch(/"Mars\/Olympus_Mons" is not an IANA time zone/);
    expect(said).toMatch(/SHA-256 {6}[0-9A-F:]{95}/);
    expect(said).toMatch(/✗ HikCentral: .*signature is wrong[\s\S]*fix: HIK_SECRET is wrong/);
    expect(said).toMatch(/✗ Humand: .*\(401\)/);
    expect(said).toMatch(/✓ HikCentral's event times \(offset -03:00\) agree with America\/Argentina\/Buenos_Aires/);
    // The reader list shows passages and why each was (not) proposed; a direction word alone is not a time clock.
    expect(said).toMatch(/Facial Entrada \(reader 101, door Molinete Reloj Entrada\): \d+ passages {2}→ time clock, in/);
    expect(said).toMatch(/Comedor Lector Entrada .* → not a time clock/);
    expect(said).toMatch(/personCode matches 5 of 5 active employees/);
    expect(said).toMatch(/cardNo matches 0 of 5 active employees/);

    // Secrets only in .env, mode 600; the pinned certificate is the simulator's.
    expect(fs.statSync(result.envFile).mode & 0o777).toBe(0o600);
    const env = fs.readFileSync(result.envFile, 'utf8');
    expect(env).toContain(`HIK_SECRET=${site.env.HIK_SECRET}`);
    expect(env).toContain('HIK_CA_CERT=./certs/hikcentral-ca.pem');
    expect(fs.readFileSync(path.join(dir, 'certs', 'hikcentral-ca.pem'), 'utf8').trim()).toBe(site.hik.caPem.trim());
    const yaml = fs.readFileSync(result.configFile, 'utf8');
    expect(yaml).not.toContain(site.env.HIK_SECRET!);
    expect(yaml).not.toContain(site.env.HUMAND_AUTH!);
    expect(yaml).toMatch(/- reader: "Facial Entrada" .*\n {4}direction: in/);
    expect(yaml).toMatch(/- reader: "Facial Salida" .*\n {4}direction: out/);
    expect(yaml).toMatch(/strategy: personCode/);

    expect(result.doctor.exitCode).toBe(0);
    const expected = expectedPunchCount(site.day);
    expect(result.wouldSend).toBe(expected);
    expect(said).toMatch(/would send clock-in {2}\d+ at /);
    expect(site.entries()).toBe(0);

    // The written files are all the service needs: a real sync delivers the day exactly.
    const sync = await runCli(['sync'], { cwd: dir, env: { POLL_INITIAL_LOOKBACK: '96h' }, timeoutMs: 60_000 });
    expect(sync.code, sync.stderr).toBe(0);
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));
  }, 60_000);

  it("a Humand 403 is explained from the key's own IP allowlist, and the key asked again until Humand accepts it", async () => {
    site.humand.state.setForbidden(true);
    site.humand.state.setAllowedIps(['203.0.113.50']);
    let asked = 0;
    const fail = () => Promise.reject(new Error('not asked here'));
    const prompter: Prompter = {
      secret: async () => {
        asked += 1;
        if (asked === 2) {
          // The administrator added this server's address in Humand meanwhile.
          site.humand.state.setForbidden(false);
          site.humand.state.setAllowedIps(['203.0.113.50', '127.0.0.1']);
        }
        return site.env.HUMAND_AUTH!;
      },
      text: fail,
      confirm: fail,
      choose: fail,
    };
    const io = captureIo();
    const humand = await connectHumand({ baseUrl: site.humand.url }, prompter, io, silentLogger());
    await humand.client.close();
    expect(asked).toBe(2);
    expect(io.text()).toMatch(
      /✗ Humand: .*\(403\)\n {2}A 403: .*IP allowlist names only 203\.0\.113\.50\. Unless this server's public address .* is among them, that is the cause/,
    );
    expect(io.text()).toMatch(/✓ Humand: [^\n]*\n {2}The key's IP allowlist names 203\.0\.113\.50, 127\.0\.0\.1/);

    // Unattended, the same 403 stops init with the explanation.
    site.humand.state.setForbidden(true);
    const unattended = captureIo();
    await expect(connectHumand({ baseUrl: site.humand.url, auth: site.env.HUMAND_AUTH! }, null, unattended, silentLogger())).rejects.toThrow(/\(403\)/);
    expect(unattended.text()).toMatch(/IP allowlist names only 203\.0\.113\.50, 127\.0\.0\.1/);
  });

  it('declining the proposal asks reader by reader; a mapping flag that does not exist is asked again; existing files are replaced only when confirmed', async () => {
    fs.writeFileSync(path.join(dir, '.env'), 'OLD=1\n');
    const pick = (choices: readonly Choice<unknown>[], message: string) => {
      const want = message.startsWith('Facial Entrada') ? 'in' : message.startsWith('Comedor Lector Entrada') ? 'alternate' : 'none';
      return choices.find((c) => c.value === want)!.value;
    };
    const prompter = new ScriptedPrompter([
      [/\.env already exists\. Replace\?/, true],
      [/Trust this certificate/, true],
      [/^Use the 2 proposed time clocks/, false],
      ...Array.from({ length: 9 }, (): [RegExp, Answer] => [/is it a time clock\?/, pick]),
      [/map to Humand employees/, (choices) => choices.find((c) => c.name.startsWith('personCode'))!.value],
    ]);
    const io = captureIo();
    const result = await runInit(
      {
        dir,
        hikHost: site.hik.httpsUrl,
        hikAppKey: site.env.HIK_APP_KEY!,
        hikSecret: site.env.HIK_SECRET!,
        humandUrl: site.humand.url,
        humandKey: site.env.HUMAND_AUTH!,
        timezone: SITE_TIMEZONE,
        mapping: 'customField:Nope',
      },
      prompter,
      io,
      silentLogger(),
    );
    expect(prompter.unanswered, io.text()).toBe(0);
    expect(io.text()).toMatch(/--mapping "customField:Nope" is not one of the strategies tried here/);
    const yaml = fs.readFileSync(result.configFile, 'utf8');
    expect(yaml).toMatch(/- reader: "Facial Entrada" .*\n {4}direction: in/);
    expect(yaml).toMatch(/- reader: "Comedor Lector Entrada" .*\n {4}mode: alternate/);
    expect(yaml).not.toContain('Facial Salida');
    expect(fs.readFileSync(result.envFile, 'utf8')).not.toContain('OLD=1');
  }, 60_000);

  it('unattended (--yes): answers from flags and the environment; a misspelt reader or an unchecked certificate stops it with nothing written', async () => {
    const env = { HIK_APP_KEY: site.env.HIK_APP_KEY!, HIK_SECRET: site.env.HIK_SECRET!, HUMAND_AUTH: site.env.HUMAND_AUTH! };
    const base = ['init', '--yes', '--dir', dir, '--hik-host', site.hik.httpsUrl, '--humand-url', site.humand.url, '--timezone', SITE_TIMEZONE];

    const noTerminal = await runCli(['init', '--dir', dir], { cwd: dir, env });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(/no terminal to ask at[\s\S]*--yes/);

    const untrusted = await runCli(base, { cwd: dir, env });
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(/certificate is not trusted \(SHA-256 [0-9A-F:]+\)[\s\S]*--trust-certificate/);

    const typo = await runCli([...base, '--trust-certificate', '--time-clock', 'Facial Entrda=in'], { cwd: dir, env });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--time-clock "Facial Entrda": no reader of that name[\s\S]*did you mean "Facial Entrada"/);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'hik2humand.yaml'))).toBe(false);

    const done = await runCli(
      [...base, '--trust-certificate', '--time-clock', 'Facial Entrada=in', '--time-clock', 'Facial Salida=out', '--mapping', 'personCode'],
      { cwd: dir, env, timeoutMs: 60_000 },
    );
    expect(done.code, done.stdout + done.stderr).toBe(0);
    expect(done.stdout).toMatch(/\[ ok \] mapping/);
    expect(done.stdout).not.toContain(site.env.HIK_SECRET!);
    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);

    const again = await runCli([...base, '--trust-certificate'], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exist[\s\S]*--force/);
  }, 60_000);
  it('unattended with every answer as a flag (nothing from the environment) writes a configuration that passes doctor, and then delivers the simulated day exactly', async () => {
    const answers = ['--hik-host', site.hik.httpsUrl, '--hik-app-key', site.env.HIK_APP_KEY!, '--hik-secret', site.env.HIK_SECRET!, '--trust-certificate'];
    const humand = ['--humand-url', site.humand.url, '--humand-key', site.env.HUMAND_AUTH!, '--timezone', SITE_TIMEZONE];
    const rules = ['--time-clock', 'Facial Entrada=in', '--time-clock', 'Facial Salida=out', '--mapping', 'personCode', '--preview', '96h'];
    const init = await runCli(['init', '--yes', '--dir', dir, ...answers, ...humand, ...rules], { cwd: dir, timeoutMs: 60_000 });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toMatch(/\[ ok \] Humand/);
    expect(init.stdout).toMatch(new RegExp(`DRY_RUN over the last 96 h \\(nothing sent\\): .* ${expectedPunchCount(site.day)} dry-run`));
    expect(site.entries()).toBe(0);

    // doctor on its own, from the folder, with only what init wrote.
    const doctor = await runCli(['doctor'], { cwd: dir, timeoutMs: 60_000 });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);

    const sync = await runCli(['sync'], { cwd: dir, env: { POLL_INITIAL_LOOKBACK: '96h' }, timeoutMs: 60_000 });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));
  }, 90_000);
});
