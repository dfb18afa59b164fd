import type { CliLanguage } from '../i18n/language.js';
import { pluralOf } from '../../domain/plural.js';

/** What `service install|uninstall|status` says: each step's why, the notes and the state, in English and Spanish. Commands and paths keep their spelling. */
export interface ServiceWords {
  readonly run: string;
  readonly write: string;
  readonly mkdir: string;
  mode(octal: string): string;
  stepFailed(command: string, why: string, detail: string): string;
  readonly stepFailedHint: string;
  readonly needsRoot: string;
  readonly needsRootHint: string;
  badName(name: string): string;
  readonly badNameHint: string;

  readonly disable: string;
  readonly removeUnit: string;
  readonly forget: string;
  keptLinux(user: string, dir: string, dataDir: string): string;
  notThere(exe: string): string;
  readonly stop: string;
  readonly remove: string;
  keptWindows(dir: string, dataDir: string): string;
  nodeInHome(node: string): string;
  createUser(user: string): string;
  readonly ledgerFolder: string;
  onlyUserWrites(user: string): string;
  envSecretsLinux(user: string): string;
  readonly envMode: string;
  noEnvYet(env: string, dir: string): string;
  readonly unit: string;
  readonly reload: string;
  readonly enable: string;
  thenLinux(name: string): string;
  readonly logFolder: string;
  readonly winswConfig: string;
  winswMissing(exe: string, xml: string): string;
  mayWriteLedger(account: string): string;
  mayWriteLogs(account: string): string;
  envSecretsWindows(account: string): string;
  readonly register: string;
  readonly start: string;
  thenWindows(logs: string): string;

  systemdSilent(raw: string): string;
  readonly notInstalled: string;
  readonly startsAtBoot: string;
  atBoot(state: string): string;
  restarted(times: string): string;
  lastExit(code: string, configuration: boolean): string;
  logs(unit: string): string;
  notInstalledWindows(exe: string): string;
  readonly noSystemctl: string;
  readonly noSystemctlHint: string;
}

const en = pluralOf('en');
const es = pluralOf('es');

export const SERVICE_EN: ServiceWords = {
  run: 'run',
  write: 'write',
  mkdir: 'mkdir',
  mode: (octal) => `mode ${octal}`,
  stepFailed: (command, why, detail) => `\`${command}\` failed (${why}): ${detail}`,
  stepFailedHint: 'Run it from an administrator prompt (Linux: sudo). `--dry-run` lists every step without doing anything.',
  needsRoot: 'installing a systemd service needs root',
  needsRootHint: 'Run it with sudo (e.g. `sudo ./node_modules/.bin/hik2humand service install`); `--dry-run` shows the steps first.',
  badName: (name) => `--name "${name}" is not a service name`,
  badNameHint: 'Letters, digits, dot, dash and underscore, e.g. --name hik2humand-plant2',

  disable: 'stop the service and keep it from starting at boot',
  removeUnit: 'remove the unit file',
  forget: 'make systemd forget it',
  keptLinux: (user, dir, dataDir) => `Kept: the user ${user}, ${dir} with .env, hik2humand.yaml and the ledger in ${dataDir}.`,
  notThere: (exe) => `${exe} is not there: nothing to uninstall (or the wrapper was moved; run its "uninstall" yourself).`,
  stop: 'stop the service',
  remove: 'remove the service',
  keptWindows: (dir, dataDir) => `Kept: ${dir} with .env, hik2humand.yaml, the ledger in ${dataDir} and the logs.`,
  nodeInHome: (node) =>
    `warning: node is ${node}, inside a home folder the service cannot read (ProtectHome). Install Node.js system-wide (e.g. /usr/bin/node) or pass --node.`,
  createUser: (user) => `create the system user ${user} (no login, no home of its own)`,
  ledgerFolder: 'the ledger folder',
  onlyUserWrites: (user) => `only ${user} writes the ledger`,
  envSecretsLinux: (user) => `.env holds the secrets: readable by root and ${user} only`,
  envMode: '.env: owner read-write, group read, nobody else',
  noEnvYet: (env, dir) => `warning: ${env} does not exist yet; run \`hik2humand init\` in ${dir} before starting.`,
  unit: 'the unit',
  reload: 'let systemd read it',
  enable: 'start it now and at every boot',
  thenLinux: (name) => `Then: journalctl -u ${name} -f follows its log; hik2humand service status shows its state.`,
  logFolder: 'the service log folder',
  winswConfig: 'the WinSW configuration',
  winswMissing: (exe, xml) =>
    [
      `WinSW is not at ${exe} yet. Download WinSW-x64.exe (version 2.12 or later) from the WinSW project's releases page,`,
      `save it as ${exe} (beside ${xml}), then run \`hik2humand service install\` again from an administrator prompt.`,
    ].join('\n'),
  mayWriteLedger: (account) => `${account} may write the ledger`,
  mayWriteLogs: (account) => `${account} may write its logs`,
  envSecretsWindows: (account) => `.env holds the secrets: readable by administrators and ${account} only`,
  register: 'register the service',
  start: 'start it',
  thenWindows: (logs) => `Then: its log is in ${logs}; hik2humand service status (or services.msc) shows its state.`,

  systemdSilent: (raw) => `systemd did not answer${raw ? `: ${raw}` : ''}`,
  notInstalled: 'not installed (hik2humand service install)',
  startsAtBoot: 'starts at boot',
  atBoot: (state) => `at boot: ${state}`,
  restarted: (times) => `restarted ${times} ${en(Number(times), 'time', 'times')}`,
  lastExit: (code, configuration) => `last exit code ${code}${configuration ? ' (configuration: run hik2humand doctor)' : ''}`,
  logs: (unit) => `logs: journalctl -u ${unit}`,
  notInstalledWindows: (exe) => `not installed (${exe} not found)`,
  noSystemctl: 'systemctl is not available here',
  noSystemctlHint: "On Windows use --platform windows; in a container, use the container engine's own restart policy (docs/install.md).",
};

