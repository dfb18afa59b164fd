import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { startTestSite, type TestSite } from './support/site.js';

interface DoctorJson {
  readonly ok: boolean;
  readonly exitCode: number;
  readonly checks: ReadonlyArray<{ readonly name: string; readonly status: string; readonly message: string; readonly fix: string | null }>;
}

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

function checkOf(report: DoctorJson, name: string) {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} check in ${JSON.stringify(report)}`);
  return found;
}

describe('doctor', () => {
  it('passes on a correctly configured site, mapping coverage included', async () => {
    const result = await runCli(['doctor', '--json'], { cwd: site.dir, env: site.env });
    const report = JSON.parse(result.stdout) as DoctorJson;
    expect(result.code).toBe(0);
    expect(report.ok).toBe(true);
    expect(checkOf(report, 'HikCentral').status).toBe('ok');
    expect(checkOf(report, 'Humand').status).toBe('ok');
    expect(checkOf(report, 'mapping').message).toMatch(new RegExp(`^${site.day.employees.length} of ${site.day.employees.length} HikCentral person`));
  }, 30_000);

  it('names HIK_SECRET when the secret is wrong (the app key is known)', async () => {
    const result = await runCli(['doctor'], { cwd: site.dir, env: { ...site.env, HIK_SECRET: 'not-the-secret-at-all' } });
    expect(result.code).toBe(6);
    expect(result.stdout).toMatch(/\[FAIL\] HikCentral .*signature/);
    expect(result.stdout).toMatch(/fix: HIK_SECRET is wrong/);
    expect(result.stdout).not.toMatch(/not-the-secret-at-all/);
  }, 30_000);

  it('tells an untrusted certificate apart and names HIK_CA_CERT', async () => {
    const { HIK_CA_CERT: _trusted, ...withoutCa } = site.env;
    const result = await runCli(['doctor', '--json'], { cwd: site.dir, env: withoutCa });
    expect(result.code).toBe(6);
    const hik = checkOf(JSON.parse(result.stdout) as DoctorJson, 'HikCentral');
    expect(hik.status).toBe('fail');
    expect(hik.message).toMatch(/not trusted/);
    expect(hik.fix).toMatch(/^Set HIK_CA_CERT to a PEM file/);
  }, 30_000);

  it('on a 403 says to ask Humand for the time-tracking permission and to check the IP allowlist', async () => {
    site.humand.state.setForbidden(true);
    try {
      const result = await runCli(['doctor'], { cwd: site.dir, env: site.env });
      expect(result.code).toBe(6);
      expect(result.stdout).toMatch(/\[FAIL\] Humand .*\(403\)/);
      expect(result.stdout).toMatch(/fix: .*ask Humand to grant the time-tracking permission.*IP allowlist/);
      expect(result.stdout).toMatch(/\[skip\] mapping/);
    } finally {
      site.humand.state.setForbidden(false);
    }
  }, 30_000);
});
