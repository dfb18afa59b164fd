import type { CliLanguage } from '../i18n/language.js';
import { pluralOf } from '../../domain/plural.js';
import { SITE_RULES_EN, SITE_RULES_ES, type SiteRuleWords } from './site-rule-words.js';
import { TERMINAL_EN, TERMINAL_ES, type TerminalWords } from './terminal-words.js';

/**
 * Everything `doctor` says, in English and Spanish: the check names, what was found and the
 * `fix:` lines. Messages that quote HikCentral, Humand or the operating system keep their words.
 */
export interface DoctorWords {
  readonly title: string;
  readonly fix: string;
  readonly name: {
    readonly configuration: string;
    readonly ledger: string;
    readonly clockSkew: string;
    readonly mapping: string;
    readonly push: string;
    readonly timeClocks: string;
    readonly passages: string;
    readonly clockMapping: string;
    timeClock(clock: string): string;
  };
  failed(failed: number, warned: number): string;
  passedWithWarnings(warned: number): string;
  readonly allPassed: string;
  readonly noCredentials: string;
  readonly noCredentialsFix: string;

  liveSite(dryRun: boolean): string;
  configFile(file: string, clocks: number, strategy: string): string;
  settingsFrom(envFile: string | null): string;
  siteZone(zone: string): string;
  readonly insecureFix: string;

  ledgerWrites(ledger: string): string;
  ledgerNotWritable(ledger: string, error: string): string;
  readonly ledgerNotWritableFix: string;
  ledgerNotOpened(ledger: string, error: string): string;
  readonly ledgerNotOpenedFix: string;

  hikOk(url: string, ms: number): string;
  tlsUntrusted(message: string): string;
  tlsWrongCa(caPath: string, host: string): string;
  tlsNoCa(host: string): string;
  readonly hostnameFix: string;
  refusedFix(host: string): string;
  signatureWrong(message: string): string;
  readonly signatureFix: string;
  appKeyUnknown(message: string): string;
  readonly appKeyFix: string;
  readonly hikDefaultFix: string;
  readonly hikUnreachable: string;

  readonly noDateHeader: string;
  clockWithin(seconds: number): string;
  clockOff(size: string): string;
  clockTooFar(size: string, tolerance: string): string;
  skewSize(duration: string, ahead: boolean): string;
  readonly ntpFix: string;

  humandOk(url: string, ms: number, budget: string): string;
  humandBudget(remaining: string, limit: number): string;
  readonly humandUnauthorisedFix: string;
  readonly humandForbiddenFix: string;
  readonly humandDefaultFix: string;

  mappingSummary(mapped: number, persons: number, active: number, strategy: string): string;
  firstUnmapped(who: string, reason: string): string;
  readonly noPersons: string;
  readonly noPersonsFix: string;
  readonly noneMapsFix: string;
  readonly someUnmappedFix: string;
  readonly mappingSkipped: string;
  fromService(command: string, pid: number): string;

  pushNoUrl(where: string): string;
  readonly pushNoUrlFix: string;
  pushOk(url: string): string;
  pushMissing(count: number, url: string, examples: string): string;
  readonly pushMissingFix: string;
  pushUnreadable(error: string): string;

  readonly site: SiteRuleWords;
  /** The terminals read over ISAPI. */
  readonly terminal: TerminalWords;
}

const plural = pluralOf('en');
const es = pluralOf('es');

