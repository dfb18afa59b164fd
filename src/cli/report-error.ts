import { CommanderError } from 'commander';
import { isAppError } from '../domain/errors.js';
import { redactText } from '../logging/redact.js';
import { CliExit } from './cli-error.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { cliLanguage, type CliLanguage } from './i18n/language.js';
import type { CliIo } from './io.js';
import { LedgerBusyError } from './service/ledger-lock.js';
import { ConfigProblems } from './settings.js';

const FRAME = {
  en: {
    headline: (count: number) => `hik2humand: the configuration has ${count === 1 ? 'a problem' : `${count} problems`}; nothing was started.`,
    whereFrom: 'Settings come from the environment, the .env file (or --env-file) and the config file (--config or CONFIG_FILE).',
    thenDoctor: 'Fix the lines above (see docs/configuration.md and .env.example), then check with: hik2humand doctor',
    fix: 'fix',
    unexpected: 'unexpected error — please report it with the log lines around it',
  },
  es: {
    headline: (count: number) => `hik2humand: la configuración tiene ${count === 1 ? 'un problema' : `${count} problemas`}; no se inició nada.`,
    whereFrom: 'La configuración sale del entorno, del archivo .env (o --env-file) y del archivo de configuración (--config o CONFIG_FILE).',
    thenDoctor: 'Corrija las líneas de arriba (vea docs/configuration.md y .env.example) y verifique con: hik2humand doctor',
    fix: 'qué hacer',
    unexpected: 'error inesperado — por favor, infórmelo junto con las líneas del registro de alrededor',
  },
} as const;

/** The one block a person sees for a configuration problem: each setting, what is wrong, an example. */
export function formatConfigProblems(problems: readonly string[], language: CliLanguage = 'en'): string {
  const frame = FRAME[language];
  return [frame.headline(problems.length), '', ...problems.map((problem) => `  - ${problem}`), '', frame.whereFrom, frame.thenDoctor].join('\n');
}

/**
 * Says what went wrong on stderr, without a stack trace unless it is a bug, and returns the
 * exit code. Messages pass through the secret scrubber: an error may quote a request.
 */
export function reportError(error: unknown, io: CliIo, language: CliLanguage = cliLanguage(process.env)): ExitCode {
  const frame = FRAME[language];
  if (error instanceof CliExit) return error.exitCode;
  if (error instanceof CommanderError) {
    // commander has already printed its own message (unknown option, missing argument...).
    return error.exitCode === 0 ? EXIT.ok : EXIT.configuration;
  }
  if (error instanceof ConfigProblems) {
    io.err(redactText(formatConfigProblems(error.problems, error.language ?? language)));
    return EXIT.configuration;
  }
  if (isAppError(error)) {
    const lines = [`hik2humand: ${error.message}`];
    if (error.hint) lines.push(`  ${frame.fix}: ${error.hint}`);
    io.err(redactText(lines.join('\n')));
    if (error instanceof LedgerBusyError) return EXIT.ledgerBusy;
    return error.category === 'configuration' ? EXIT.configuration : EXIT.unexpected;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(redactText(`hik2humand: ${frame.unexpected}\n${detail}`));
  return EXIT.unexpected;
}
