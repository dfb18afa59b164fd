import type { ExitCode } from './exit-codes.js';

/**
 * A command that has already said what is wrong and only needs the process to end with
 * `exitCode` (e.g. `sync` found punches that need a person).
 */
export class CliExit extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message = `exit ${exitCode}`,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}