export const DOCTOR_EN: DoctorWords = {
  title: 'hik2humand doctor',
  fix: 'fix',
  name: {
    configuration: 'configuration',
    ledger: 'ledger',
    clockSkew: 'clock skew',
    mapping: 'mapping',
    push: 'push',
    timeClocks: 'time clocks',
    passages: 'passages',
    clockMapping: 'mapping at time clocks',
    timeClock: (clock) => `time clock ${clock}`,
  },
  failed: (failed, warned) =>
    `${failed} ${plural(failed, 'check', 'checks')} failed${warned ? `, ${warned} ${plural(warned, 'warning', 'warnings')}` : ''}. Do what the "fix:" lines say, then run \`hik2humand doctor\` again.`,
  passedWithWarnings: (warned) => `All checks passed with ${warned} ${plural(warned, 'warning', 'warnings')}.`,
  allPassed: 'All checks passed.',
  noCredentials: 'no credentials configured: HIKVISION_HOST, HIK_APP_KEY, HIK_SECRET and HUMAND_AUTH are not set (only the demo can run)',
  noCredentialsFix:
    'Copy .env.example to .env, fill in the HikCentral and Humand settings and the config file (see README, "Going live"), then run doctor again.',

  liveSite: (dryRun) => (dryRun ? 'live site, DRY RUN (nothing is sent)' : 'live site'),
  configFile: (file, clocks, strategy) => `config file ${file}: ${clocks} ${plural(clocks, 'time clock', 'time clocks')}, mapping by ${strategy}`,
  settingsFrom: (envFile) => `settings from the environment${envFile ? ` and ${envFile}` : ''}`,
  siteZone: (zone) => `site time zone ${zone}`,
  insecureFix: "Verify HikCentral's certificate: set HIK_CA_CERT to its PEM and remove HIK_TLS_INSECURE.",

  ledgerWrites: (ledger) => `${ledger} accepts writes`,
  ledgerNotWritable: (ledger, error) => `${ledger} cannot be written: ${error}`,
  ledgerNotWritableFix: 'Point DATABASE_PATH at a writable location with free space (the service account must own the folder).',
  ledgerNotOpened: (ledger, error) => `${ledger} cannot be opened: ${error}`,
  ledgerNotOpenedFix:
    'Point DATABASE_PATH at a writable location (the service account must own the folder), or check DATABASE_URL and that PostgreSQL accepts the connection.',

  hikOk: (url, ms) => `${url} answered a signed request in ${ms} ms (HIK_APP_KEY and HIK_SECRET accepted)`,
  tlsUntrusted: (message) => `${message}: this machine does not trust the certificate HikCentral presents`,
  tlsWrongCa: (caPath, host) =>
    `HIK_CA_CERT (${caPath}) does not hold the CA that issued HikCentral's certificate: export the right one (e.g. openssl s_client -showcerts -connect ${host} </dev/null) and point HIK_CA_CERT at it.`,
  tlsNoCa: (host) =>
    `Set HIK_CA_CERT to a PEM file with HikCentral's CA (or its self-signed certificate). Export it with: openssl s_client -showcerts -connect ${host} </dev/null. (HIK_TLS_INSECURE=true skips the check: for a first test only.)`,
  hostnameFix: 'Use in HIKVISION_HOST the name or IP the certificate was issued for.',
  refusedFix: (host) => `Nothing accepts connections at ${host}: check HIKVISION_HOST (host and port, usually 443) and that HikCentral's OpenAPI gateway runs.`,
  signatureWrong: (message) => `${message} — the app key is known but the signature is wrong`,
  signatureFix: 'HIK_SECRET is wrong: copy the partner secret that belongs to HIK_APP_KEY (HikCentral, System > Open API) exactly, without quotes or spaces.',
  appKeyUnknown: (message) => `${message} — the platform does not know this app key`,
  appKeyFix: 'HIK_APP_KEY is wrong: copy the partner app key from HikCentral (System > Open API), then its secret into HIK_SECRET.',
  hikDefaultFix: 'Check HIKVISION_HOST and the network path to it.',
  hikUnreachable: 'HikCentral not reachable',

  noDateHeader: 'HikCentral sent no Date header to compare with',
  clockWithin: (seconds) => `HikCentral's clock is within ${seconds} s of this machine's`,
  clockOff: (size) => `HikCentral's clock is ${size}`,
  clockTooFar: (size, tolerance) =>
    `HikCentral's clock is ${size}: more than the ${tolerance} future tolerance, so fresh punches would be held or signed requests refused`,
  skewSize: (duration, ahead) => `${duration} ${ahead ? 'ahead of' : 'behind'} this machine`,
  ntpFix: "Synchronise both clocks with NTP (this machine: timedatectl set-ntp true, or Windows Time service; HikCentral's server the same way).",

  humandOk: (url, ms, budget) => `${url} accepted HUMAND_AUTH (${ms} ms)${budget}`,
  humandBudget: (remaining, limit) => `; rate budget ${remaining} of ${limit}`,
  humandUnauthorisedFix: 'HUMAND_AUTH is wrong, revoked or for another community: paste the API key exactly as Humand issued it (with or without "Basic ").',
  humandForbiddenFix:
    "The key works but may not do this: ask Humand to grant the time-tracking permission (and users read) to the key's user, and check the key's IP allowlist includes this machine's public IP.",
  humandDefaultFix: 'Check HUMAND_BASE_URL and the network path to it.',

  mappingSummary: (mapped, persons, active, strategy) =>
    `${mapped} of ${persons} HikCentral ${plural(persons, 'person', 'persons')} ${plural(mapped, 'maps', 'map')} to an ACTIVE Humand user (${active} active ${plural(active, 'user', 'users')}; mapping by ${strategy})`,
  firstUnmapped: (who, reason) => `; first unmapped: ${who} — ${reason}`,
  noPersons: 'HikCentral lists no persons',
  noPersonsFix: 'Check that HIK_USER_ID (if set) may see the persons, or that persons exist in HikCentral.',
  noneMapsFix:
    'No person maps: check mapping.strategy in the config file (personCode, cardNo, customField or csv) against how Humand stores employeeInternalId (see docs/configuration.md).',
  someUnmappedFix:
    "Persons without a user are not sent (visitors and contractors are normal). For employees: give them a Humand user with that employeeInternalId, or fix their HikCentral record. The dashboard's Mapping page lists them all.",
  mappingSkipped: 'needs both HikCentral and Humand to answer',
  fromService: (command, pid) => ` (from the caches of the running \`${command}\`, pid ${pid})`,

  pushNoUrl: (where) => `the receiver listens on ${where} but WEBHOOK_URL is not set, so the subscription is not managed`,
  pushNoUrlFix:
    'Set WEBHOOK_URL to the address HikCentral reaches the receiver at, or subscribe by hand (`hik2humand subscribe --url ...`). Polling still catches everything.',
  pushOk: (url) => `HikCentral pushes every access-granted event type to ${url}`,
  pushMissing: (count, url, examples) =>
    `HikCentral does not push ${count} access-granted event ${plural(count, 'type', 'types')} to ${url} (e.g. ${examples})`,
  pushMissingFix: '`run` subscribes at start; to do it now: hik2humand subscribe. Polling still catches everything.',
  pushUnreadable: (error) => `could not read HikCentral's subscriptions: ${error}`,
  site: SITE_RULES_EN,
  terminal: TERMINAL_EN,
};

