import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSystemctlShow, serviceOptions, summarizeSystemd } from '../../src/cli/commands/service.js';
import { describeStep } from '../../src/cli/service-install/execute.js';
import { installPlan, serviceConfigText, uninstallPlan, type MachineProbe } from '../../src/cli/service-install/plan.js';
import { SERVICE_ES } from '../../src/cli/service-install/service-words.js';
import { runCli } from '../cli/support/cli-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'hik2humand.js');
const systemdAnalyze = spawnSync('which', ['systemd-analyze'], { encoding: 'utf8' }).stdout.trim();

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-service-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const probe = (users: readonly string[], files: readonly string[]): MachineProbe => ({
  userExists: (u) => users.includes(u),
  exists: (f) => files.includes(f),
});

function linuxOptions(extra: Record<string, string> = {}) {
  return serviceOptions({
    platform: 'systemd',
    name: 'hik2humand',
    dir,
    user: 'hik2humand',
    account: 'NT AUTHORITY\\LocalService',
    unitDir: '/etc/systemd/system',
    bin: BIN,
    ...extra,
  });
}

describe('systemd unit', () => {
  it.skipIf(systemdAnalyze === '')(
    `passes systemd-analyze verify without a warning${systemdAnalyze === '' ? ' (skipped: systemd-analyze is not installed here)' : ''}`,
    async () => {
      const printed = await runCli(['service', 'install', '--print', '--platform', 'systemd', '--dir', dir], { cwd: dir });
      expect(printed.code, printed.stderr).toBe(0);
      const unit = path.join(dir, 'hik2humand.service');
      fs.writeFileSync(unit, printed.stdout);
      const verify = spawnSync(systemdAnalyze, ['verify', unit], { encoding: 'utf8' });
      expect(verify.status, verify.stderr).toBe(0);
      // verify exits 0 even for unknown keys and missing executables: any line about our unit is a finding.
      expect(verify.stderr.split('\n').filter((line) => line.includes(unit))).toEqual([]);
    },
  );

  it('is hardened: its own user, read-only system but the ledger folder, no privileges, restarts on failure but not on a configuration error', () => {
    const unit = serviceConfigText(linuxOptions());
    for (const line of [
      'User=hik2humand',
      'Group=hik2humand',
      `WorkingDirectory=${dir}`,
      `ExecStart=${process.execPath} ${BIN} run`,
      'ProtectSystem=strict',
      `ReadWritePaths=${dir}/data`,
      'ProtectHome=yes',
      'NoNewPrivileges=yes',
      'PrivateTmp=yes',
      'CapabilityBoundingSet=',
      'Restart=on-failure',
      'RestartPreventExitStatus=2',
      'TimeoutStopSec=30',
      'WantedBy=multi-user.target',
    ]) {
      expect(unit.split('\n'), line).toContain(line);
    }
    // A site folder under /home stays readable (ProtectHome=yes would hide it from the service).
    const underHome = serviceConfigText(
      serviceOptions({ platform: 'systemd', name: 'x', dir: '/home/it/site', user: 'x', account: '', unitDir: '/etc/systemd/system', bin: BIN }),
    );
    expect(underHome).toContain('ProtectHome=read-only');
  });

  it('install creates the user only when missing, protects .env, writes the unit and enables it; uninstall keeps the data', () => {
    const options = linuxOptions();
    const fresh = installPlan(options, probe([], []))
      .map((step) => describeStep(step))
      .join('\n');
    expect(fresh).toMatch(/^run {3}useradd --system .* hik2humand/m);
    expect(fresh).toMatch(/\.env does not exist yet/);
    expect(fresh).toMatch(/^write \/etc\/systemd\/system\/hik2humand\.service/m);
    expect(fresh).toMatch(/^run {3}systemctl enable --now hik2humand/m);

    const again = installPlan(options, probe(['hik2humand'], [path.join(dir, '.env')]))
      .map((step) => describeStep(step))
      .join('\n');
    expect(again).not.toMatch(/useradd/);
    expect(again).toMatch(new RegExp(`^run {3}chmod 640 ${path.join(dir, '.env')}`, 'm'));
    expect(again).toMatch(new RegExp(`^run {3}chown -R hik2humand:hik2humand ${path.join(dir, 'data')}`, 'm'));

    const removal = uninstallPlan(options, probe([], []))
      .map((step) => describeStep(step))
      .join('\n');
    expect(removal).toMatch(/systemctl disable --now hik2humand/);
    expect(removal).not.toMatch(/rm .*data/);
    expect(removal).toMatch(/Kept: .*ledger/);
  });

  it('`service install` refuses to change the system without root, and --dry-run changes nothing', async () => {
    const asUser = process.getuid?.() !== 0;
    const dry = await runCli(['service', 'install', '--platform', 'systemd', '--dir', dir, '--unit-dir', path.join(dir, 'units'), '--dry-run'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/systemctl enable --now hik2humand/);
    expect(fs.existsSync(path.join(dir, 'units'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
    if (asUser) {
      const refused = await runCli(['service', 'install', '--platform', 'systemd', '--dir', dir], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/needs root/);
    }
  });

  it('speaks Spanish (HIK2HUMAND_LANG=es): every step says why, the notes and the refusal without root; commands keep their spelling', async () => {
    const dry = await runCli(['service', 'install', '--platform', 'systemd', '--dir', dir, '--unit-dir', path.join(dir, 'units'), '--dry-run'], {
      cwd: dir,
      env: { HIK2HUMAND_LANG: 'es' },
    });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^crear carpeta .*\/data {4}# la carpeta del registro$/m);
    expect(dry.stdout).toMatch(/^ejecutar {6}systemctl enable --now hik2humand {4}# arrancarlo ahora y cada vez que arranque el equipo$/m);
    expect(dry.stdout).toMatch(/^escribir {6}.*hik2humand\.service \(modo 644\) {4}# la unidad$/m);
    expect(dry.stdout).toMatch(/^advertencia: .*\.env todavía no existe; ejecute `hik2humand init`/m);
    expect(dry.stdout).toMatch(/^Después: journalctl -u hik2humand -f sigue su log/m);
    expect(dry.stdout).not.toMatch(/# (the|start|let|only)\b/);

    const removal = uninstallPlan(linuxOptions(), probe([], []), SERVICE_ES).map((step) => describeStep(step, SERVICE_ES));
    expect(removal.join('\n')).toMatch(/^ejecutar {6}systemctl disable --now hik2humand {4}# detener el servicio y evitar que arranque con el equipo$/m);
    expect(removal.at(-1)).toMatch(/^Se conservan: el usuario hik2humand, .* y el registro en /);

    const restarted = summarizeSystemd(
      parseSystemctlShow('Id=hik2humand.service\nLoadState=loaded\nActiveState=failed\nSubState=failed\nUnitFileState=enabled\nNRestarts=1\nExecMainStatus=2'),
      '',
      SERVICE_ES,
    );
    expect(restarted.summary).toBe(
      'failed (failed), arranca con el equipo, reiniciado 1 vez, último código de salida 2 (configuración: ejecute hik2humand doctor), logs: journalctl -u hik2humand',
    );
    if (process.getuid?.() !== 0) {
      const refused = await runCli(['service', 'install', '--platform', 'systemd', '--dir', dir], { cwd: dir, env: { HIK2HUMAND_LANG: 'es' } });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/instalar un servicio de systemd requiere root\n {2}qué hacer: Ejecútelo con sudo/);
    }
  });

  it('status reads systemctl show: running, stopped by a configuration error, not installed', () => {
    const running = summarizeSystemd(
      parseSystemctlShow(
        'Id=hik2humand.service\nLoadState=loaded\nActiveState=active\nSubState=running\nMainPID=4242\nUnitFileState=enabled\nNRestarts=0\nExecMainStatus=0',
      ),
    );
    expect(running).toMatchObject({ running: true });
    expect(running.summary).toBe('active (running), pid 4242, starts at boot, logs: journalctl -u hik2humand');
    const failed = summarizeSystemd(
      parseSystemctlShow(
        'Id=hik2humand.service\nLoadState=loaded\nActiveState=failed\nSubState=failed\nMainPID=0\nUnitFileState=enabled\nNRestarts=0\nExecMainStatus=2',
      ),
    );
    expect(failed.running).toBe(false);
    expect(failed.summary).toMatch(/last exit code 2 \(configuration: run hik2humand doctor\)/);
    expect(summarizeSystemd(parseSystemctlShow('Id=x.service\nLoadState=not-found\nActiveState=inactive')).summary).toMatch(/not installed/);
  });
});

describe('Windows service (WinSW)', () => {
  const windows = (extra: Record<string, string> = {}) =>
    serviceOptions({
      platform: 'windows',
      name: 'hik2humand',
      dir: 'C:\\Sites\\R&D <2>',
      user: 'hik2humand',
      account: 'NT AUTHORITY\\LocalService',
      unitDir: '',
      node: 'C:\\Program Files\\nodejs\\node.exe',
      bin: 'C:\\Sites\\R&D <2>\\node_modules\\hik2humand\\bin\\hik2humand.js',
      ...extra,
    });

  it('the XML is well-formed and runs `node hik2humand.js run` in the site folder as LocalService, restarting on failure, with time for a graceful stop', () => {
    const text = serviceConfigText(windows());
    expect(XMLValidator.validate(text)).toBe(true);
    const { service } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as { service: Record<string, unknown> };
    expect(service).toMatchObject({
      id: 'hik2humand',
      executable: 'C:\\Program Files\\nodejs\\node.exe',
      arguments: '"C:\\Sites\\R&D <2>\\node_modules\\hik2humand\\bin\\hik2humand.js" run',
      workingdirectory: 'C:\\Sites\\R&D <2>',
      startmode: 'Automatic',
      serviceaccount: { username: 'NT AUTHORITY\\LocalService' },
      stoptimeout: '30 sec',
      resetfailure: '1 hour',
      logpath: 'C:\\Sites\\R&D <2>\\logs',
    });
    expect((service.onfailure as Array<{ action: string }>).map((f) => f.action)).toEqual(['restart', 'restart', 'restart']);
  });

  it('install writes the XML and says where WinSW goes when it is missing; with it, grants the folders and registers the service', () => {
    const options = windows();
    const exe = 'C:\\Sites\\R&D <2>\\hik2humand-service.exe';
    const without = installPlan(options, probe([], []))
      .map((step) => describeStep(step))
      .join('\n');
    expect(without).toContain('write C:\\Sites\\R&D <2>\\hik2humand-service.xml');
    expect(without).toMatch(/Download WinSW-x64\.exe/);
    expect(without).not.toMatch(/install {4}#/);

    const withWrapper = installPlan(options, probe([], [exe, 'C:\\Sites\\R&D <2>\\.env']))
      .map((step) => describeStep(step))
      .join('\n');
    expect(withWrapper).toMatch(/icacls "C:\\Sites\\R&D <2>\\data" \/grant "NT AUTHORITY\\LocalService:\(OI\)\(CI\)M"/);
    expect(withWrapper).toMatch(/icacls "C:\\Sites\\R&D <2>\\.env" \/inheritance:r/);
    expect(withWrapper).toMatch(/hik2humand-service\.exe" install/);
    expect(withWrapper).toMatch(/hik2humand-service\.exe" start/);
  });

  it('`service install --print --platform windows` prints the same XML from the command line', async () => {
    const printed = await runCli(
      [
        'service',
        'install',
        '--print',
        '--platform',
        'windows',
        '--dir',
        'C:\\hik2humand',
        '--node',
        'C:\\node\\node.exe',
        '--bin',
        'C:\\hik2humand\\node_modules\\hik2humand\\bin\\hik2humand.js',
      ],
      { cwd: dir },
    );
    expect(printed.code, printed.stderr).toBe(0);
    expect(XMLValidator.validate(printed.stdout)).toBe(true);
    expect(printed.stdout).toContain('<workingdirectory>C:\\hik2humand</workingdirectory>');
  });
});
