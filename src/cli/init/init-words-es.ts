import { pluralOf } from '../../domain/plural.js';
import type { InitWords } from './init-words.js';

const plural = pluralOf('es');
const count = (n: number, one: string, other: string) => `${n} ${plural(n, one, other)}`;
const both = (files: readonly string[]) => files.join(' y ');
const DIRECTION = { in: 'entrada', out: 'salida' } as const;

export const INIT_ES: InitWords = {
  fix: 'qué hacer',
  required: 'obligatorio',
  yes: 'Sí',
  no: 'No',
  keysHelp: '↑↓ moverse • ⏎ elegir',
  confirmAsList: true,
  noTerminal: 'init hace preguntas, pero no hay una terminal donde hacerlas',
  noTerminalHint: 'Ejecútelo en una terminal, o sin preguntas con --yes y las respuestas como opciones (hik2humand init --help).',

  notDuration: (flag, value) => `--${flag} "${value}" no es una duración`,
  durationExample: (flag) => `p. ej. --${flag} ${flag === 'days' ? '7' : '1h'}`,
  zonePrompt: 'Zona horaria del sitio (nombre IANA; los eventos de HikCentral sin desfase se leen en ella)',
  zoneOk: (zone, thisMachines) => `✓ Zona horaria del sitio ${zone}${thisMachines ? ' (la de esta máquina)' : ''}.`,
  zoneInvalid: (zone) => `✗ "${zone}" no es una zona horaria IANA (p. ej. America/Argentina/Buenos_Aires, America/Mexico_City, Europe/Madrid).`,
  zoneFlagInvalid: (zone) => `--timezone "${zone}" no es una zona horaria IANA`,
  zoneFlagHint: 'p. ej. --timezone America/Argentina/Buenos_Aires',
  replacePrompt: (files) => `${both(files)} ya ${plural(files.length, 'existe', 'existen')}. ¿Reemplazar?`,
  filesExist: (files) => `${both(files)} ya ${plural(files.length, 'existe', 'existen')}; no se escribió nada`,
  filesExistHint: 'Use --force para reemplazarlos (guarde antes una copia), o ejecute init en una carpeta vacía con --dir.',
  reading: (days) => `\nLeyendo los eventos de puerta de HikCentral de ${plural(days, 'el último día', `los últimos ${days} días`)} y sus personas…`,
  readCounts: (events, persons, seconds) =>
    `  ${count(events, 'evento de puerta', 'eventos de puerta')} y ${count(persons, 'persona', 'personas')} en ${seconds.replace('.', ',')} s.`,
  usersUnreadable: (message) => `no se pudo leer la lista de usuarios de Humand: ${message}`,
  usersUnreadableHint: 'La clave necesita el permiso de lectura de usuarios; vuelva a ejecutar init cuando Humand responda.',
  zoneAgrees: (offsets, zone) => `✓ Las horas de los eventos de HikCentral (desfase ${offsets}) coinciden con ${zone}.`,
  zoneDisagrees: (disagree, total, offsets, zone) =>
    `advertencia: ${disagree} de ${total} horas de eventos de HikCentral traen un desfase (${offsets}) que ${zone} no tiene en ese momento: revise SITE_TIMEZONE (las jornadas y la alternancia se cortan en ella) o la zona horaria de los dispositivos de HikCentral.`,
  wrote: (envFile, configFile, caFile) => `\nSe escribieron ${envFile} (modo 600: los secretos), ${configFile}${caFile ? ` y ${caFile}` : ''}.`,
  next: '\nLo siguiente: `hik2humand run` aquí (o `hik2humand service install`); para mirar sin enviar, ponga antes DRY_RUN=true en .env.',
  previewSummary: (hours, tally) =>
    `\nPrueba (DRY_RUN) sobre las últimas ${String(hours).replace('.', ',')} h (no se envió nada): ${tally || 'ningún evento'}.`,
  wouldSend: (clockOut, employee, at, who, where) => `  enviaría ${clockOut ? 'salida ' : 'entrada'} ${employee} a las ${at}  (${who}, ${where})`,
  andMore: (n) => `  … y ${plural(n, 'una más', `${n} más`)}`,
  attention: (line) => `  atención: ${line}`,

  urlScheme: 'empiece con https://, p. ej. https://10.0.0.5',
  urlExample: 'una dirección como https://10.0.0.5 o https://hcp.planta.local:443',
  flagRequired: (flag) => `falta --${flag}: init sin preguntas (--yes) lo necesita`,
  flagRequiredHint: (flag) => `pase --${flag}, o ejecute \`hik2humand init\` en una terminal para que se lo pregunte`,
  hikHostPrompt: 'Dirección de HikCentral (el gateway OpenAPI, p. ej. https://10.0.0.5)',
  hikAppKeyPrompt: 'Clave de la aplicación asociada de HikCentral (Sistema > Open API)',
  hikSecretPrompt: 'Secreto de la aplicación asociada de HikCentral',
  hikAccepted: (url, ms, pinned) => `✓ HikCentral ${url} aceptó un pedido firmado (${ms} ms)${pinned ? ' con su certificado fijado' : ''}.`,
  certUnreadable: (error) => `  (no se pudo leer su certificado: ${error})`,
  certificate: (cert) =>
    [
      '  HikCentral presenta este certificado:',
      `    sujeto       ${cert.subject}`,
      `    emisor       ${cert.issuer}${cert.selfSigned ? ' (autofirmado)' : ''}`,
      `    válido hasta ${cert.validTo}`,
      `    SHA-256      ${cert.fingerprint256}`,
      '  Compare la huella con la que muestra HikCentral (su cliente web: Sistema > Red > HTTPS, o el certificado en el navegador) antes de confiar en él.',
    ].join('\n'),
  trustPrompt: '¿Confiar en este certificado y fijarlo para hik2humand (HIK_CA_CERT)?',
  certUntrusted: (fingerprint) => `esta máquina no confía en el certificado de HikCentral (SHA-256 ${fingerprint})`,
  certUntrustedHint: 'Use --trust-certificate para fijarlo después de comparar la huella, o defina usted HIK_CA_CERT.',
  stillRefuses: (system, attempts, message) => `${system} sigue rechazando tras ${attempts} intentos: ${message}`,
  humandKeyPrompt: 'Clave de API de Humand (tal como la emitió Humand, con o sin "Basic ")',
  humandKeyHint: 'pase --humand-key, o ejecute `hik2humand init` en una terminal',
  forbiddenAllowlist: (explained) => `  Un 403: Humand conoce la clave pero la rechaza desde aquí. ${explained}`,
  forbiddenUnread: (error) =>
    [
      `  Un 403: Humand conoce la clave pero la rechaza desde aquí (no se pudo leer su lista de IP permitidas: ${error ?? 'no se intentó'}). Suele ser una de estas:`,
      '    - la lista de IP permitidas de la clave (administración de Humand > claves de API) no incluye la IP pública de este servidor: la',
      '      dirección que su firewall/NAT muestra hacia internet, no una 10.x/192.168.x;',
      '    - el usuario de la clave no tiene el permiso de control horario o de usuarios.',
    ].join('\n'),
  forbiddenFixThenAgain: '  Corríjalo en Humand (o pida ayuda al soporte de Humand) y vuelva a ingresar la clave.',
  allowlist: (ips, refused) => {
    if (ips.length === 0)
      return refused
        ? 'La lista de IP permitidas de la clave está vacía (cualquier dirección puede usarla), así que el 403 viene de los permisos de la clave: pida acceso a control horario y a usuarios.'
        : 'La lista de IP permitidas de la clave está vacía: cualquier dirección puede usarla.';
    const list = ips.join(', ');
    return refused
      ? `La lista de IP permitidas de la clave solo nombra ${list}. Si la dirección pública de este servidor (la que su firewall/NAT muestra hacia internet, no una 10.x/192.168.x) no está entre ellas, esa es la causa: agréguela en Humand (claves de API > IP permitidas) o pida ayuda al soporte de Humand. Si está, al usuario de la clave le falta el permiso de control horario o de usuarios.`
      : `La lista de IP permitidas de la clave nombra ${list}: este servidor llega a Humand desde una de ellas. Manténgala al día si cambian el servidor o su salida a internet.`;
  },

  badDirection: (value) => `--time-clock "${value}": la dirección debe ser in (entrada), out (salida) o alternate (alternar)`,
  badDirectionHint: 'p. ej. --time-clock "Facial Entrada=in"',
  noSuchReader: (name) =>
    `--time-clock "${name}": ningún lector con ese nombre tuvo eventos en los días leídos, así que todas sus pasadas serían "no es una puerta de reloj"`,
  noSuchReaderHint: (near, seen) =>
    `Escriba el nombre exactamente como lo escribe HikCentral${near.length > 0 ? ` — ¿quiso decir ${near.map((n) => `"${n}"`).join(' o ')}?` : ''} (lectores vistos: ${seen.map((n) => `"${n}"`).join(', ')})`,
  noEvents: (days) =>
    `HikCentral no informó eventos de puerta en ${plural(days, 'el último día', `los últimos ${days} días`)}, así que no hay de dónde elegir los relojes`,
  noEventsHint: 'Lea más atrás con --days 30, o indique los lectores con --time-clock "Nombre del lector=in".',
  readersHeader: (days) => `\nLectores con eventos en ${plural(days, 'el último día', `los últimos ${days} días`)}, los más usados primero (→ propuesta):`,
  proposal: (timeClock, direction, why) => `${timeClock ? `reloj, ${direction ? DIRECTION[direction] : 'alterna entrada/salida'}` : 'no es un reloj'} (${why})`,
  why: (reason) => {
    if (reason.kind === 'no-clock-word') return 'su nombre no tiene una palabra de reloj: reloj, molinete, fichada o clock';
    if (reason.kind === 'no-passages') return `"${reason.word}" en su nombre, pero ninguna pasada de una persona en los días leídos`;
    const direction = reason.direction === null ? null : reason.direction === 'in' ? 'entrada/ingreso/in' : 'salida/egreso/out';
    return `"${reason.word}" en su nombre${direction ? `; "${direction}" da la dirección` : '; sin palabra de dirección: alterna entrada/salida por empleado'}`;
  },
  reader: ({ name, readerIndexCode, doorName, passages }) => {
    const where = [readerIndexCode ? `lector ${readerIndexCode}` : null, doorName ? `puerta ${doorName}` : null].filter(Boolean).join(', ');
    return `${name}${where ? ` (${where})` : ''}: ${count(passages, 'pasada', 'pasadas')}`;
  },
  noProposal: 'ningún nombre de lector parece un reloj (reloj, molinete, fichada, clock)',
  noProposalHint: 'Indíquelos con --time-clock "Nombre del lector=in" (uno por reloj).',
  useProposed: (clocks) =>
    `¿Usar ${plural(clocks.length, 'el reloj propuesto', `los ${clocks.length} relojes propuestos`)}: ${clocks
      .map((c) => `${c.reader} (${c.direction ? DIRECTION[c.direction] : 'alterna'})`)
      .join(', ')}?`,
  isTimeClock: (reader) => `${reader} — ¿es un reloj?`,
  choiceDoor: 'no, una puerta común',
  choiceIn: 'sí, entrada',
  choiceOut: 'sí, salida',
  choiceAlternate: 'sí, alterna entrada / salida por empleado',
  noneChosen: 'no se eligió ningún reloj: se ignoraría toda pasada',
  noneChosenHint: 'Vuelva a ejecutar init y marque al menos un lector como reloj.',
  notStrategy: (value) => `--mapping "${value}" no es una de las formas probadas aquí`,
  strategyHint: (strategies) => `Use una de: ${strategies.join(', ')} (un archivo CSV de vinculación se configura a mano: docs/configuration.md)`,
  mappingHeader: (persons, active) =>
    `\nVinculación de las personas de HikCentral (${persons}) con los empleados de Humand (${plural(active, '1 activo', `${active} activos`)}), por employeeInternalId:`,
  coverage: (strategy, customField, matched, active) =>
    `${customField === null ? strategy : `campo personalizado "${customField}"`} vincula ${matched} de ${plural(active, '1 empleado activo', `${active} empleados activos`)}`,
  mappingQuestion: '¿Cómo se vinculan las personas de HikCentral con los empleados de Humand?',
  best: ' (la mejor)',
  noMatchWarning:
    '  advertencia: esta forma no vincula ningún empleado activo; doctor fallará hasta que coincidan los datos de HikCentral y de Humand (docs/configuration.md, vinculación).',
  mappingNote: (coverage) => `Cuando init miró: ${coverage}.`,

  envFileHeader: (when) => [
    `# Configuración de hik2humand, escrita por \`hik2humand init\` el ${when}.`,
    '# Los secretos están solo aquí: mantenga este archivo en modo 600 (lectura/escritura del dueño); nunca lo suba a un repositorio ni lo envíe por correo.',
    '# Todas las variables: docs/configuration.md. Tras cada cambio, verifique con: hik2humand doctor',
  ],
  envHik: '# HikCentral Professional (Sistema > Open API: clave y secreto de la aplicación asociada)',
  envCaCert: '# El certificado propio (autofirmado) de HikCentral, leído y fijado por init',
  envHumand: '# Clave de API de Humand',
  envLanguage: '# Idioma de la CLI (doctor, status, sync...) y de las alertas: es o en',
  envDryRun: '# true: decide y registra cada fichada sin enviarla (para mirar las primeras pasadas); false: envía a Humand.',
  yamlHeader: (when) => [
    `# Reglas del sitio para hik2humand, escritas por \`hik2humand init\` el ${when}.`,
    '# Referencia con todas las opciones: config.example.yaml y docs/configuration.md.',
  ],
  yamlTimeClocks: [
    '# Relojes: los lectores cuyas pasadas son fichadas, por el nombre del lector exactamente como',
    '# lo escribe HikCentral. Toda otra puerta queda registrada como "ignorada: no es una puerta de reloj".',
  ],
  clockSeen: (readerIndexCode, doorName, passages) =>
    [readerIndexCode ? `lector ${readerIndexCode}` : null, doorName ? `puerta "${doorName}"` : null, `${count(passages, 'pasada', 'pasadas')} cuando init miró`]
      .filter(Boolean)
      .join(', '),
  yamlAlternate: '# sin dirección en el nombre: entrada, salida, ... por empleado y jornada',
  yamlWho: '# ¿Quién es?',
  yamlDebounce: '# los toques repetidos dentro de este lapso se funden en el primero',
  yamlDayBoundary: '# la jornada empieza a las 04:00 hora del sitio (turnos de noche)',
  yamlAlternation: '# dos entradas seguidas en una jornada: la segunda no se envía',
};