export const SERVICE_ES: ServiceWords = {
  run: 'ejecutar',
  write: 'escribir',
  mkdir: 'crear carpeta',
  mode: (octal) => `modo ${octal}`,
  stepFailed: (command, why, detail) => `\`${command}\` falló (${why}): ${detail}`,
  stepFailedHint: 'Ejecútelo desde una consola de administrador (Linux: sudo). `--dry-run` lista todos los pasos sin hacer nada.',
  needsRoot: 'instalar un servicio de systemd requiere root',
  needsRootHint: 'Ejecútelo con sudo (p. ej. `sudo ./node_modules/.bin/hik2humand service install`); `--dry-run` muestra antes los pasos.',
  badName: (name) => `--name "${name}" no es un nombre de servicio`,
  badNameHint: 'Letras, dígitos, punto, guion y guion bajo, p. ej. --name hik2humand-planta2',

  disable: 'detener el servicio y evitar que arranque con el equipo',
  removeUnit: 'borrar el archivo de la unidad',
  forget: 'que systemd lo olvide',
  keptLinux: (user, dir, dataDir) => `Se conservan: el usuario ${user}, ${dir} con .env, hik2humand.yaml y el registro en ${dataDir}.`,
  notThere: (exe) => `${exe} no está: no hay nada que desinstalar (o se movió el programa envoltorio; ejecute usted su "uninstall").`,
  stop: 'detener el servicio',
  remove: 'quitar el servicio',
  keptWindows: (dir, dataDir) => `Se conservan: ${dir} con .env, hik2humand.yaml, el registro en ${dataDir} y los logs.`,
  nodeInHome: (node) =>
    `advertencia: node es ${node}, dentro de una carpeta personal que el servicio no puede leer (ProtectHome). Instale Node.js para todo el sistema (p. ej. /usr/bin/node) o use --node.`,
  createUser: (user) => `crear el usuario de sistema ${user} (sin inicio de sesión ni carpeta personal propia)`,
  ledgerFolder: 'la carpeta del registro',
  onlyUserWrites: (user) => `solo ${user} escribe el registro`,
  envSecretsLinux: (user) => `.env tiene los secretos: solo root y ${user} pueden leerlo`,
  envMode: '.env: el dueño lee y escribe, el grupo lee, nadie más',
  noEnvYet: (env, dir) => `advertencia: ${env} todavía no existe; ejecute \`hik2humand init\` en ${dir} antes de arrancar.`,
  unit: 'la unidad',
  reload: 'que systemd la lea',
  enable: 'arrancarlo ahora y cada vez que arranque el equipo',
  thenLinux: (name) => `Después: journalctl -u ${name} -f sigue su log; hik2humand service status muestra su estado.`,
  logFolder: 'la carpeta de logs del servicio',
  winswConfig: 'la configuración de WinSW',
  winswMissing: (exe, xml) =>
    [
      `WinSW todavía no está en ${exe}. Descargue WinSW-x64.exe (versión 2.12 o posterior) de la página de versiones del proyecto WinSW,`,
      `guárdelo como ${exe} (junto a ${xml}) y vuelva a ejecutar \`hik2humand service install\` desde una consola de administrador.`,
    ].join('\n'),
  mayWriteLedger: (account) => `${account} puede escribir el registro`,
  mayWriteLogs: (account) => `${account} puede escribir sus logs`,
  envSecretsWindows: (account) => `.env tiene los secretos: solo los administradores y ${account} pueden leerlo`,
  register: 'registrar el servicio',
  start: 'arrancarlo',
  thenWindows: (logs) => `Después: su log está en ${logs}; hik2humand service status (o services.msc) muestra su estado.`,

  systemdSilent: (raw) => `systemd no respondió${raw ? `: ${raw}` : ''}`,
  notInstalled: 'no instalado (hik2humand service install)',
  startsAtBoot: 'arranca con el equipo',
  atBoot: (state) => `al arrancar el equipo: ${state}`,
  restarted: (times) => `reiniciado ${times} ${es(Number(times), 'vez', 'veces')}`,
  lastExit: (code, configuration) => `último código de salida ${code}${configuration ? ' (configuración: ejecute hik2humand doctor)' : ''}`,
  logs: (unit) => `logs: journalctl -u ${unit}`,
  notInstalledWindows: (exe) => `no instalado (no se encontró ${exe})`,
  noSystemctl: 'systemctl no está disponible aquí',
  noSystemctlHint: 'En Windows use --platform windows; en un contenedor, use la política de reinicio del propio motor de contenedores (docs/install.md).',
};

export function serviceWords(language: CliLanguage): ServiceWords {
  return language === 'es' ? SERVICE_ES : SERVICE_EN;
}
