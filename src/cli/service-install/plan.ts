import path from 'node:path';
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

export function installPlan(options: ServiceOptions, probe: MachineProbe): Step[] {
  return options.platform === 'systemd' ? systemdInstall(options, probe) : windowsInstall(options, probe);
}

export function uninstallPlan(options: ServiceOptions, probe: MachineProbe): Step[] {
  if (options.platform === 'systemd') {
    return [
      {
        kind: 'run',
        why: 'stop the service and keep it from starting at boot',
        command: 'systemctl',
        args: ['disable', '--now', options.name],
        allowFailure: true,
      },
      { kind: 'run', why: 'remove the unit file', command: 'rm', args: ['-f', unitFile(options)] },
      { kind: 'run', why: 'make systemd forget it', command: 'systemctl', args: ['daemon-reload'] },
      { kind: 'note', text: `Kept: the user ${options.user}, ${options.dir} with .env, hik2humand.yaml and the ledger in ${options.dataDir}.` },
    ];
  }
  const { exe } = winswFiles(options);
  if (!probe.exists(exe))
    return [{ kind: 'note', text: `${exe} is not there: nothing to uninstall (or the wrapper was moved; run its "uninstall" yourself).` }];
  return [
    { kind: 'run', why: 'stop the service', command: exe, args: ['stop'], allowFailure: true },
    { kind: 'run', why: 'remove the service', command: exe, args: ['uninstall'] },
    { kind: 'note', text: `Kept: ${options.dir} with .env, hik2humand.yaml, the ledger in ${options.dataDir} and the logs.` },
  ];
}

function systemdInstall(options: ServiceOptions, probe: MachineProbe): Step[] {
  const steps: Step[] = [];
  if (/^\/(home|root)(\/|$)/.test(options.node)) {
    steps.push({
      kind: 'note',
      text: `warning: node is ${options.node}, inside a home folder the service cannot read (ProtectHome). Install Node.js system-wide (e.g. /usr/bin/node) or pass --node.`,
    });
  }
  if (!probe.userExists(options.user)) {
    steps.push({
      kind: 'run',
      why: `create the system user ${options.user} (no login, no home of its own)`,
      command: 'useradd',
      args: ['--system', '--home-dir', options.dir, '--no-create-home', '--shell', '/usr/sbin/nologin', options.user],
    });
  }
  steps.push(
    { kind: 'mkdir', why: 'the ledger folder', dir: options.dataDir },
    { kind: 'run', why: `only ${options.user} writes the ledger`, command: 'chown', args: ['-R', `${options.user}:${options.user}`, options.dataDir] },
  );
  const env = path.posix.join(options.dir, '.env');
  if (probe.exists(env)) {
    steps.push(
      { kind: 'run', why: `.env holds the secrets: readable by root and ${options.user} only`, command: 'chgrp', args: [options.user, env] },
      { kind: 'run', why: '.env: owner read-write, group read, nobody else', command: 'chmod', args: ['640', env] },
    );
  } else {
    steps.push({ kind: 'note', text: `warning: ${env} does not exist yet; run \`hik2humand init\` in ${options.dir} before starting.` });
  }
  steps.push(
    { kind: 'write', why: 'the unit', file: unitFile(options), text: serviceConfigText(options), mode: 0o644 },
    { kind: 'run', why: 'let systemd read it', command: 'systemctl', args: ['daemon-reload'] },
    { kind: 'run', why: 'start it now and at every boot', command: 'systemctl', args: ['enable', '--now', options.name] },
    { kind: 'note', text: `Then: journalctl -u ${options.name} -f follows its log; hik2humand service status shows its state.` },
  );
  return steps;
}

function windowsInstall(options: ServiceOptions, probe: MachineProbe): Step[] {
  const { exe, xml } = winswFiles(options);
  const logs = winJoin(options.dir, 'logs');
  const steps: Step[] = [
    { kind: 'mkdir', why: 'the ledger folder', dir: options.dataDir },
    { kind: 'mkdir', why: 'the service log folder', dir: logs },
    { kind: 'write', why: 'the WinSW configuration', file: xml, text: serviceConfigText(options), mode: 0o644 },
  ];
  if (!probe.exists(exe)) {
    steps.push({
      kind: 'note',
      text: [
        `WinSW is not at ${exe} yet. Download WinSW-x64.exe (version 2.12 or later) from the WinSW project's releases page,`,
        `save it as ${exe} (beside ${xml}), then run \`hik2humand service install\` again from an administrator prompt.`,
      ].join('\n'),
    });
    return steps;
  }
  const env = winJoin(options.dir, '.env');
  steps.push(
    { kind: 'run', why: `${options.account} may write the ledger`, command: 'icacls', args: [options.dataDir, '/grant', `${options.account}:(OI)(CI)M`] },
    { kind: 'run', why: `${options.account} may write its logs`, command: 'icacls', args: [logs, '/grant', `${options.account}:(OI)(CI)M`] },
  );
  if (probe.exists(env)) {
    steps.push({
      kind: 'run',
      why: `.env holds the secrets: readable by administrators and ${options.account} only`,
      command: 'icacls',
      args: [env, '/inheritance:r', '/grant:r', 'BUILTIN\\Administrators:F', `${options.account}:R`],
    });
  }
  steps.push(
    { kind: 'run', why: 'register the service', command: exe, args: ['install'] },
    { kind: 'run', why: 'start it', command: exe, args: ['start'] },
    { kind: 'note', text: `Then: its log is in ${logs}; hik2humand service status (or services.msc) shows its state.` },
  );
  return steps;
}
