import type { Command } from 'commander';
import { CliExit } from '../cli-error.js';
import { commandLogger, settingsOf } from '../context.js';
import { formatDoctor } from '../doctor/format.js';
import { doctorReport, runDoctor } from '../doctor/run-doctor.js';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIo } from '../io.js';
import { ConfigProblems } from '../settings.js';

export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description('check the configuration, HikCentral (TLS, signature, clock), Humand (key, permission) and the mapping, and say what to fix')
    .option('--json', 'print the checks as JSON')
    .addHelpText('after', '\nExit codes: 0 all passed (warnings allowed), 2 configuration invalid or missing, 6 a check failed.')
    .action(async (options: { json?: boolean }, command: Command) => {
      let report;
      try {
        const settings = settingsOf(command);
        // Its findings are the output: log only what doctor itself cannot report.
        report = await runDoctor(settings, commandLogger(settings, 'error'));
      } catch (error) {
        // Text mode prints the usual configuration block; --json still gets JSON.
        if (!(error instanceof ConfigProblems) || !options.json) throw error;
        report = doctorReport([{ name: 'configuration', status: 'fail', message: error.problems.join('; '), fix: error.hint ?? null }], true);
      }
      if (options.json) printJson(io, report);
      else io.out(formatDoctor(report).join('\n'));
      if (report.exitCode !== EXIT.ok) throw new CliExit(report.exitCode);
    });
}
