/**
 * What the CLI prints, in English and Spanish. A plural message has the forms
 * Intl.PluralRules gives for the language (`one`, `other`); `{name}` is filled in.
 */
import { ADMIN_EN, ADMIN_ES } from './admin-messages.js';
import { BACKFILL_EN, BACKFILL_ES } from './backfill-messages.js';
import { DEAD_LETTERS_EN, DEAD_LETTERS_ES } from './dead-letter-messages.js';
import { USAGE_EN, USAGE_ES } from './usage-messages.js';
import { REPROCESS_EN, REPROCESS_ES } from './reprocess-messages.js';
import { STATUS_EN, STATUS_ES } from './status-messages.js';

export type Message = string | { readonly one: string; readonly other: string };

export const EN = {
  ...STATUS_EN,
  ...BACKFILL_EN,
  ...ADMIN_EN,
  ...REPROCESS_EN,
  ...DEAD_LETTERS_EN,
  ...USAGE_EN,
  'time.never': 'never',
  'time.ago': '{time} ago',
  'time.in': 'in {time}',

  'outcome.received': 'received',
  'outcome.ignored': 'ignored',
  'outcome.unmapped': 'unmapped',
  'outcome.held': 'held',
  'outcome.queued': 'queued',
  'outcome.waiting': 'waiting',
  'outcome.sending': 'sending',
  'outcome.debounced': 'debounced',
  'outcome.corrected': 'corrected',
  'outcome.covered': 'covered',
  'outcome.suppressed': 'suppressed',
  'outcome.delivered': 'delivered',
  'outcome.review': 'needs review',
  'outcome.rejected': 'rejected',
  'outcome.dead': 'dead',
  'outcome.dry-run': 'dry run',
  /** One outcome's count in a list of them: the outcome as the ledger names it, in English (scripts read it). */
  'outcome.tally': '{n} {outcome}',
  'counts.none': 'no punches yet',

  'sync.finished': 'Sync finished in {duration}',
  'sync.finishedAttention': 'Sync finished, needs attention in {duration}',
  'sync.dryRun': ' — DRY RUN',
  'sync.row.hikcentral': 'HikCentral',
  'sync.row.directories': 'Directories',
  'sync.row.decided': 'Decided',
  'sync.row.delivery': 'Delivery',
  'sync.row.ledger': 'Ledger',
  'sync.read': {
    one: 'read {n} event from {from} to {to}: {fresh} new, {duplicates} already in the ledger',
    other: 'read {n} events from {from} to {to}: {fresh} new, {duplicates} already in the ledger',
  },
  'sync.notRead': 'NOT read: {error}',
  'sync.cached': 'cached',
  'sync.directories': 'reloaded: HikCentral persons {persons}, Humand users {users}{active}',
  'sync.activeUsers': ' ({n} active)',
  'sync.decided': {
    one: '{n} punch: {queued} to send, {ignored} not a clock punch, {unmapped} unmapped, {held} held',
    other: '{n} punches: {queued} to send, {ignored} not a clock punch, {unmapped} unmapped, {held} held',
  },
  'sync.steps': { one: '{n} step', other: '{n} steps' },
  'sync.nothingSent': ' (dry run: nothing was sent)',
  'sync.stillWaiting': '{n} still waiting',
  'sync.needsPerson': 'Needs a person:',
  'sync.paused': 'delivery paused: {reason} — {hint}',
  'sync.noHumand': 'Humand is not configured (HUMAND_AUTH): nothing can be delivered',
  'sync.pollError': '{source} could not be read: {error}',
  'sync.events': 'events',
  'sync.example': ' — e.g. {id}: {reason}',

  'problem.unmapped': {
    one: '{n} punch unmapped{example} (map the person to a Humand employee: see doctor / the Coverage page)',
    other: '{n} punches unmapped{example} (map the person to a Humand employee: see doctor / the Coverage page)',
  },
  'problem.rejected': { one: '{n} punch rejected{example} (see dead-letters list)', other: '{n} punches rejected{example} (see dead-letters list)' },
  'problem.dead': {
    one: '{n} punch dead after retries{example} (dead-letters retry once fixed)',
    other: '{n} punches dead after retries{example} (dead-letters retry once fixed)',
  },
  'problem.review': {
    one: '{n} punch needs review — Humand would refuse it as it is{example} (correct the day in Humand, then `dead-letters fixed --id N`; or `dead-letters retry --id N` to decide it again)',
    other:
      '{n} punches need review — Humand would refuse them as they are{example} (correct the day in Humand, then `dead-letters fixed --id N`; or `dead-letters retry --id N` to decide them again)',
  },
  'problem.waiting': {
    one: '{n} punch waiting behind a dead punch of the same employee{example} (it follows once that one is re-driven)',
    other: '{n} punches waiting behind a dead punch of the same employee{example} (they follow once it is re-driven)',
  },

  'punch.outcome': 'outcome {outcome}',
  'punch.START': 'clock-in',
  'punch.END': 'clock-out',
  'punch.workingDay': 'working day {day}',
  'punch.attempts': 'attempts {n}',
  'punch.entry': 'Humand entry {id}',
  'punch.via': 'via {source}',
  'punch.person': 'person {id}',
  'punch.employee': 'employee {id}',
  'punch.nobody': 'nobody named',
  'punch.unknownDoor': 'unknown door',
  'punch.at': 'at',
  'punch.why': 'why',
  'punch.request': 'request',
  'punch.aboutToSend': 'about to send',
  'punch.noAnswer': 'no answer',
  'punches.none': 'No punches for {scope}. If one is missing: check the door is a configured time clock and that the last poll/push is recent (`status`).',
  'punches.found': { one: '{n} punch for {scope} (times in {zone}):', other: '{n} punches for {scope} (times in {zone}):' },
  'punches.scopeIds': 'ids {ids}',
  'punches.scopeEmployee': 'employee {employee}, ',
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof EN;

export const ES: Readonly<Record<MessageKey, Message>> = {
  ...STATUS_ES,
  ...BACKFILL_ES,
  ...ADMIN_ES,
  ...REPROCESS_ES,
  ...DEAD_LETTERS_ES,
  ...USAGE_ES,
  'time.never': 'nunca',
  'time.ago': 'hace {time}',
  'time.in': 'dentro de {time}',

  'outcome.received': 'recibida',
  'outcome.ignored': 'ignorada',
  'outcome.unmapped': 'sin vincular',
  'outcome.held': 'retenida',
  'outcome.queued': 'en cola',
  'outcome.waiting': 'en espera',
  'outcome.sending': 'enviando',
  'outcome.debounced': 'filtrada',
  'outcome.corrected': 'corregida',
  'outcome.covered': 'cubierta',
  'outcome.suppressed': 'suprimida',
  'outcome.delivered': 'entregada',
  'outcome.review': 'a revisar',
  'outcome.rejected': 'rechazada',
  'outcome.dead': 'fallida',
  'outcome.dry-run': 'prueba',
  'outcome.tally': '{label}: {n}',
  'counts.none': 'todavía no hay fichadas',

  'sync.finished': 'Sincronización terminada en {duration}',
  'sync.finishedAttention': 'Sincronización terminada en {duration}; requiere atención',
  'sync.dryRun': ' — PRUEBA, SIN ENVÍOS',
  'sync.row.hikcentral': 'HikCentral',
  'sync.row.directories': 'Directorios',
  'sync.row.decided': 'Decididas',
  'sync.row.delivery': 'Entrega',
  'sync.row.ledger': 'Registro',
  'sync.read': {
    one: 'leído {n} evento de {from} a {to}: nuevos {fresh}, ya en el registro {duplicates}',
    other: 'leídos {n} eventos de {from} a {to}: {fresh} nuevos, {duplicates} ya en el registro',
  },
  'sync.notRead': 'NO se pudo leer: {error}',
  'sync.cached': 'en caché',
  'sync.directories': 'recargados: personas de HikCentral {persons}, usuarios de Humand {users}{active}',
  'sync.activeUsers': ' ({n} activos)',
  'sync.decided': {
    one: '{n} fichada: {queued} para enviar, {ignored} no es de reloj, {unmapped} sin vincular, {held} retenidas',
    other: '{n} fichadas: {queued} para enviar, {ignored} no son de reloj, {unmapped} sin vincular, {held} retenidas',
  },
  'sync.steps': { one: '{n} paso', other: '{n} pasos' },
  'sync.nothingSent': ' (prueba: no se envió nada)',
  'sync.stillWaiting': '{n} todavía en espera',
  'sync.needsPerson': 'Necesita a una persona:',
  'sync.paused': 'entrega pausada: {reason} — {hint}',
  'sync.noHumand': 'Humand no está configurado (HUMAND_AUTH): no se puede entregar nada',
  'sync.pollError': 'no se pudo leer {source}: {error}',
  'sync.events': 'los eventos',
  'sync.example': ' — p. ej. {id}: {reason}',

  'problem.unmapped': {
    one: '{n} fichada sin vincular{example} (vincule a la persona con un empleado de Humand: ver doctor / la página Cobertura)',
    other: '{n} fichadas sin vincular{example} (vincule a las personas con empleados de Humand: ver doctor / la página Cobertura)',
  },
  'problem.rejected': { one: '{n} fichada rechazada{example} (ver dead-letters list)', other: '{n} fichadas rechazadas{example} (ver dead-letters list)' },
  'problem.dead': {
    one: '{n} fichada fallida tras los reintentos{example} (dead-letters retry cuando se resuelva la causa)',
    other: '{n} fichadas fallidas tras los reintentos{example} (dead-letters retry cuando se resuelva la causa)',
  },
  'problem.review': {
    one: '{n} fichada a revisar — Humand la rechazaría tal como está{example} (corrija el día en Humand y luego `dead-letters fixed --id N`; o `dead-letters retry --id N` para volver a decidirla)',
    other:
      '{n} fichadas a revisar — Humand las rechazaría tal como están{example} (corrija el día en Humand y luego `dead-letters fixed --id N`; o `dead-letters retry --id N` para volver a decidirlas)',
  },
  'problem.waiting': {
    one: '{n} fichada en espera detrás de una fallida del mismo empleado{example} (sale cuando esa se reenvíe)',
    other: '{n} fichadas en espera detrás de una fallida del mismo empleado{example} (salen cuando esa se reenvíe)',
  },

  'punch.outcome': 'resultado {outcome}',
  'punch.START': 'entrada',
  'punch.END': 'salida',
  'punch.workingDay': 'jornada {day}',
  'punch.attempts': 'intentos {n}',
  'punch.entry': 'registro de Humand {id}',
  'punch.via': 'por {source}',
  'punch.person': 'persona {id}',
  'punch.employee': 'empleado {id}',
  'punch.nobody': 'sin nombre',
  'punch.unknownDoor': 'puerta desconocida',
  'punch.at': 'en',
  'punch.why': 'motivo',
  'punch.request': 'pedido',
  'punch.aboutToSend': 'por enviar',
  'punch.noAnswer': 'sin respuesta',
  'punches.none':
    'No hay fichadas para {scope}. Si falta una: verifique que la puerta sea un reloj configurado y que la última lectura o recepción sea reciente (`status`).',
  'punches.found': { one: '{n} fichada para {scope} (horas en {zone}):', other: '{n} fichadas para {scope} (horas en {zone}):' },
  'punches.scopeIds': 'ids {ids}',
  'punches.scopeEmployee': 'empleado {employee}, ',
};
