/** What `dead-letters list|retry|fixed` print around each punch, in English and Spanish (merged into the CLI catalogs). */
export const DEAD_LETTERS_EN = {
  'deadLetters.none': 'No dead letters: every punch was delivered, is waiting, or was deliberately not sent.',
  'deadLetters.listed': {
    one: '{n} punch needs a person (times in {zone}). Fix the cause, then: hik2humand dead-letters retry --id <id...> (or --all)',
    other: '{n} punches need a person (times in {zone}). Fix the cause, then: hik2humand dead-letters retry --id <id...> (or --all)',
  },
  'deadLetters.requeued': { one: 'Re-queued {n} punch{what}.', other: 'Re-queued {n} punches{what}.' },
  'deadLetters.leftOut': ' Not included: {counts} (fix their cause, then --id or --all).',
  'deadLetters.notDelivered': ' Not delivered now: {note}.',
  'deadLetters.busy': "{error}: it delivers them after its next poll (POLL_INTERVAL), or at once via the dashboard's Re-drive",
  'deadLetters.paused': 'Delivery is paused: {reason}',
  'deadLetters.fix': '  fix: {hint}',
  'deadLetters.fixed': { one: 'Marked {n} punch fixed in Humand{notProblems}.', other: 'Marked {n} punches fixed in Humand{notProblems}.' },
  'deadLetters.notProblems': {
    one: ' ({n} of those ids is not a problem: nothing done for it)',
    other: ' ({n} of those ids are not problems: nothing done for them)',
  },
};

export const DEAD_LETTERS_ES: Readonly<Record<keyof typeof DEAD_LETTERS_EN, string | { readonly one: string; readonly other: string }>> = {
  'deadLetters.none': 'No hay fichadas con problemas: todas se entregaron, están esperando o no se envían a propósito.',
  'deadLetters.listed': {
    one: '{n} fichada necesita a una persona (horas en {zone}). Corrija la causa y luego: hik2humand dead-letters retry --id <id...> (o --all)',
    other: '{n} fichadas necesitan a una persona (horas en {zone}). Corrija la causa y luego: hik2humand dead-letters retry --id <id...> (o --all)',
  },
  'deadLetters.requeued': { one: 'Vuelta a la cola: {n} fichada{what}.', other: 'Vueltas a la cola: {n} fichadas{what}.' },
  'deadLetters.leftOut': ' No incluidas: {counts} (corrija su causa y luego use --id o --all).',
  'deadLetters.notDelivered': ' No se entregan ahora: {note}.',
  'deadLetters.busy': '{error}: las entrega tras su próxima lectura (POLL_INTERVAL), o en el acto con "Reenviar" del panel',
  'deadLetters.paused': 'La entrega está en pausa: {reason}',
  'deadLetters.fix': '  qué hacer: {hint}',
  'deadLetters.fixed': {
    one: '{n} fichada marcada como corregida en Humand{notProblems}.',
    other: '{n} fichadas marcadas como corregidas en Humand{notProblems}.',
  },
  'deadLetters.notProblems': {
    one: ' ({n} de esos ids no es un problema: no se hizo nada con él)',
    other: ' ({n} de esos ids no son problemas: no se hizo nada con ellos)',
  },
};
