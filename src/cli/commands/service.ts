import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { ConfigurationError } from '../../domain/errors.js';
import { CliExit } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { printJson, type CliIo } from '../io.js';
import { describeStep, executePlan, machineProbe, readCommand } from '../service-install/execute.js';
import { installPlan, serviceConfigText, uninstallPlan, winswFiles, type ServiceOptions, type Step } from '../service-install/plan.js';

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

export function serviceOptions(flags: ServiceFlags, cwd = process.cwd()): ServiceOptions {
  const platform = flags.platform ?? (process.platform === 'win32' ? 'windows' : 'systemd');
  const absolute = (value: string) => (platform === 'windows' && isWindowsPath(value) ? value : path.resolve(cwd, value));
  const dir = absolute(flags.dir ?? cwd);
  const dataDir =
    flags.dataDir !== undefined ? absolute(flags.dataDir) : platform === 'windows' ? `${dir.replace(/[\\/]+$/, '')}\\data` : path.posix.join(dir, 'data');
  if (!/^[A-Za-z0-9_.@-]+$/.test(flags.name))
    throw new ConfigurationError(`--name "${flags.name}" is not a service name`, {
      code: 'SERVICE_NAME',
      hint: 'Letters, digits, dot, dash and underscore, e.g. --name hik2humand-plant2',
    });
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

function runPlan(steps: readonly Step[], flags: ServiceFlags, options: ServiceOptions, io: CliIo): void {
  if (flags.dryRun) {
    io.out(steps.map(describeStep).join('\n'));
    return;
  }
  if (options.platform === 'systemd' && process.getuid?.() !== 0) {
    throw new ConfigurationError('installing a systemd service needs root', {
      code: 'SERVICE_NOT_ROOT',
      hint: 'Run it with sudo (e.g. `sudo ./node_modules/.bin/hik2humand service install`); `--dry-run` shows the steps first.',
    });
  }
  executePlan(steps, (line) => io.out(line));
}

export function registerServiceCommand(program: Command, io: CliIo): void {
  const service = program
    .command('service')
    .description('install, remove or inspect hik2humand as a system service (systemd on Linux, WinSW on Windows)')
    .addHelpText('after', '\nSteps and the Windows wrapper: docs/install.md');

  withCommonOptions(service.command('install'))
    .description('write the service configuration (a hardened systemd unit, or WinSW XML), register it and start it')
    .option('--print', 'only print the unit / XML')
    .action((flags: ServiceFlags) => {
      const options = serviceOptions(flags);
      if (flags.print) {
        io.out(serviceConfigText(options).trimEnd());
        return;
      }
      runPlan(installPlan(options, machineProbe), flags, options, io);
    });

  withCommonOptions(service.command('uninstall'))
    .description('stop and remove the service; keeps the site folder, the settings and the ledger')
    .action((flags: ServiceFlags) => {
      const options = serviceOptions(flags);
      runPlan(uninstallPlan(options, machineProbe), flags, options, io);
    });

  withCommonOptions(service.command('status'))
    .description('is the service installed, running, enabled; exit 6 when it is not running')
    .option('--json', 'print the state as JSON')
    .action((flags: ServiceFlags) => {
      const options = serviceOptions(flags);
      const state = options.platform === 'systemd' ? systemdState(options.name) : windowsState(options);
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

export function summarizeSystemd(details: Record<string, string>, raw = ''): ServiceState {
  if (details.LoadState === undefined) return { running: false, summary: `systemd did not answer${raw ? `: ${raw}` : ''}`, details };
  if (details.LoadState === 'not-found') return { running: false, summary: 'not installed (hik2humand service install)', details };
  const running = details.ActiveState === 'active';
  const parts = [`${details.ActiveState ?? '?'} (${details.SubState ?? '?'})`];
  if (running && details.MainPID) parts.push(`pid ${details.MainPID}`);
  if (details.UnitFileState) parts.push(details.UnitFileState === 'enabled' ? 'starts at boot' : `at boot: ${details.UnitFileState}`);
  if (details.NRestarts && details.NRestarts !== '0') parts.push(`restarted ${details.NRestarts} time(s)`);
  if (!running && details.ExecMainStatus && details.ExecMainStatus !== '0')
    parts.push(`last exit code ${details.ExecMainStatus}${details.ExecMainStatus === '2' ? ' (configuration: run hik2humand doctor)' : ''}`);
  parts.push(`logs: journalctl -u ${details.Id?.replace(/\.service$/, '') ?? 'hik2humand'}`);
  return { running, summary: parts.join(', '), details };
}

function systemdState(name: string): ServiceState {
  const shown = readCommand('systemctl', ['show', name, '--property=Id,LoadState,ActiveState,SubState,MainPID,UnitFileState,NRestarts,ExecMainStatus']);
  if (shown === null)
    throw new ConfigurationError('systemctl is not available here', {
      code: 'NO_SYSTEMD',
      hint: "On Windows use --platform windows; in a container, use the container engine's own restart policy (docs/install.md).",
    });
  return summarizeSystemd(parseSystemctlShow(shown.output), shown.output);
}

function windowsState(options: ServiceOptions): ServiceState {
  const { exe } = winswFiles(options);
  const shown = machineProbe.exists(exe) ? readCommand(exe, ['status']) : null;
  if (shown === null) return { running: false, summary: `not installed (${exe} not found)`, details: {} };
  const running = /\bactive\b|\bstarted\b|running/i.test(shown.output) && !/inactive|stopped|nonexistent/i.test(shown.output);
  return { running, summary: shown.output, details: { wrapper: exe } };
}
