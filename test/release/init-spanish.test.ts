import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/init/run-init.js';
import { silentLogger } from '../../src/logging/logger.js';
import { runCli } from '../cli/support/cli-process.js';
import { expectedPunchCount, SITE_TIMEZONE, startTestSite, type TestSite } from '../cli/support/site.js';
import { captureIo, ScriptedPrompter } from './support/scripted-prompter.js';

let site: TestSite;
let dir: string;
beforeEach(async () => {
  site = await startTestSite({ employees: 5, seed: 21 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-init-es-'));
});
afterEach(async () => {
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('hik2humand init in Spanish', () => {
  it('asks, explains and proposes in Spanish, with Spanish plurals, and the files it writes are commented in Spanish', async () => {
    const prompter = new ScriptedPrompter([
      [/^Zona horaria del sitio/, 'Marte/Olimpo'],
      [/^Zona horaria del sitio/, SITE_TIMEZONE],
      [/^Dirección de HikCentral/, site.hik.httpsUrl],
      [/^Clave de la aplicación asociada/, site.env.HIK_APP_KEY!],
      [/^Secreto de la aplicación asociada/, 'no-es-el-secreto'],
      [/^¿Confiar en este certificado/, true],
      [/^Secreto de la aplicación asociada/, site.env.HIK_SECRET!],
      [/^Clave de API de Humand/, site.env.HUMAND_AUTH!],
      [/^¿Usar los 2 relojes propuestos: (?=.*Facial Entrada \(entrada\))(?=.*Facial Salida \(salida\))/, true],
      [/^¿Cómo se vinculan las personas/, (choices) => choices.find((c) => c.name.startsWith('personCode'))!.value],
    ]);
    const io = captureIo();
    const result = await runInit({ dir, humandUrl: site.humand.url, preview: '96h', language: 'es' }, prompter, io, silentLogger());
    const said = io.text();
    expect(prompter.unanswered, said).toBe(0);

    expect(said).toMatch(/✗ "Marte\/Olimpo" no es una zona horaria IANA/);
    expect(said).toMatch(/HikCentral presenta este certificado:[\s\S]*emisor {7}.*\(autofirmado\)/);
    // HikCentral's refusal is worded by doctor's Spanish catalog, with what to do.
    expect(said).toMatch(/✗ HikCentral: .*la firma es incorrecta[\s\S]*qué hacer: HIK_SECRET es incorrecto/);
    expect(said).toMatch(/✓ Las horas de los eventos de HikCentral \(desfase -03:00\) coinciden con America\/Argentina\/Buenos_Aires/);
    expect(said).toMatch(/Lectores con eventos en los últimos 7 días, los más usados primero/);
    expect(said).toMatch(
      /Facial Entrada \(lector 101, puerta Molinete Reloj Entrada\): \d+ pasadas {2}→ reloj, entrada \("molinete" en su nombre; "entrada\/ingreso\/in" da la dirección\)/,
    );
    expect(said).toMatch(/Comedor Lector Entrada .* → no es un reloj \(su nombre no tiene una palabra de reloj: reloj, molinete, fichada o clock\)$/m);
    expect(said).toMatch(/personCode vincula 5 de 5 empleados activos/);
    expect(said).toMatch(/Prueba \(DRY_RUN\) sobre las últimas 96 h \(no se envió nada\): .*prueba: \d+/);
    expect(said).toMatch(/ {2}enviaría entrada \d+ a las \d\d\/\d\d\/2026 \d\d:\d\d:\d\d {2}\(/);
    expect(said).toMatch(/\[ ok \] vinculación/);
    expect(said).not.toMatch(/passage|would send|Readers with|matches \d/);
    expect(result.wouldSend).toBe(expectedPunchCount(site.day));

    const env = fs.readFileSync(result.envFile, 'utf8');
    expect(env).toMatch(/^# Los secretos están solo aquí/m);
    expect(env).toContain('HIK2HUMAND_LANG=es\nALERT_LANGUAGE=es\n');
    const yaml = fs.readFileSync(result.configFile, 'utf8');
    expect(yaml).toMatch(/^# Relojes: los lectores cuyas pasadas son fichadas/m);
    expect(yaml).toMatch(/- reader: "Facial Entrada" +# lector 101, puerta "Molinete Reloj Entrada", \d+ pasadas cuando init miró\n {4}direction: in/);
    expect(yaml).toMatch(/^# ¿Quién es\? Cuando init miró: personCode vincula 5 de 5 empleados activos\./m);
    expect(yaml).toMatch(/^alternation: suppress +# dos entradas seguidas en una jornada/m);

    // The site keeps the language: doctor in the folder speaks Spanish with no LANG set.
    const doctor = await runCli(['doctor'], { cwd: dir, env: { LANG: 'C.UTF-8', LC_ALL: '' }, timeoutMs: 60_000 });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/Todas las comprobaciones pasaron/);
  }, 60_000);

  it('unattended (HIK2HUMAND_LANG=es): a misspelt reader stops it in Spanish with what to do, and nothing is written', async () => {
    const env = { HIK_APP_KEY: site.env.HIK_APP_KEY!, HIK_SECRET: site.env.HIK_SECRET!, HUMAND_AUTH: site.env.HUMAND_AUTH!, HIK2HUMAND_LANG: 'es' };
    const base = ['init', '--yes', '--dir', dir, '--hik-host', site.hik.httpsUrl, '--humand-url', site.humand.url, '--timezone', SITE_TIMEZONE];

    const noTerminal = await runCli(['init', '--dir', dir], { cwd: dir, env });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(/no hay una terminal donde hacerlas\n {2}qué hacer: Ejecútelo en una terminal, o sin preguntas con --yes/);

    const untrusted = await runCli(base, { cwd: dir, env });
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(/esta máquina no confía en el certificado de HikCentral \(SHA-256 [0-9A-F:]+\)\n {2}qué hacer: Use --trust-certificate/);

    const typo = await runCli([...base, '--trust-certificate', '--time-clock', 'Facial Entrda=in'], { cwd: dir, env });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--time-clock "Facial Entrda": ningún lector con ese nombre[\s\S]*qué hacer: .*¿quiso decir "Facial Entrada"\?/);
    expect(typo.stdout).toMatch(/✓ Zona horaria del sitio America\/Argentina\/Buenos_Aires/);
    expect(typo.stdout).toMatch(/\d+ eventos de puerta y 5 personas en \d+,\d s\./);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'hik2humand.yaml'))).toBe(false);

    // A site already set up in Spanish is answered in Spanish, even from an English shell.
    fs.writeFileSync(path.join(dir, '.env'), 'HIK2HUMAND_LANG=es\n');
    const { HIK2HUMAND_LANG: _spanish, ...english } = env;
    const again = await runCli(base, { cwd: dir, env: { ...english, LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/\.env ya existe; no se escribió nada\n {2}qué hacer: Use --force/);
  }, 60_000);
});