export const DOCTOR_ES: DoctorWords = {
  title: 'hik2humand doctor',
  fix: 'qué hacer',
  name: {
    configuration: 'configuración',
    ledger: 'registro',
    clockSkew: 'hora',
    mapping: 'vinculación',
    push: 'push',
    timeClocks: 'relojes',
    passages: 'pasadas',
    clockMapping: 'vinculación en relojes',
    timeClock: (clock) => `reloj ${clock}`,
  },
  failed: (failed, warned) =>
    `${failed} ${es(failed, 'comprobación falló', 'comprobaciones fallaron')}${warned ? `, ${warned} ${es(warned, 'advertencia', 'advertencias')}` : ''}. Haga lo que dicen las líneas "qué hacer:" y vuelva a ejecutar \`hik2humand doctor\`.`,
  passedWithWarnings: (warned) => `Todas las comprobaciones pasaron, con ${warned} ${es(warned, 'advertencia', 'advertencias')}.`,
  allPassed: 'Todas las comprobaciones pasaron.',
  noCredentials: 'no hay credenciales configuradas: HIKVISION_HOST, HIK_APP_KEY, HIK_SECRET y HUMAND_AUTH no están definidas (solo puede funcionar la demo)',
  noCredentialsFix:
    'Copie .env.example a .env, complete los datos de HikCentral y Humand y el archivo de configuración (ver README.es.md, "Puesta en marcha a mano") y vuelva a ejecutar doctor.',

  liveSite: (dryRun) => (dryRun ? 'sitio real, PRUEBA (DRY_RUN: no se envía nada)' : 'sitio real'),
  configFile: (file, clocks, strategy) => `archivo de configuración ${file}: ${clocks} ${es(clocks, 'reloj', 'relojes')}, vinculación por ${strategy}`,
  settingsFrom: (envFile) => `valores del entorno${envFile ? ` y de ${envFile}` : ''}`,
  siteZone: (zone) => `zona horaria del sitio ${zone}`,
  insecureFix: 'Verifique el certificado de HikCentral: ponga en HIK_CA_CERT su archivo PEM y quite HIK_TLS_INSECURE.',

  ledgerWrites: (ledger) => `${ledger} acepta escrituras`,
  ledgerNotWritable: (ledger, error) => `no se puede escribir en ${ledger}: ${error}`,
  ledgerNotWritableFix: 'Apunte DATABASE_PATH a una carpeta con permiso de escritura y espacio libre (la cuenta del servicio debe ser dueña de la carpeta).',
  ledgerNotOpened: (ledger, error) => `no se puede abrir ${ledger}: ${error}`,
  ledgerNotOpenedFix:
    'Apunte DATABASE_PATH a una carpeta con permiso de escritura (la cuenta del servicio debe ser dueña de la carpeta), o revise DATABASE_URL y que PostgreSQL acepte la conexión.',

  hikOk: (url, ms) => `${url} respondió un pedido firmado en ${ms} ms (HIK_APP_KEY y HIK_SECRET aceptados)`,
  tlsUntrusted: (message) => `${message}: esta máquina no confía en el certificado que presenta HikCentral`,
  tlsWrongCa: (caPath, host) =>
    `HIK_CA_CERT (${caPath}) no contiene la CA que emitió el certificado de HikCentral: exporte el correcto (p. ej. openssl s_client -showcerts -connect ${host} </dev/null) y apunte HIK_CA_CERT a ese archivo.`,
  tlsNoCa: (host) =>
    `Ponga en HIK_CA_CERT un archivo PEM con la CA de HikCentral (o su certificado autofirmado). Expórtelo con: openssl s_client -showcerts -connect ${host} </dev/null. (HIK_TLS_INSECURE=true omite la verificación: solo para una primera prueba.)`,
  hostnameFix: 'Use en HIKVISION_HOST el nombre o la IP para los que se emitió el certificado.',
  refusedFix: (host) =>
    `Nada acepta conexiones en ${host}: revise HIKVISION_HOST (host y puerto, normalmente 443) y que el gateway OpenAPI de HikCentral esté funcionando.`,
  signatureWrong: (message) => `${message} — la clave de aplicación existe pero la firma es incorrecta`,
  signatureFix:
    'HIK_SECRET es incorrecto: copie exactamente, sin comillas ni espacios, el secreto de la aplicación asociada a HIK_APP_KEY (HikCentral, Sistema > Open API).',
  appKeyUnknown: (message) => `${message} — la plataforma no conoce esta clave de aplicación`,
  appKeyFix: 'HIK_APP_KEY es incorrecta: copie la clave de la aplicación asociada desde HikCentral (Sistema > Open API) y su secreto en HIK_SECRET.',
  hikDefaultFix: 'Revise HIKVISION_HOST y el camino de red hasta él.',
  hikUnreachable: 'no se puede llegar a HikCentral',

  noDateHeader: 'HikCentral no envió encabezado Date para comparar',
  clockWithin: (seconds) => `la hora de HikCentral está a menos de ${seconds} s de la de esta máquina`,
  clockOff: (size) => `la hora de HikCentral está ${size}`,
  clockTooFar: (size, tolerance) =>
    `la hora de HikCentral está ${size}: más que la tolerancia de ${tolerance}, así que las fichadas nuevas quedarían retenidas o los pedidos firmados serían rechazados`,
  skewSize: (duration, ahead) => `${duration} ${ahead ? 'adelantada respecto de' : 'atrasada respecto de'} esta máquina`,
  ntpFix:
    'Sincronice ambos relojes con NTP (esta máquina: timedatectl set-ntp true, o el servicio Hora de Windows; el servidor de HikCentral de la misma forma).',

  humandOk: (url, ms, budget) => `${url} aceptó HUMAND_AUTH (${ms} ms)${budget}`,
  humandBudget: (remaining, limit) => `; cupo de pedidos ${remaining} de ${limit}`,
  humandUnauthorisedFix:
    'HUMAND_AUTH es incorrecta, fue revocada o es de otra comunidad: pegue la clave de API tal como la emitió Humand (con o sin "Basic ").',
  humandForbiddenFix:
    'La clave funciona pero no tiene permiso para esto: pida a Humand el permiso de control horario (y lectura de usuarios) para el usuario de la clave, y verifique que la lista de IP permitidas de la clave incluya la IP pública de esta máquina.',
  humandDefaultFix: 'Revise HUMAND_BASE_URL y el camino de red hasta él.',

  mappingSummary: (mapped, persons, active, strategy) =>
    `${mapped} de ${persons} ${es(persons, 'persona', 'personas')} de HikCentral ${es(mapped, 'se vincula', 'se vinculan')} con un usuario ACTIVO de Humand (${active} ${es(active, 'usuario activo', 'usuarios activos')}; vinculación por ${strategy})`,
  firstUnmapped: (who, reason) => `; primera sin vincular: ${who} — ${reason}`,
  noPersons: 'HikCentral no lista ninguna persona',
  noPersonsFix: 'Verifique que HIK_USER_ID (si está definido) pueda ver las personas, o que existan personas en HikCentral.',
  noneMapsFix:
    'Ninguna persona se vincula: revise mapping.strategy en el archivo de configuración (personCode, cardNo, customField o csv) frente a cómo guarda Humand el employeeInternalId (ver docs/configuration.md).',
  someUnmappedFix:
    'Las personas sin usuario no se envían (visitas y contratistas es lo normal). Para empleados: deles un usuario de Humand con ese employeeInternalId, o corrija su ficha en HikCentral. La página Cobertura del panel las lista todas.',
  mappingSkipped: 'necesita que respondan HikCentral y Humand',
  fromService: (command, pid) => ` (de las cachés del \`${command}\` en ejecución, pid ${pid})`,

  pushNoUrl: (where) => `el receptor escucha en ${where} pero WEBHOOK_URL no está definida, así que la suscripción no se administra`,
  pushNoUrlFix:
    'Ponga en WEBHOOK_URL la dirección por la que HikCentral llega al receptor, o suscríbase a mano (`hik2humand subscribe --url ...`). La lectura periódica igual recoge todo.',
  pushOk: (url) => `HikCentral envía todos los tipos de evento de acceso permitido a ${url}`,
  pushMissing: (count, url, examples) =>
    `HikCentral no envía ${count} ${es(count, 'tipo', 'tipos')} de evento de acceso permitido a ${url} (p. ej. ${examples})`,
  pushMissingFix: '`run` se suscribe al iniciar; para hacerlo ahora: hik2humand subscribe. La lectura periódica igual recoge todo.',
  pushUnreadable: (error) => `no se pudieron leer las suscripciones de HikCentral: ${error}`,
  site: SITE_RULES_ES,
  terminal: TERMINAL_ES,
};

export function doctorWords(language: CliLanguage): DoctorWords {
  return language === 'es' ? DOCTOR_ES : DOCTOR_EN;
}
