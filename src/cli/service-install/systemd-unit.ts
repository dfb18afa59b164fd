import path from 'node:path';

export interface SystemdUnitOptions {
  /** Service (and unit file) name, e.g. `hik2humand`. */
  readonly name: string;
  /** The site folder: .env, hik2humand.yaml, the ledger folder. The service runs here. */
  readonly workingDirectory: string;
  /** Folders the service may write (the ledger and its lock); everything else is read-only. */
  readonly writablePaths: readonly string[];
  readonly user: string;
  /** Absolute path of node. */
  readonly node: string;
  /** Absolute path of the package's bin/hik2humand.js. */
  readonly bin: string;
}

/** Quotes a path for an ExecStart= line when it needs it. */
function execArg(value: string): string {
  return /^[\w./+-]+$/.test(value) ? value : `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * The systemd unit of `hik2humand run`: its own system user, a read-only view of the system
 * with only the ledger folder writable, no privileges, restart on failure but not on a
 * configuration error (exit 2 needs a person; restarting would only fill the journal).
 */
export function systemdUnit(options: SystemdUnitOptions): string {
  const underHome = /^\/(home|root)(\/|$)/.test(path.posix.normalize(options.workingDirectory));
  return `# ${options.name}.service — written by \`hik2humand service install\`; re-run it to change this file.
# Logs: journalctl -u ${options.name} -f    Settings: ${options.workingDirectory}/.env and hik2humand.yaml
[Unit]
Description=hik2humand (HikCentral access events to Humand time tracking)
Documentation=man:systemd.exec(5)
After=network-online.target
Wants=network-online.target
# Give up after 10 failed starts in 10 minutes (systemctl status says why) instead of looping forever.
StartLimitIntervalSec=600
StartLimitBurst=10

[Service]
Type=simple
User=${options.user}
Group=${options.user}
WorkingDirectory=${options.workingDirectory}
ExecStart=${execArg(options.node)} ${execArg(options.bin)} run
Environment=NODE_ENV=production LOG_FORMAT=json
Restart=on-failure
RestartSec=10
# Exit 2 is a configuration error: fix .env / hik2humand.yaml (hik2humand doctor), then start again.
RestartPreventExitStatus=2
# SIGTERM is a graceful stop: deliveries in flight get their answer first.
KillSignal=SIGTERM
TimeoutStopSec=30

# Hardening: nothing but the ledger folder is writable, no privileges, no devices.
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths=${options.writablePaths.join(' ')}
ProtectHome=${underHome ? 'read-only' : 'yes'}
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
SystemCallArchitectures=native
CapabilityBoundingSet=
UMask=0077

[Install]
WantedBy=multi-user.target
`;
}
