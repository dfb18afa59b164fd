import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-cli-config-es-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

// English words a Spanish reader should not meet in a configuration problem (setting names and examples aside).
const ENGLISH = /\b(is not|must be|not set|cannot be read|use e\.g\.|likely|line \d+ reads|Invalid input|Unrecognized key)\b/;

describe('configuration problems in Spanish (HIK2HUMAND_LANG=es in .env)', () => {
  it('names every setting with what is wrong and an example, in Spanish: the environment, the config file, push, the dashboard and the alerts', async () => {
    fs.writeFileSync(
      path.join(dir, '.env'),
      [
        'HIK2HUMAND_LANG=es',
        'HIKVISION_HOST=https://10.0.0.5',
        'HUMAND_AUTH=Basic abc123',
        'HIK_SECRET=s3cret',
        'POLL_INTERVAL=pronto',
        'DRY_RUN=quizas',
        'DELIVERY_CONCURRENCY=mil',
        'WEBHOOK_PORT=8089',
        'WEBHOOK_TOKEN=corto',
        'DASHBOARD_PASSWORD=abc',
        'HR_SUMMARY_HOUR=7',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), 'timeClocks:\n  - reader: Facial Entrada\n    direction: adentro\n    color: rojo\n');
    const result = await runCli(['sync'], { cwd: dir, env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(result.code).toBe(2);
    const said = result.stderr;
    expect(said).toMatch(/^hik2humand: la configuración tiene \d+ problemas; no se inició nada\./);
    expect(said).toMatch(/POLL_INTERVAL: "pronto" no es una duración — use p\. ej\./);
    expect(said).toMatch(/DRY_RUN: "quizas" no es un valor sí\/no — use true o false/);
    expect(said).toMatch(/DELIVERY_CONCURRENCY: "mil" no es un número entero de 1 a 64 — use p\. ej\. 4/);
    expect(said).toMatch(/HIK_APP_KEY: no está definida — use la clave de la aplicación asociada/);
    expect(said).toMatch(/archivo de configuración hik2humand\.yaml: timeClocks\.0\.direction: direction debe ser in o out/);
    expect(said).toMatch(/archivo de configuración hik2humand\.yaml: timeClocks\.0: Llave desconocida: "color"/);
    expect(said).toMatch(/WEBHOOK_TOKEN no es válida: debe tener al menos 16 caracteres/);
    expect(said).toMatch(/DASHBOARD_PASSWORD no es válida: debe tener al menos 8 caracteres/);
    expect(said).toMatch(/HR_SUMMARY_HOUR está definida pero no hay adónde enviar el resumen/);
    expect(said).toMatch(/Corrija las líneas de arriba .* y verifique con: hik2humand doctor/);
    for (const line of said.split('\n').filter((l) => l.startsWith('  - '))) expect(line).not.toMatch(ENGLISH);
  }, 30_000);

  it('a wrong webhook IP allowlist entry says what is wrong with it in Spanish', async () => {
    fs.writeFileSync(path.join(dir, '.env'), 'HIK2HUMAND_LANG=es\nWEBHOOK_PORT=8089\nWEBHOOK_TOKEN=0123456789abcdef0123\nWEBHOOK_ALLOWED_IPS=10.0.0.300\n');
    const result = await runCli(['status'], { cwd: dir, env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /la entrada "10\.0\.0\.300" de la lista de IP permitidas del webhook no es válida: no es una dirección IP — Enumere direcciones/,
    );
  }, 30_000);

  it('a YAML typo reads in Spanish with the line as written and the likely cause; a bad option too', async () => {
    fs.writeFileSync(path.join(dir, '.env'), 'HIK2HUMAND_LANG=es\n');
    fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), 'timeClocks:\n\t- reader: Facial Entrada\n');
    const yaml = await runCli(['status'], { cwd: dir, env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(
      /CONFIG_FILE: .*hik2humand\.yaml no es YAML válido: .* — la línea 2 dice: "\\t- reader: Facial Entrada" — probablemente: sangre con espacios, no con tabulaciones/,
    );

    fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), 'timeClocks:\n  - reader: Facial Entrada\n    direction: in\n');
    const noLedger = await runCli(['punches'], { cwd: dir, env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(noLedger.code).toBe(2);
    expect(noLedger.stderr).toMatch(/^hik2humand: no hay un registro en .*demo\.db\n {2}qué hacer: Aquí todavía no se ejecutó nada/);

    const option = await runCli(['reprocess', '--from', 'mañana'], { cwd: dir, env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/la configuración tiene un problema[\s\S]*--from: "mañana" no es una fecha — use p\. ej\. --from 27\/01\/2026/);
  }, 30_000);
});
