import { Command } from 'commander';
import { helpAfter, localizeHelp } from './help/localize-help.js';
import type { CliLanguage } from './i18n/language.js';
import type { CliIo } from './io.js';
import { registerBackfillCommand } from './commands/backfill.js';
import { registerDeadLettersCommand } from './commands/dead-letters.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerIsapiHostsCommand } from './commands/isapi-hosts.js';
import { registerPunchesCommand } from './commands/punches.js';
import { registerReprocessCommand } from './commands/reprocess.js';
import { registerPushSubscriptionCommands } from './commands/push.js';
import { registerRunCommand } from './commands/run.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerBackupCommand } from './commands/backup.js';
import { registerServiceCommand } from './commands/service.js';
import { registerInitCommand } from './commands/init.js';
import { versionText } from './version.js';

/** The `hik2humand` command line: global options, then one small file per command. */
export function buildProgram(io: CliIo, language: CliLanguage = 'en'): Command {
  const program = new Command('hik2humand')
    .description('HikCentral Professional access events → Humand time-tracking entries, exactly once.')
    .version(versionText(), '-V, --version', 'print the version, the ledger schema it expects and the Node version')
    .option('--config <file>', 'config file (YAML or JSON) with time clocks and mapping; default CONFIG_FILE or ./hik2humand.yaml')
    .option('--env-file <file>', 'read settings from this file (default ./.env when present); the environment wins')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (default LOG_LEVEL; info for run, warn for other commands)')
    .option('-v, --verbose', 'debug logs, with the full details (stack) of every error; same as --log-level debug')
    .showHelpAfterError('(run `hik2humand --help` for the commands and options)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .addHelpText('after', helpAfter('\nWith no credentials configured, `run` starts the demo. Exit codes and examples: docs/cli.md'));

  registerRunCommand(program, io);
  registerSyncCommand(program, io);
  registerBackfillCommand(program, io);
  registerStatusCommand(program, io);
  registerDeadLettersCommand(program, io);
  registerPunchesCommand(program, io);
  registerReprocessCommand(program, io);
  registerDoctorCommand(program, io);
  registerIsapiHostsCommand(program, io);
  registerDemoCommand(program, io);
  registerPushSubscriptionCommands(program, io);
  registerBackupCommand(program, io);
  registerServiceCommand(program, io, language);
  registerInitCommand(program, io);
  // Sub-commands stop at the same handler as the program (no process.exit inside commander).
  for (const command of program.commands) command.exitOverride();
  localizeHelp(program, language);
  return program;
}
