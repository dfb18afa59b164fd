import path from 'node:path';
import { helpAfter } from '../help/localize-help.js';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { ConfigurationError } from '../../domain/errors.js';
import { CliExit } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIo } from '../io.js';
import { describeStep, executePlan, machineProbe, readCommand } from '../service-install/execute.js';
import { installPlan, serviceConfigText, uninstallPlan, winswFiles, type ServiceOptions, type Step } from '../service-install/plan.js';
import { serviceWords, type ServiceWords } from '../service-install/service-words.js';
import type { CliLanguage } from '../i18n/language.js';

interface ServiceFlags {
  platform?: 'systemd' | 'windows';
  name: string;
  dir?: string;
  dataDir?: string;
  user: string;
  account: string;
  node?: string;
  bin?: string;
  unitDir: string;
  dryRun?: boolean;
  print?: boolean;
  json?: boolean;
}

/** The package's own entry point: three levels up from src/cli/commands/ (or dist/cli/commands/). */
const OWN_BIN = fileURLToPath(new URL('../../../bin/hik2humand.js', import.meta.url));

function isWindowsPath(value: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

export function serviceOptions(flags: ServiceFlags, cwd = process.cwd(), w: ServiceWords = serviceWords('en')): ServiceOptions {
  const platform = flags.platform ?? (process.platform === 'win32' ? 'windows' : 'systemd');
  const absolute = (value: string) => (platform === 'windows' && isWindowsPath(value) ? value : path.resolve(cwd, value));
  const dir = absolute(flags.dir ?? cwd);
  const dataDir =
    flags.dataDir !== undefined ? absolute(flags.dataDir) : platform === 'windows' ? `${dir.replace(/[\\/]+$/, '')}\\data` : path.posix.join(dir, 'data');
  if (!/^[A-Za-z0-9_.@-]+$/.test(flags.name)) throw new ConfigurationError(w.badName(flags.name), { code: 'SERVICE_NAME', hint: w.badNameHint });
  return {
    platform,
    name: flags.name,
    dir,
    dataDir,
    user: flags.user,
    account: flags.account,
    node: flags.node ?? process.execPath,
    bin: flags.bin ?? OWN_BIN,
    unitDir: flags.unitDir,
  };
}

function withCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('--platform <platform>', 'systemd or windows (default: this machine)').choices(['systemd', 'windows']))
    .option('--name <name>', 'service name; one per site folder', 'hik2humand')
    .option('--dir <folder>', 'the site folder holding .env and hik2humand.yaml (default: the current folder)')
    .option('--data-dir <folder>', 'the ledger folder, the only place the service may write (default: <dir>/data)')
    .option('--user <user>', 'Linux: the system user to run as (created when missing)', 'hik2humand')
    .option('--account <account>', 'Windows: the account to run as', 'NT AUTHORITY\\LocalService')
    .option('--node <path>', 'node executable (default: the one running this command)')
    .option('--bin <path>', "hik2humand.js to run (default: this package's)")
    .option('--unit-dir <folder>', 'Linux: where the unit file goes', '/etc/systemd/system')
    .option('--dry-run', 'print every step without doing anything');
}

function runPlan(steps: readonly Step[], flags: ServiceFlags, options: ServiceOptions, io: CliIo, w: ServiceWords): void {
  if (flags.dryRun) {
    io.out(steps.map((step) => describeStep(step, w)).join('\n'));
    return;
  }
  if (options.platform === 'systemd' && process.getuid?.() !== 0)
    throw new ConfigurationError(w.needsRoot, { code: 'SERVICE_NOT_ROOT', hint: w.needsRootHint });
  executePlan(steps, (line) => io.out(line), w);
}

