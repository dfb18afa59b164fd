import os from 'node:os';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { HELP_ES } from '../../src/cli/help/help-es.js';
import { buildProgram } from '../../src/cli/program.js';
import { runCli } from './support/cli-process.js';

const silent = { out: () => undefined, err: () => undefined, stdoutIsTty: false };

/** Every description and option description of the command tree, with where it is. */
function texts(command: Command, path = 'hik2humand'): Array<[string, string]> {
  return [
    [path, command.description()],
    ...command.options.map((option): [string, string] => [`${path} ${option.flags}`, option.description]),
    ...command.commands.flatMap((sub) => texts(sub, `${path} ${sub.name()}`)),
  ];
}

describe('--help in Spanish', () => {
  it('has a Spanish text for every command and option the CLI registers (a new English one fails here until it is translated)', () => {
    const english = texts(buildProgram(silent, 'en'));
    const untranslated = english.filter(([, text]) => text !== '' && HELP_ES[text] === undefined).map(([where, text]) => `${where}: ${text}`);
    expect(untranslated).toEqual([]);
    const spanish = new Map(texts(buildProgram(silent, 'es')));
    for (const [where, text] of english) if (text !== '') expect(spanish.get(where), where).toBe(HELP_ES[text]);
  });

  it('prints the commands, options, headings and exit codes in Spanish under HIK2HUMAND_LANG=es, and in English otherwise', async () => {
    const es = await runCli(['init', '--help'], { cwd: os.tmpdir(), env: { HIK2HUMAND_LANG: 'es' } });
    expect(es.code).toBe(0);
    expect(es.stdout).toMatch(/^Uso: hik2humand init \[options\]/);
    expect(es.stdout).toMatch(/^Opciones:$/m);
    // Commander wraps the descriptions at the terminal's width.
    const flat = es.stdout.replace(/\s+/g, ' ');
    expect(flat).toMatch(/--yes sin preguntas: toma cada respuesta de las opciones/);
    expect(flat).toMatch(/--days <n> días de eventos de puerta a leer para la lista de lectores \(por defecto: "7"\)/);
    expect(flat).toMatch(/-h, --help muestra la ayuda del comando/);
    expect(flat).toMatch(/Códigos de salida: 0 escrito y doctor pasó/);

    const en = await runCli(['init', '--help'], { cwd: os.tmpdir(), env: { HIK2HUMAND_LANG: 'en' } });
    expect(en.stdout).toMatch(/^Usage: hik2humand init \[options\]/);
    expect(en.stdout).toMatch(/Exit codes: 0 written and doctor passed/);
  }, 30_000);
});
