import fs from 'node:fs';
import path from 'node:path';
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
    expect(checkOf(report, 'time clock Facial Entrada').status).toBe('ok');
    expect(checkOf(report, 'mapping at time clocks').status).toBe('ok');
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

describe('doctor checks the site rules against HikCentral', () => {
  function withConfig(name: string, yaml: string): Record<string, string> {
    const file = path.join(site.dir, name);
    fs.writeFileSync(file, yaml);
    return { ...site.env, CONFIG_FILE: file };
  }

  it('fails a time clock whose reader name has a typo and suggests the closest reader HikCentral has', async () => {
    const env = withConfig(
      'typo-reader.yaml',
      'timeClocks:\n  - reader: "Facial Entrda"\n    direction: in\n  - reader: "Facial Salida"\n    direction: out\nmapping:\n  strategy: personCode\n',
    );
    const result = await runCli(['doctor', '--json'], { cwd: site.dir, env });
    expect(result.code).toBe(6);
    const report = JSON.parse(result.stdout) as DoctorJson;
    const typo = checkOf(report, 'time clock Facial Entrda');
    expect(typo.status).toBe('fail');
    expect(typo.message).toMatch(/no reader of that name or index code had any event in the last 3 day/);
    expect(typo.fix).toMatch(/did you mean "Facial Entrada"\?/);
    const right = checkOf(report, 'time clock Facial Salida');
    expect(right.status).toBe('ok');
    expect(right.message).toMatch(/[1-9]\d* passages? in the last 3 days/);
  }, 30_000);

  it("fails a door that is not in HikCentral's door list, naming the closest door", async () => {
    const env = withConfig(
      'typo-door.yaml',
      'timeClocks:\n  - door: "Molinete Reloj Entrda"\n    direction: in\n  - reader: "Facial Salida"\n    direction: out\nmapping:\n  strategy: personCode\n',
    );
    const result = await runCli(['doctor'], { cwd: site.dir, env });
    expect(result.code).toBe(6);
    expect(result.stdout).toMatch(
      /\[FAIL\] time clock Molinete Reloj Entrda +door: "Molinete Reloj Entrda": no door of that name or index code in HikCentral's door list \(7 doors\)/,
    );
    expect(result.stdout).toMatch(/fix: .*did you mean "Molinete Reloj Entrada"\?/);
  }, 30_000);

  it('speaks Spanish to a Spanish locale: the same findings, the names, the fix lines and the summary', async () => {
    const env = {
      ...withConfig(
        'typo-door-es.yaml',
        'timeClocks:\n  - door: "Molinete Reloj Entrda"\n    direction: in\n  - reader: "Facial Salida"\n    direction: out\nmapping:\n  strategy: personCode\n',
      ),
      LANG: 'es_AR.UTF-8',
    };
    const result = await runCli(['doctor'], { cwd: site.dir, env });
    expect(result.code).toBe(6);
    expect(result.stdout).toMatch(
      /\[FAIL\] reloj Molinete Reloj Entrda +door: "Molinete Reloj Entrda": no hay ninguna puerta con ese nombre o código en la lista de puertas de HikCentral \(7 puertas\)/,
    );
    expect(result.stdout).toMatch(
      /qué hacer: En el archivo de configuración \(timeClocks\), escriba la puerta exactamente como la escribe HikCentral — ¿quiso decir "Molinete Reloj Entrada"\?/,
    );
    expect(result.stdout).toMatch(/\[ ok \] configuración +sitio real; archivo de configuración .*zona horaria del sitio America\/Argentina\/Buenos_Aires/);
    expect(result.stdout).toMatch(/\[ ok \] HikCentral +https:\/\/.* respondió un pedido firmado en \d+ ms/);
    expect(result.stdout).toMatch(/^1 comprobación falló(, \d+ advertencias?)?\. Haga lo que dicen las líneas "qué hacer:"/m);
    expect(result.stdout).not.toMatch(/ fix: /);
  }, 30_000);

  it('without the door list (an older HikCentral refuses it) still names the closest door, from the events', async () => {
    const env = withConfig('typo-door-no-list.yaml', 'timeClocks:\n  - door: "Molinete Reloj Entrda"\n    direction: in\nmapping:\n  strategy: personCode\n');
    site.hik.faults.set({ forceCode: { code: '0x02401000', msg: 'API not found', path: '/artemis/api/resource/v1/acsDoor/acsDoorList' } });
    try {
      const result = await runCli(['doctor', '--json'], { cwd: site.dir, env });
      const door = checkOf(JSON.parse(result.stdout) as DoctorJson, 'time clock Molinete Reloj Entrda');
      expect(result.code).toBe(6);
      expect(door.message).toMatch(
        /no door of that name or index code in the doors with events in the last 3 days \(HikCentral's door list did not answer: .*API not found/,
      );
      expect(door.fix).toMatch(/did you mean "Molinete Reloj Entrada"\?/);
    } finally {
      site.hik.faults.clear();
    }
  }, 30_000);

  it('lists the readers that saw passages, marks the time clocks, and warns of one that looks like a time clock but is not configured', async () => {
    const env = withConfig('one-clock.yaml', 'timeClocks:\n  - reader: "Facial Entrada"\n    direction: in\nmapping:\n  strategy: personCode\n');
    const result = await runCli(['doctor', '--json'], { cwd: site.dir, env });
    const passages = checkOf(JSON.parse(result.stdout) as DoctorJson, 'passages');
    expect(result.code).toBe(0);
    expect(passages.status).toBe('warn');
    expect(passages.message).toMatch(/Facial Entrada \(reader 101, door Molinete Reloj Entrada\): \d+ passages \[time clock\]/);
    expect(passages.message).toMatch(/Comedor Lector Salida \(reader 302, door Comedor\): \d+ passages;/);
    expect(passages.message).toMatch(/"Facial Salida" looks like a time clock but is not configured/);
  }, 30_000);

  it('counts the persons at a time clock who would be unmapped under the configured mapping', async () => {
    const employee = site.day.employees[0]!;
    site.humand.state.deactivateUser(employee.employeeInternalId);
    try {
      const result = await runCli(['doctor', '--json'], { cwd: site.dir, env: site.env });
      const check = checkOf(JSON.parse(result.stdout) as DoctorJson, 'mapping at time clocks');
      expect(check.status).toBe('warn');
      expect(check.message).toMatch(
        new RegExp(`^1 of ${site.day.employees.length} persons who passed a time clock in the last 3 days would be unmapped \\(mapping by personCode`),
      );
      expect(check.message).toContain(employee.employeeInternalId);
    } finally {
      site.humand.state.setUserStatus(employee.employeeInternalId, 'ACTIVE');
    }
  }, 30_000);
});