export function registerServiceCommand(program: Command, io: CliIo, language: CliLanguage = 'en'): void {
  // No settings are read here: the service may be installed before init wrote its .env.
  const w = serviceWords(language);
  const service = program
    .command('service')
    .description('install, remove or inspect hik2humand as a system service (systemd on Linux, WinSW on Windows)')
    .addHelpText('after', helpAfter('\nSteps and the Windows wrapper: docs/install.md'));

  withCommonOptions(service.command('install'))
    .description('write the service configuration (a hardened systemd unit, or WinSW XML), register it and start it')
    .option('--print', 'only print the unit / XML')
    .action((flags: ServiceFlags) => {
      const options = serviceOptions(flags, process.cwd(), w);
      if (flags.print) {
        io.out(serviceConfigText(options).trimEnd());
        return;
      }
      runPlan(installPlan(options, machineProbe, w), flags, options, io, w);
    });

  withCommonOptions(service.command('uninstall'))
    .description('stop and remove the service; keeps the site folder, the settings and the ledger')
    .action((flags: ServiceFlags) => {
      const options = serviceOptions(flags, process.cwd(), w);
      runPlan(uninstallPlan(options, machineProbe, w), flags, options, io, w);
    });

  withCommonOptions(service.command('status'))
    .description('is the service installed, running, enabled; exit 6 when it is not running')
    .option('--json', 'print the state as JSON')
    .action((flags: ServiceFlags) => {
      const options = serviceOptions(flags, process.cwd(), w);
      const state = options.platform === 'systemd' ? systemdState(options.name, w) : windowsState(options, w);
      if (flags.json) printJson(io, state);
      else io.out(`${options.name}: ${state.summary}`);
      if (!state.running) throw new CliExit(EXIT.doctorFailed);
    });
  for (const command of service.commands) command.exitOverride();
}

interface ServiceState {
  readonly running: boolean;
  readonly summary: string;
  readonly details: Record<string, string>;
}

/** `systemctl show` as key=value lines. */
export function parseSystemctlShow(output: string): Record<string, string> {
  return Object.fromEntries(
    output.split('\n').flatMap((line) => {
      const at = line.indexOf('=');
      return at > 0 ? [[line.slice(0, at), line.slice(at + 1)]] : [];
    }),
  );
}

export function summarizeSystemd(details: Record<string, string>, raw = '', w: ServiceWords = serviceWords('en')): ServiceState {
  if (details.LoadState === undefined) return { running: false, summary: w.systemdSilent(raw), details };
  if (details.LoadState === 'not-found') return { running: false, summary: w.notInstalled, details };
  const running = details.ActiveState === 'active';
  const parts = [`${details.ActiveState ?? '?'} (${details.SubState ?? '?'})`];
  if (running && details.MainPID) parts.push(`pid ${details.MainPID}`);
  if (details.UnitFileState) parts.push(details.UnitFileState === 'enabled' ? w.startsAtBoot : w.atBoot(details.UnitFileState));
  if (details.NRestarts && details.NRestarts !== '0') parts.push(w.restarted(details.NRestarts));
  if (!running && details.ExecMainStatus && details.ExecMainStatus !== '0') parts.push(w.lastExit(details.ExecMainStatus, details.ExecMainStatus === '2'));
  parts.push(w.logs(details.Id?.replace(/\.service$/, '') ?? 'hik2humand'));
  return { running, summary: parts.join(', '), details };
}

function systemdState(name: string, w: ServiceWords): ServiceState {
  const shown = readCommand('systemctl', ['show', name, '--property=Id,LoadState,ActiveState,SubState,MainPID,UnitFileState,NRestarts,ExecMainStatus']);
  if (shown === null) throw new ConfigurationError(w.noSystemctl, { code: 'NO_SYSTEMD', hint: w.noSystemctlHint });
  return summarizeSystemd(parseSystemctlShow(shown.output), shown.output, w);
}

function windowsState(options: ServiceOptions, w: ServiceWords): ServiceState {
  const { exe } = winswFiles(options);
  const shown = machineProbe.exists(exe) ? readCommand(exe, ['status']) : null;
  if (shown === null) return { running: false, summary: w.notInstalledWindows(exe), details: {} };
  const running = /\bactive\b|\bstarted\b|running/i.test(shown.output) && !/inactive|stopped|nonexistent/i.test(shown.output);
  return { running, summary: shown.output, details: { wrapper: exe } };
}
