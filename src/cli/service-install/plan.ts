import path from 'node:path';
import { SERVICE_EN, type ServiceWords } from './service-words.js';
import { systemdUnit } from './systemd-unit.js';
import { winJoin, winswConfig } from './winsw-config.js';

/** One thing `service install|uninstall` does; `--dry-run` prints them instead. */
export type Step =
  | { readonly kind: 'run'; readonly why: string; readonly command: string; readonly args: readonly string[]; readonly allowFailure?: boolean }
  | { readonly kind: 'write'; readonly why: string; readonly file: string; readonly text: string; readonly mode: number }
  | { readonly kind: 'mkdir'; readonly why: string; readonly dir: string }
  | { readonly kind: 'note'; readonly text: string };

export interface ServiceOptions {
  readonly platform: 'systemd' | 'windows';
  readonly name: string;
  /** The site folder (absolute). */
  readonly dir: string;
  /** The ledger folder (absolute), the only place the service writes. */
  readonly dataDir: string;
  /** Linux: the system user the service runs as. */
  readonly user: string;
  /** Windows: the account the service runs as. */
  readonly account: string;
  readonly node: string;
  readonly bin: string;
  /** Linux: where unit files go. */
  readonly unitDir: string;
}

/** What the plan needs to know about the machine (read-only checks). */
export interface MachineProbe {
  userExists(user: string): boolean;
  exists(file: string): boolean;
}

export function unitFile(options: ServiceOptions): string {
  return path.posix.join(options.unitDir, `${options.name}.service`);
}

/** WinSW looks for its XML beside itself under the same base name. */
export function winswFiles(options: ServiceOptions): { readonly exe: string; readonly xml: string } {
  const base = winJoin(options.dir, `${options.name}-service`);
  return { exe: `${base}.exe`, xml: `${base}.xml` };
}

export function serviceConfigText(options: ServiceOptions): string {
  return options.platform === 'systemd'
    ? systemdUnit({
        name: options.name,
        workingDirectory: options.dir,
        writablePaths: [options.dataDir],
        user: options.user,
        node: options.node,
        bin: options.bin,
      })
    : winswConfig({ name: options.name, workingDirectory: options.dir, node: options.node, bin: options.bin, account: options.account });
}

export function installPlan(options: ServiceOptions, probe: MachineProbe, w: ServiceWords = SERVICE_EN): Step[] {
  return options.platform === 'systemd' ? systemdInstall(options, probe, w) : windowsInstall(options, probe, w);
}

export function uninstallPlan(options: ServiceOptions, probe: MachineProbe, w: ServiceWords = SERVICE_EN): Step[] {
  if (options.platform === 'systemd') {
    return [
      { kind: 'run', why: w.disable, command: 'systemctl', args: ['disable', '--now', options.name], allowFailure: true },
      { kind: 'run', why: w.removeUnit, command: 'rm', args: ['-f', unitFile(options)] },
      { kind: 'run', why: w.forget, command: 'systemctl', args: ['daemon-reload'] },
      { kind: 'note', text: w.keptLinux(options.user, options.dir, options.dataDir) },
    ];
  }
  const { exe } = winswFiles(options);
  if (!probe.exists(exe)) return [{ kind: 'note', text: w.notThere(exe) }];
  return [
    { kind: 'run', why: w.stop, command: exe, args: ['stop'], allowFailure: true },
    { kind: 'run', why: w.remove, command: exe, args: ['uninstall'] },
    { kind: 'note', text: w.keptWindows(options.dir, options.dataDir) },
  ];
}

function systemdInstall(options: ServiceOptions, probe: MachineProbe, w: ServiceWords): Step[] {
  const steps: Step[] = [];
  if (/^\/(home|root)(\/|$)/.test(options.node)) steps.push({ kind: 'note', text: w.nodeInHome(options.node) });
  if (!probe.userExists(options.user)) {
    steps.push({
      kind: 'run',
      why: w.createUser(options.user),
      command: 'useradd',
      args: ['--system', '--home-dir', options.dir, '--no-create-home', '--shell', '/usr/sbin/nologin', options.user],
    });
  }
  steps.push(
    { kind: 'mkdir', why: w.ledgerFolder, dir: options.dataDir },
    { kind: 'run', why: w.onlyUserWrites(options.user), command: 'chown', args: ['-R', `${options.user}:${options.user}`, options.dataDir] },
  );
  const env = path.posix.join(options.dir, '.env');
  if (probe.exists(env)) {
    steps.push(
      { kind: 'run', why: w.envSecretsLinux(options.user), command: 'chgrp', args: [options.user, env] },
      { kind: 'run', why: w.envMode, command: 'chmod', args: ['640', env] },
    );
  } else {
    steps.push({ kind: 'note', text: w.noEnvYet(env, options.dir) });
  }
  steps.push(
    { kind: 'write', why: w.unit, file: unitFile(options), text: serviceConfigText(options), mode: 0o644 },
    { kind: 'run', why: w.reload, command: 'systemctl', args: ['daemon-reload'] },
    { kind: 'run', why: w.enable, command: 'systemctl', args: ['enable', '--now', options.name] },
    { kind: 'note', text: w.thenLinux(options.name) },
  );
  return steps;
}

function windowsInstall(options: ServiceOptions, probe: MachineProbe, w: ServiceWords): Step[] {
  const { exe, xml } = winswFiles(options);
  const logs = winJoin(options.dir, 'logs');
  const steps: Step[] = [
    { kind: 'mkdir', why: w.ledgerFolder, dir: options.dataDir },
    { kind: 'mkdir', why: w.logFolder, dir: logs },
    { kind: 'write', why: w.winswConfig, file: xml, text: serviceConfigText(options), mode: 0o644 },
  ];
  if (!probe.exists(exe)) {
    steps.push({ kind: 'note', text: w.winswMissing(exe, xml) });
    return steps;
  }
  const env = winJoin(options.dir, '.env');
  steps.push(
    { kind: 'run', why: w.mayWriteLedger(options.account), command: 'icacls', args: [options.dataDir, '/grant', `${options.account}:(OI)(CI)M`] },
    { kind: 'run', why: w.mayWriteLogs(options.account), command: 'icacls', args: [logs, '/grant', `${options.account}:(OI)(CI)M`] },
  );
  if (probe.exists(env)) {
    steps.push({
      kind: 'run',
      why: w.envSecretsWindows(options.account),
      command: 'icacls',
      args: [env, '/inheritance:r', '/grant:r', 'BUILTIN\\Administrators:F', `${options.account}:R`],
    });
  }
  steps.push(
    { kind: 'run', why: w.register, command: exe, args: ['install'] },
    { kind: 'run', why: w.start, command: exe, args: ['start'] },
    { kind: 'note', text: w.thenWindows(logs) },
  );
  return steps;
}
