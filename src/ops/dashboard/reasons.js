// @ts-check
// Spanish for the texts the service writes in English: punch reasons, pause reasons and
// hints, request results, sources. Shared by the dashboard (browser) and the exports (server).
// A text no rule knows is shown as written (new reasons stay readable, in English).

/** [pattern, Spanish replacement]; `$1`… are the pattern's groups, translated again when marked `{t$1}`. */
const RULES = [
  // Network failures, as the HikCentral and Humand clients word them (the address and the system's code stay as they are).
  [/^Humand did not answer: (.*)$/, 'Humand no respondió: {t$1}'],
  [/^Humand did not answer in time \((.*)\)$/, 'Humand no respondió a tiempo ($1)'],
  [/^Connection to Humand refused or unreachable \((.*)\)$/, 'Humand rechazó la conexión o no se lo puede alcanzar ($1)'],
  [/^Humand host name could not be resolved \((.*)\)$/, 'no se pudo resolver el nombre del servidor de Humand ($1)'],
  [/^TLS handshake with Humand failed \((.*)\)$/, 'falló la negociación TLS con Humand ($1)'],
  [/^Connection to Humand was closed before the answer arrived \((.*)\)$/, 'la conexión con Humand se cerró antes de que llegara la respuesta ($1)'],
  [/^Network failure talking to Humand \((.*?)\): (.*)$/, 'falla de red al hablar con Humand ($1): $2'],
  [/^Network failure talking to HikCentral at (\S+): (.*)$/, 'falla de red al hablar con HikCentral en $1: $2'],
  [/^HikCentral refused the connection at (\S+)$/, 'HikCentral rechazó la conexión en $1'],
  [/^HikCentral did not answer (\S+) in time$/, 'HikCentral no respondió $1 a tiempo'],
  [
    /^HikCentral closed the connection at (\S+) without answering: its OpenAPI speaks HTTPS$/,
    'HikCentral cerró la conexión en $1 sin responder: su OpenAPI usa HTTPS',
  ],
  [
    /^The name (\S+) in HIKVISION_HOST cannot be resolved to an address \(DNS: (.*)\)$/,
    'el nombre $1 de HIKVISION_HOST no se puede resolver a una dirección (DNS: $2)',
  ],
  [/^ignored: not a time-clock door$/, 'ignorada: la puerta no es un reloj de fichada'],
  [/^ignored: refused access$/, 'ignorada: acceso denegado'],
  [/^ignored: the event names no person$/, 'ignorada: el evento no indica ninguna persona'],
  [/^ignored: door-state event(.*)$/, 'ignorada: evento de estado de puerta$1'],
  [/^ignored: event code (\S+) is not an access-granted passage$/, 'ignorada: el código de evento $1 no es un paso con acceso concedido'],
  [/^ignored: unreadable event time (.*)$/, 'ignorada: hora del evento ilegible $1'],
  [/^held: the event time is in the future; delivered once it is not$/, 'retenida: la hora del evento está en el futuro; se envía cuando deje de estarlo'],
  [/^delivered: Humand already had this entry$/, 'entregada: Humand ya tenía este registro'],
  [/^delivered: found in Humand after an unanswered attempt$/, 'entregada: encontrada en Humand tras un intento sin respuesta'],
  [/^dead: gave up after (\d+) attempts: (.*)$/, 'fallida: se abandonó tras $1 intentos: {t$2}'],
  [/^gave up after (\d+) attempts: (.*)$/, 'se abandonó tras $1 intentos: {t$2}'],
  [/^debounced: double tap (\d+)s from (p-\d+)$/, 'filtrada: doble lectura a $1 s de $2'],
  [/^dry-run: would POST (.*)$/, 'prueba: se enviaría POST $1'],
  [/^rejected: the time clock is in door mode but has no direction configured$/, 'rechazada: el reloj está en modo puerta pero no tiene sentido configurado'],
  [/^rejected: (.*)$/, 'rechazada: {t$1}'],
  [/^retrying in (\d+)s: (.*)$/, 'reintento en $1 s: {t$2}'],
  [/^unmapped: no Humand user has (.*)$/, 'sin vincular: ningún usuario de Humand tiene $1'],
  [/^unmapped: (\d+) ACTIVE Humand users have (.*)$/, 'sin vincular: $1 usuarios ACTIVOS de Humand tienen $2'],
  [/^unmapped: person (.*) has no card number$/, 'sin vincular: la persona $1 no tiene número de tarjeta'],
  [/^unmapped: personCode (.*) \/ personId (.*) is not in the mapping file$/, 'sin vincular: personCode $1 / personId $2 no está en el archivo de vinculación'],
  [/^unmapped: the Humand user with (.*) is (\S+)(.*)$/, 'sin vincular: el usuario de Humand con $1 está $2$3'],
  [/^unmapped: person (.*) is unknown to HikCentral$/, 'sin vincular: la persona $1 no existe en HikCentral'],
  [/^unmapped: person (.*) has no custom field (.*)$/, 'sin vincular: la persona $1 no tiene el campo personalizado $2'],
  [/^unmapped: person (.*) has no personCode$/, 'sin vincular: la persona $1 no tiene personCode'],
  [/^unmapped: (.*)$/, 'sin vincular: $1'],
  [/^no Humand user has (.*)$/, 'ningún usuario de Humand tiene $1'],
  [/^person (.*) is unknown to HikCentral$/, 'la persona $1 no existe en HikCentral'],
  // The decision model's reasons (src/pipeline/decisions/day-decision.ts).
  [/^double tap: (\d+) s after the clock-in (p-\d+)$/, 'filtrada: doble lectura a $1 s de la entrada $2'],
  [/^double tap: (\d+) s after the clock-out (p-\d+)$/, 'filtrada: doble lectura a $1 s de la salida $2'],
  [
    /^double tap: (\d+ (?:min|h)) after the last entry \((clock-in|clock-out)\); a new shift starts after (.*)$/,
    'filtrada: nueva lectura $1 después del último registro ({t$2}); un turno nuevo empieza pasados $3',
  ],
  [
    /^double tap that arrived late: the same (clock-in|clock-out) (.+?) later \((.+?)\) is already in Humand(.*)$/,
    'filtrada: lectura que llegó tarde; la misma {t$1} $2 después ($3) ya está en Humand{t$4}',
  ],
  [/^ — correct its time in Humand if this earlier tap is the one that counts$/, ' — corrija la hora en Humand si la que vale es esta lectura anterior'],
  [/^corrected tap: (\d+ s) after the (clock-in|clock-out) (p-\d+), which was meant$/, 'corregida: $1 después de la {t$2} $3, que era la buscada'],
  [
    /^corrected tap: the employee was clocked in, so the (clock-in|clock-out) (p-\d+) (\d+ s) later was meant$/,
    'corregida: el empleado tenía la jornada abierta, así que la buscada era la {t$1} $2, $3 después',
  ],
  [
    /^corrected tap: the employee was not clocked in, so the (clock-in|clock-out) (p-\d+) (\d+ s) later was meant$/,
    'corregida: el empleado no tenía la jornada abierta, así que la buscada era la {t$1} $2, $3 después',
  ],
  [/^covered: Humand already has this (clock-in|clock-out) from (\S+) at (.*)$/, 'cubierta: Humand ya tiene esta {t$1} desde $2 a las $3'],
  [/^covered: fixed by hand in Humand \(marked by (.*?)\); was (\S+): (.*)$/, 'cubierta: corregida a mano en Humand (marcada por $1); antes {t$2}: {t$3}'],
  [
    /^needs review: a clock-out with no clock-in before it in Humand \(forgotten clock-in\?\) — add the clock-in in Humand, then mark it fixed(.*)$/,
    'a revisar: una salida sin entrada previa en Humand (¿olvidó fichar la entrada?) — agregue la entrada en Humand y márquela como corregida$1',
  ],
  [
    /^needs review: Humand already has a (clock-in|clock-out) that day at (.*) with nothing between \(forgotten (clock-in|clock-out)\?\) — correct the day in Humand, then mark it fixed(.*)$/,
    'a revisar: Humand ya tiene una {t$1} ese día a las $2 sin nada entre medio (¿olvidó fichar la {t$3}?) — corrija el día en Humand y márquela como corregida$4',
  ],
  [/^needs review: Humand refused it: (.*)$/, 'a revisar: Humand la rechazó: $1'],
  [
    /^waiting: (p-\d+) before it could not be delivered \(dead\); re-drive it or mark it fixed in Humand, and this one follows in order$/,
    'en espera: $1, anterior a esta, no se pudo enviar (fallida); reenvíela o márquela como corregida en Humand y esta la sigue en orden',
  ],
  [/^waiting up to a minute for a second tap before asking for review$/, 'esperando hasta un minuto una segunda lectura antes de pedir revisión'],
  [/^clock-in$/, 'entrada'],
  [/^clock-out$/, 'salida'],
  [/^$/, ''],
  [/^suppressed: consecutive clock-in$/, 'suprimida: entrada consecutiva'],
  [/^suppressed: consecutive clock-out$/, 'suprimida: salida consecutiva'],
  [/^Humand is not configured \(HUMAND_AUTH\)$/, 'Humand no está configurado (HUMAND_AUTH)'],
  [/^Humand answered (\d+)(.*)$/, 'Humand respondió $1$2'],
  [/^retry requested by a person$/, 'reintento pedido por una persona'],
  [/^re-driven$/, 'reenviada'],
  [/^rate budget kept for deliveries: try again in a minute$/, 'cupo de Humand reservado para los envíos: vuelva a intentar en un minuto'],
  // Hints (what to do).
  [/^check HUMAND_AUTH and the key's permissions; punches are kept$/, 'revise HUMAND_AUTH y los permisos de la clave; las fichadas se conservan'],
  [/^check HUMAND_AUTH: Humand does not know this key$/, 'revise HUMAND_AUTH: Humand no reconoce esta clave'],
  [
    /^give the key's user access \(or allow this IP in \/api-keys\/allowed-ips\); punches are kept$/,
    'dé acceso al usuario de la clave (o permita esta IP en /api-keys/allowed-ips); las fichadas se conservan',
  ],
  [/^set HUMAND_AUTH and HUMAND_BASE_URL$/, 'configure HUMAND_AUTH y HUMAND_BASE_URL'],
  [/^Humand is having trouble; try again in a few minutes\.$/, 'Humand tiene problemas; vuelva a intentar en unos minutos.'],
  [
    /^Humand is slow or unreachable; the call is retried\. If it persists, check the network path or raise HUMAND request timeouts\.$/,
    'Humand está lento o no responde; el pedido se reintenta. Si persiste, revise la red o aumente los tiempos de espera de HUMAND.',
  ],
  [
    /^Usually a network blip; the call is retried\. The request may have been processed\.$/,
    'Suele ser un corte de red breve; el pedido se reintenta. Puede que ya se haya procesado.',
  ],
  [/^Check the network path to HUMAND_BASE_URL; the call is retried\.$/, 'Revise la red hasta HUMAND_BASE_URL; el pedido se reintenta.'],
  [
    /^The key allows 50 requests per minute shared by every user of the key; this is waited out automatically\.$/,
    'La clave permite 50 pedidos por minuto, compartidos por todos sus usuarios; se espera automáticamente.',
  ],
  [/^Something else may be sharing this API key's 50 requests per minute\.$/, 'Puede que otro sistema comparta los 50 pedidos por minuto de esta clave.'],
  [
    /^The employee does not exist in Humand with that employeeInternalId: check the person mapping\.$/,
    'El empleado no existe en Humand con ese employeeInternalId: revise la vinculación de la persona.',
  ],
  [
    /^Humand's time-tracking rules refused it \(alternation, duplicate, future time, or unknown\/inactive employee\)\. Review the employee's timeline in Humand\.$/,
    'Las reglas de control horario de Humand lo rechazaron (alternancia, duplicado, hora futura o empleado desconocido/inactivo). Revise la jornada del empleado en Humand.',
  ],
  [
    /^HUMAND_AUTH is wrong, revoked or belongs to another community\. Paste the key exactly as Humand issued it \(with or without "Basic "\)\.$/,
    'HUMAND_AUTH es incorrecta, fue revocada o pertenece a otra comunidad. Pegue la clave tal como la emitió Humand (con o sin "Basic ").',
  ],
  [
    /^Give the API key's user the users and time-tracking permissions in Humand, and if the key has an IP allowlist add this machine's public IP\. Punches are kept until this is fixed\.$/,
    'Dé al usuario de la clave los permisos de usuarios y control horario en Humand y, si la clave tiene lista de IPs permitidas, agregue la IP pública de esta máquina. Las fichadas se conservan hasta que se corrija.',
  ],
  [
    /^Give the API key's user the time-tracking permission, and add this machine's IP to the key's allowlist if it has one\. Punches are kept meanwhile\.$/,
    'Dé al usuario de la clave el permiso de control horario y agregue la IP de esta máquina a la lista de la clave si la tiene. Mientras tanto las fichadas se conservan.',
  ],
  [
    /^Retried with backoff\. If the request was a clock entry it may have been recorded: reconcile before resending\.$/,
    'Se reintenta con espera creciente. Si era un registro de fichada puede haberse grabado: se verifica antes de reenviar.',
  ],
];

/** Request results and event sources, word for word. */
const WORDS = {
  ok: 'ok',
  sending: 'enviando',
  transient: 'transitorio',
  'rejected-by-rule': 'rechazado por regla',
  'rate-limited': 'límite de pedidos',
  unauthorised: 'no autorizado',
  forbidden: 'prohibido',
  'bad-request': 'pedido inválido',
  'not-found': 'no encontrado',
  'dry-run': 'prueba',
  clock: 'fichada',
  reconcile: 'verificación',
  probe: 'prueba de conexión',
  poll: 'consulta',
  push: 'push',
  backfill: 'recuperación',
  isapi: 'ISAPI',
};

/** `text` in `lang` ('en' | 'es'); null and undefined stay as they are. */
export function translateText(text, lang) {
  if (lang !== 'es' || text === null || text === undefined) return text;
  for (const [pattern, spanish] of RULES) {
    const match = pattern.exec(text);
    if (!match) continue;
    return spanish.replace(/\{t\$(\d)\}|\$(\d)/g, (_, nested, plain) => (nested ? translateText(match[Number(nested)], lang) : (match[Number(plain)] ?? '')));
  }
  return text;
}

/** A one-word result or source (`transient`, `rejected-by-rule`, `poll`...) in `lang`. */
export function translateWord(word, lang) {
  if (lang !== 'es' || word === null || word === undefined) return word;
  return WORDS[word] ?? word;
}
