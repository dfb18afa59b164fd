/**
 * `--help` in Spanish: each English text of the commands' descriptions, options and notes, as
 * the command files write it, with its Spanish. A text missing here shows in English (and fails
 * test/cli/help-spanish.test.ts).
 */
export const HELP_ES: Readonly<Record<string, string>> = {
  'HikCentral Professional access events → Humand time-tracking entries, exactly once.':
    'Eventos de acceso de HikCentral Professional → fichadas de control horario en Humand, una sola vez cada una.',
  'print the version, the ledger schema it expects and the Node version': 'muestra la versión, el esquema de registro que espera y la versión de Node',
  'config file (YAML or JSON) with time clocks and mapping; default CONFIG_FILE or ./hik2humand.yaml':
    'archivo de configuración (YAML o JSON) con los relojes y la vinculación; por defecto CONFIG_FILE o ./hik2humand.yaml',
  'read settings from this file (default ./.env when present); the environment wins':
    'lee la configuración de este archivo (por defecto ./.env si existe); el entorno tiene prioridad',
  'fatal, error, warn, info, debug, trace or silent (default LOG_LEVEL; info for run, warn for other commands)':
    'fatal, error, warn, info, debug, trace o silent (por defecto LOG_LEVEL; info para run, warn para los demás comandos)',
  'debug logs, with the full details (stack) of every error; same as --log-level debug':
    'logs de depuración, con todos los detalles (stack) de cada error; igual que --log-level debug',
  'the service: poll every POLL_INTERVAL, deliver continuously, push receiver and admin server when configured; with no credentials, the demo':
    'el servicio: lee cada POLL_INTERVAL, entrega sin parar, receptor push y servidor de administración si están configurados; sin credenciales, la demo',
  'do not start the admin server (health, metrics, dashboard)': 'no arranca el servidor de administración (salud, métricas, panel)',
  'one pass: read HikCentral since the cursor, deliver what the rate budget allows, report (for cron / Task Scheduler)':
    'una pasada: lee HikCentral desde el cursor, entrega lo que permite el cupo de pedidos e informa (para cron / el Programador de tareas)',
  'print the summary as JSON': 'muestra el resumen como JSON',
  'how long to keep delivering before reporting what is left (default SYNC_MAX_DELIVERY, 10m)':
    'cuánto seguir entregando antes de informar lo que queda (por defecto SYNC_MAX_DELIVERY, 10m)',
  'do not read HikCentral; only deliver what the ledger already holds': 'no lee HikCentral; solo entrega lo que ya está en el registro',
  're-read HikCentral over a range and deliver what is missing (safe to repeat: known punches are not sent again)':
    'vuelve a leer HikCentral en un rango y entrega lo que falta (se puede repetir: las fichadas conocidas no se envían de nuevo)',
  'start: YYYY-MM-DD (start of that day in SITE_TIMEZONE) or ISO 8601, e.g. 2026-01-27T06:00:00-03:00':
    'inicio: AAAA-MM-DD o dd/mm/aaaa (el comienzo de ese día en SITE_TIMEZONE) o ISO 8601, p. ej. 2026-01-27T06:00:00-03:00',
  'end (exclusive): YYYY-MM-DD includes that whole day, or ISO 8601': 'fin (excluido): AAAA-MM-DD o dd/mm/aaaa incluye ese día entero, o ISO 8601',
  'only read and record; the service (or the next sync) delivers': 'solo lee y registra; entrega el servicio (o el próximo sync)',
  'how long to keep delivering (default SYNC_MAX_DELIVERY, 10m)': 'cuánto seguir entregando (por defecto SYNC_MAX_DELIVERY, 10m)',
  'counts by outcome, poll cursor, oldest waiting punch, paused or not and why, last errors':
    'cantidades por resultado, cursor de lectura, la fichada que más espera, si está en pausa y por qué, últimos errores',
  'print the status as JSON': 'muestra el estado como JSON',
  'punches that need a person: rejected by Humand or a rule, dead after retries, or in review (Humand would refuse them as they are)':
    'fichadas que necesitan a una persona: rechazadas por Humand o por una regla, fallidas tras los reintentos, o en revisión (Humand las rechazaría tal como están)',
  'list them with the reason and every Humand answer': 'las lista con el motivo y cada respuesta de Humand',
  'print them as JSON': 'las muestra como JSON',
  "after fixing the cause: send dead ones again, decide the others again (and the rest of each employee's day after them), and deliver now":
    'una vez corregida la causa: reenvía las fallidas, decide de nuevo las demás (y el resto de la jornada de cada empleado después de ellas) y entrega ya',
  'punch ids to retry': 'ids de las fichadas a reintentar',
  'retry every dead, rejected and review punch': 'reintenta todas las fichadas fallidas, rechazadas y en revisión',
  'retry every dead punch only (what the dashboard\'s "Re-drive all dead" does)':
    'reintenta solo las fichadas fallidas (lo que hace "Reenviar todas las fallidas" en el panel)',
  'only re-queue; the running service (or the next sync) delivers them': 'solo las vuelve a la cola; las entrega el servicio en marcha (o el próximo sync)',
  'print the result as JSON': 'muestra el resultado como JSON',
  "a person fixed these in Humand by hand: close them (nothing is sent for them) and decide the employee's later punches again":
    'una persona las corrigió a mano en Humand: las cierra (no se envía nada por ellas) y decide de nuevo las fichadas posteriores del empleado',
  'punch ids (from `dead-letters list`)': 'ids de las fichadas (de `dead-letters list`)',
  'who fixed them, kept with each punch': 'quién las corrigió; se guarda con cada fichada',
  "what happened to each punch and why: outcome, reason, attempts, Humand's answers":
    'qué pasó con cada fichada y por qué: resultado, motivo, intentos, respuestas de Humand',
  'Humand employee id (employeeInternalId), HikCentral person id, code or card, or the name (any order, case or accents)':
    'id de empleado de Humand (employeeInternalId), id de persona, código o tarjeta de HikCentral, o el nombre (en cualquier orden, con o sin mayúsculas y tildes)',
  'working day or local date: YYYY-MM-DD, dd/mm/yyyy, today or yesterday (default today in SITE_TIMEZONE)':
    'jornada o fecha local: dd/mm/aaaa, AAAA-MM-DD, hoy o ayer (por defecto hoy en SITE_TIMEZONE)',
  'show these punches (ids from the dashboard, status or dead-letters list)': 'muestra estas fichadas (ids del panel, de status o de dead-letters list)',
  'at most this many punches': 'como mucho esta cantidad de fichadas',
  'print the punches as JSON': 'muestra las fichadas como JSON',
  'decide the punches of a range of days again under the current rules and mapping (after fixing a time-clock name, a mapping, …); --dry-run shows what would change':
    'decide de nuevo las fichadas de un rango de días con las reglas y la vinculación actuales (tras corregir el nombre de un reloj, una vinculación…); --dry-run muestra qué cambiaría',
  'first day (site time)': 'primer día (hora del sitio)',
  'last day (default: today)': 'último día (por defecto: hoy)',
  'only say what would change': 'solo dice qué cambiaría',
  'how many changes to list (default 50)': 'cuántos cambios listar (por defecto 50)',
  'check the configuration, HikCentral (TLS, signature, clock), Humand (key, permission) and the mapping, and say what to fix':
    'revisa la configuración, HikCentral (TLS, firma, hora), Humand (clave, permisos) y la vinculación, y dice qué corregir',
  'print the checks as JSON': 'muestra las comprobaciones como JSON',
  'days of HikCentral door events to check the time clocks against (default 3)':
    'días de eventos de puerta de HikCentral contra los que revisar los relojes (por defecto 3)',
  'point each terminal (isapi.devices) at the terminal push receiver (isapi.push): PUT /ISAPI/Event/notification/httpHosts/<id>':
    'apunta cada terminal (isapi.devices) al receptor push de terminales (isapi.push): PUT /ISAPI/Event/notification/httpHosts/<id>',
  "which of the terminal's HTTP hosts to use": 'cuál de los hosts HTTP de la terminal usar',
  'see it work with no credentials: simulated HikCentral and Humand, a generated working day played live, the dashboard':
    'véalo funcionar sin credenciales: HikCentral y Humand simulados, una jornada generada que transcurre en vivo, el panel',
  'employees on the generated site (default 40)': 'empleados del sitio generado (por defecto 40)',
  'seed of the generated day (default 1)': 'semilla de la jornada generada (por defecto 1)',
  'seconds of the working day per second (default 60: an hour a minute)': 'segundos de la jornada por segundo (por defecto 60: una hora por minuto)',
  'site time at which the day starts playing (default 05:45, just before the morning shift)':
    'hora del sitio en la que empieza a transcurrir la jornada (por defecto 05:45, justo antes del turno mañana)',
  "the demo's SQLite ledger, emptied at start (default ./data/demo.db)": 'el registro SQLite de la demo, vaciado al empezar (por defecto ./data/demo.db)',
  'play the day without the scripted Humand outage, pause and dead punch': 'la jornada sin la caída de Humand, la pausa y la fichada fallida del guion',
  'time between the scripted incidents (default 30s)': 'tiempo entre los incidentes del guion (por defecto 30s)',
  'hikcentral (default) or isapi: three simulated Hikvision terminals read directly, no HikCentral':
    'hikcentral (por defecto) o isapi: tres terminales Hikvision simuladas leídas directamente, sin HikCentral',
  'make HikCentral push access-granted events to this receiver (WEBHOOK_URL, WEBHOOK_TOKEN)':
    'hace que HikCentral envíe los eventos de acceso concedido a este receptor (WEBHOOK_URL, WEBHOOK_TOKEN)',
  'address HikCentral should push to (default WEBHOOK_URL)': 'dirección a la que debe enviar HikCentral (por defecto WEBHOOK_URL)',
  'only subscribe when HikCentral lacks the subscription (default: subscribe again, e.g. after a token change)':
    'solo se suscribe si a HikCentral le falta la suscripción (por defecto: se suscribe de nuevo, p. ej. tras cambiar el token)',
  'stop HikCentral pushing events (the access-granted event types unless --event-types)':
    'hace que HikCentral deje de enviar eventos (los tipos de acceso concedido, salvo --event-types)',
  'comma-separated event codes to unsubscribe': 'códigos de evento a dar de baja, separados por comas',
  "show HikCentral's event subscriptions (this receiver's marked *)": 'muestra las suscripciones de eventos de HikCentral (las de este receptor, con *)',
  'machine-readable output': 'salida para programas (JSON)',
  'copy the SQLite ledger to <file> while the service runs (SQLite online backup), then check the copy; for PostgreSQL, print the pg_dump command':
    'copia el registro SQLite a <file> con el servicio en marcha (copia en línea de SQLite) y verifica la copia; para PostgreSQL, muestra el comando pg_dump',
  'replace <file> if it exists': 'reemplaza <file> si existe',
  'install, remove or inspect hik2humand as a system service (systemd on Linux, WinSW on Windows)':
    'instala, quita o revisa hik2humand como servicio del sistema (systemd en Linux, WinSW en Windows)',
  'write the service configuration (a hardened systemd unit, or WinSW XML), register it and start it':
    'escribe la configuración del servicio (una unidad systemd endurecida, o el XML de WinSW), lo registra y lo arranca',
  'systemd or windows (default: this machine)': 'systemd o windows (por defecto: esta máquina)',
  'service name; one per site folder': 'nombre del servicio; uno por carpeta de sitio',
  'the site folder holding .env and hik2humand.yaml (default: the current folder)':
    'la carpeta del sitio con .env y hik2humand.yaml (por defecto: la carpeta actual)',
  'the ledger folder, the only place the service may write (default: <dir>/data)':
    'la carpeta del registro, el único lugar donde el servicio puede escribir (por defecto: <dir>/data)',
  'Linux: the system user to run as (created when missing)': 'Linux: el usuario de sistema con el que corre (se crea si falta)',
  'Windows: the account to run as': 'Windows: la cuenta con la que corre',
  'node executable (default: the one running this command)': 'ejecutable de node (por defecto: el que ejecuta este comando)',
  "hik2humand.js to run (default: this package's)": 'hik2humand.js a ejecutar (por defecto: el de este paquete)',
  'Linux: where the unit file goes': 'Linux: dónde va el archivo de la unidad',
  'print every step without doing anything': 'muestra cada paso sin hacer nada',
  'only print the unit / XML': 'solo muestra la unidad / el XML',
  'stop and remove the service; keeps the site folder, the settings and the ledger':
    'detiene y quita el servicio; conserva la carpeta del sitio, la configuración y el registro',
  'is the service installed, running, enabled; exit 6 when it is not running':
    'si el servicio está instalado, en marcha, habilitado; sale con 6 si no está en marcha',
  'print the state as JSON': 'muestra el estado como JSON',
  'guided first setup: checks HikCentral and Humand as you go, proposes the time clocks and the mapping, writes .env and hik2humand.yaml, runs doctor and a DRY_RUN preview':
    'primera configuración guiada: comprueba HikCentral y Humand sobre la marcha, propone los relojes y la vinculación, escribe .env y hik2humand.yaml, ejecuta doctor y una prueba DRY_RUN',
  'the site folder to write .env and hik2humand.yaml into (default: the current folder)':
    'la carpeta del sitio donde escribir .env y hik2humand.yaml (por defecto: la carpeta actual)',
  'HikCentral address, e.g. https://10.0.0.5 (default HIKVISION_HOST)': 'dirección de HikCentral, p. ej. https://10.0.0.5 (por defecto HIKVISION_HOST)',
  'HikCentral partner app key (default HIK_APP_KEY)': 'clave de la aplicación asociada de HikCentral (por defecto HIK_APP_KEY)',
  'HikCentral partner secret (default HIK_SECRET; prefer the environment: arguments show in the process list)':
    'secreto de la aplicación asociada de HikCentral (por defecto HIK_SECRET; mejor por el entorno: los argumentos se ven en la lista de procesos)',
  'pin the certificate HikCentral presents when this machine does not trust it (check its fingerprint first)':
    'fija el certificado que presenta HikCentral cuando esta máquina no confía en él (compare antes su huella)',
  'never pin; fail when the certificate is not trusted': 'nunca fija; falla si no se confía en el certificado',
  'Humand API base URL (default HUMAND_BASE_URL or https://api-prod.humand.co)':
    'URL base de la API de Humand (por defecto HUMAND_BASE_URL o https://api-prod.humand.co)',
  'Humand API key (default HUMAND_AUTH; prefer the environment)': 'clave de API de Humand (por defecto HUMAND_AUTH; mejor por el entorno)',
  "site time zone, IANA name (default SITE_TIMEZONE or this machine's)": 'zona horaria del sitio, nombre IANA (por defecto SITE_TIMEZONE o la de esta máquina)',
  'a time clock: reader name as HikCentral spells it, = in, out or alternate; repeat for each (default: the proposal)':
    'un reloj: el nombre del lector como lo escribe HikCentral, = in, out o alternate; repítalo para cada uno (por defecto: la propuesta)',
  'personCode, cardNo or customField:<field> (default: the best coverage)': 'personCode, cardNo o customField:<campo> (por defecto: la que más vincula)',
  'days of door events to read for the reader list': 'días de eventos de puerta a leer para la lista de lectores',
  'how far back the DRY_RUN preview reads': 'hasta cuándo atrás lee la prueba DRY_RUN',
  'replace an existing .env and hik2humand.yaml': 'reemplaza un .env y un hik2humand.yaml existentes',
  'unattended: take every answer from the flags and the environment, accept the proposals, ask nothing':
    'sin preguntas: toma cada respuesta de las opciones y del entorno, acepta las propuestas, no pregunta nada',
  'display help for command': 'muestra la ayuda del comando',
  '(run `hik2humand --help` for the commands and options)': '(ejecute `hik2humand --help` para ver los comandos y opciones)',

  '\nWith no credentials configured, `run` starts the demo. Exit codes and examples: docs/cli.md':
    '\nSin credenciales configuradas, `run` arranca la demo. Códigos de salida y ejemplos: docs/cli.md',
  '\nSteps and the Windows wrapper: docs/install.md': '\nPasos y el programa envoltorio para Windows: docs/install.md',
  '\nExit codes: 0 all passed (warnings allowed), 2 configuration invalid or missing, 6 a check failed.':
    '\nCódigos de salida: 0 todo pasó (con advertencias o sin ellas), 2 configuración inválida o ausente, 6 falló una comprobación.',
  '\nExit codes: 0 ok, 2 configuration, 3 Humand refuses the key (paused), 4 punches need a person, 5 HikCentral unreadable, 7 ledger busy, 1 unexpected.':
    '\nCódigos de salida: 0 bien, 2 configuración, 3 Humand rechaza la clave (en pausa), 4 hay fichadas que necesitan a una persona, 5 no se puede leer HikCentral, 7 registro ocupado, 1 inesperado.',
  '\nExample: hik2humand reprocess --from 2026-01-20 --to 2026-01-27 --dry-run\nExit codes: 0 ok, 2 configuration, 1 unexpected. While the service runs, it delivers what this queued.':
    '\nEjemplo: hik2humand reprocess --from 2026-01-20 --to 2026-01-27 --dry-run\nCódigos de salida: 0 bien, 2 configuración, 1 inesperado. Si el servicio está en marcha, entrega lo que esto puso en la cola.',
  '\nRestore: stop the service, replace DATABASE_PATH by the copy (delete its -wal and -shm files), start it. Exit codes: 0 copied and checked, 2 no ledger / target exists / PostgreSQL ledger.':
    '\nRestaurar: detenga el servicio, reemplace DATABASE_PATH por la copia (borre sus archivos -wal y -shm) y arránquelo. Códigos de salida: 0 copiado y verificado, 2 no hay registro / el destino existe / registro PostgreSQL.',
  '\nExit codes: 0 written and doctor passed, 2 an answer is missing or refused (nothing written), 6 written but doctor found a problem. docs/install.md':
    '\nCódigos de salida: 0 escrito y doctor pasó, 2 falta o se rechazó una respuesta (no se escribió nada), 6 escrito pero doctor encontró un problema. docs/install.md',
};

/** Commander's own headings and notes. */
export const HELP_HEADINGS_ES: readonly (readonly [RegExp, string])[] = [
  [/^Usage:/gm, 'Uso:'],
  [/^Options:/gm, 'Opciones:'],
  [/^Commands:/gm, 'Comandos:'],
  [/^Arguments:/gm, 'Argumentos:'],
  [/^Global Options:/gm, 'Opciones globales:'],
  [/\(default: /g, '(por defecto: '],
  [/\(choices: /g, '(valores: '],
];
