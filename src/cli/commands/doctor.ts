import type { Command } from 'commander';
import { helpAfter } from '../help/localize-help.js';
import { CliExit } from '../cli-error.js';
import { commandLogger, settingsOf } from '../context.js';
import { formatDoctor } from '../doctor/format.js';
import { DOCTOR_EN, doctorWords } from '../doctor/doctor-words.js';
import { doctorReport, runDoctor } from '../doctor/run-doctor.js';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIo } from '../io.js';
import { ConfigProblems } from '../settings.js';
import { DEFAULT_SCAN_DAYS } from '../doctor/site-rules-doctor.js';
import { ConfigurationError } from '../../domain/errors.js';

function scanDaysOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SCAN_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 31)
    throw new ConfigurationError(`--days "${value}": a whole number of days from 1 to 31`, { code: 'DOCTOR_DAYS', hint: 'e.g. hik2humand doctor --days 7' });
  return days;
}

export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description('check the configuration, HikCentral (TLS, signature, clock), Humand (key, permission) and the mapping, and say what to fix')
    .option('--json', 'print the checks as JSON')
    .option('--days <n>', `days of HikCentral door events to check the time clocks against (default ${DEFAULT_SCAN_DAYS})`)
    .addHelpText('after', helpAfter('\nExit codes: 0 all passed (warnings allowed), 2 configuration invalid or missing, 6 a check failed.'))
    .action(async (options: { json?: boolean; days?: string }, command: Command) => {
      let report;
      let words = DOCTOR_EN;
      try {
        const settings = settingsOf(command);
        words = doctorWords(settings.language);
        // Its findings are the output: log only what doctor itself cannot report.
        report = await runDoctor(settings, commandLogger(settings, 'error'), { scanDays: scanDaysOf(options.days) });
      } catch (error) {
        // Text mode prints the usual configuration block; --json still gets JSON.
        if (!(error instanceof ConfigProblems) || !options.json) throw error;
        report = doctorReport([{ name: 'configuration', status: 'fail', message: error.problems.join('; '), fix: error.hint ?? null }], true);
      }
      if (options.json) printJson(io, report);
      else io.out(formatDoctor(report, words).join('\n'));
      if (report.exitCode !== EXIT.ok) throw new CliExit(report.exitCode);
    });
}
