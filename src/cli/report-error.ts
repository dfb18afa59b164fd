import { CommanderError } from 'commander';
import { isAppError } from '../domain/errors.js';
import { redactText } from '../logging/redact.js';
import { CliExit } from './cli-error.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { LedgerBusyError } from './service/ledger-lock.js';
import { ConfigProblems } from './settings.js';

/** The one block a person sees for a configuration problem: each setting, what is wrong, an example. */
export function formatConfigProblems(problems: readonly string[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return [
    `hik2humand: the configuration has ${count}; nothing was started.`,
    '',
    ...problems.map((problem) => `  - ${problem}`),
    '',
    'Settings come from the environment, the .env file (or --env-file) and the config file (--config or CONFIG_FILE).',
    'Fix the lines above (see docs/configuration.md and .env.example), then check with: hik2humand doctor',
  ].join('\n');
}

/**
 * Says what went wrong on stderr, without a stack trace unless it is a bug, and returns the
 * exit code. Messages pass through the secret scrubber: an error may quote a request.
 */
export function reportError(error: unknown, io: CliIo): ExitCode {
  if (error instanceof CliExit) return error.exitCode;
  if (error instanceof CommanderError) {
    // commander has already printed its own message (unknown option, missing argument...).
    return error.exitCode === 0 ? EXIT.ok : EXIT.configuration;
  }
  if (error instanceof ConfigProblems) {
    io.err(redactText(formatConfigProblems(error.problems)));
    return EXIT.configuration;
  }
  if (isAppError(error)) {
    const lines = [`hik2humand: ${error.message}`];
    if (error.hint) lines.push(`  fix: ${error.hint}`);
    io.err(redactText(lines.join('\n')));
    if (error instanceof LedgerBusyError) return EXIT.ledgerBusy;
    return error.category === 'configuration' ? EXIT.configuration : EXIT.unexpected;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(redactText(`hik2humand: unexpected error — please report it with the log lines around it\n${detail}`));
  return EXIT.unexpected;
}
