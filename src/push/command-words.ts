/** What `subscribe`, `unsubscribe` and `subscriptions` print, in English and Spanish. */
export interface PushCommandWords {
  alreadyInPlace(count: number, dest: string): string;
  subscribed(count: number, dest: string): string;
  moved(types: string): string;
  alsoSentHere(types: string): string;
  unsubscribed(types: string): string;
  readonly none: string;
  readonly noSubscriptions: string;
  legendComplete(receiver: string): string;
  legendMissing(receiver: string, types: string): string;
  readonly noUrl: string;
  readonly noUrlHint: string;
  readonly noToken: string;
  readonly noTokenHint: string;
  badEventTypes(text: string): string;
}

export const PUSH_WORDS_EN: PushCommandWords = {
  alreadyInPlace: (count, dest) => `Subscription already in place: ${count} event types → ${dest}`,
  subscribed: (count, dest) => `Subscribed ${count} event types → ${dest}`,
  moved: (types) => `  moved from another address: ${types}`,
  alsoSentHere: (types) => `  also sent here, not in the access-granted set (left alone): ${types}`,
  unsubscribed: (types) => `Unsubscribed event types: ${types}`,
  none: 'none',
  noSubscriptions: 'HikCentral has no event subscriptions.',
  legendComplete: (receiver) => `(* = this receiver, ${receiver}; every access-granted type is subscribed)`,
  legendMissing: (receiver, types) => `(* = this receiver, ${receiver}; NOT subscribed: ${types})`,
  noUrl: 'no address to subscribe: WEBHOOK_URL is not set',
  noUrlHint: 'Set WEBHOOK_URL to the address HikCentral reaches the receiver at (e.g. http://10.0.4.15:8089/hik/events), or pass --url.',
  noToken: 'push is not configured: WEBHOOK_TOKEN is needed to subscribe',
  noTokenHint: 'Set WEBHOOK_TOKEN (a long random value) and WEBHOOK_URL; the receiver refuses pushes without the token.',
  badEventTypes: (text) => `--event-types must be a comma-separated list of event codes, got "${text}"`,
};

export const PUSH_WORDS_ES: PushCommandWords = {
  alreadyInPlace: (count, dest) => `La suscripción ya existe: ${count} tipos de evento → ${dest}`,
  subscribed: (count, dest) => `Suscriptos ${count} tipos de evento → ${dest}`,
  moved: (types) => `  traídos desde otra dirección: ${types}`,
  alsoSentHere: (types) => `  también se envían aquí, fuera de los accesos concedidos (no se tocan): ${types}`,
  unsubscribed: (types) => `Tipos de evento dados de baja: ${types}`,
  none: 'ninguno',
  noSubscriptions: 'HikCentral no tiene suscripciones de eventos.',
  legendComplete: (receiver) => `(* = este receptor, ${receiver}; todos los tipos de acceso concedido están suscriptos)`,
  legendMissing: (receiver, types) => `(* = este receptor, ${receiver}; SIN suscribir: ${types})`,
  noUrl: 'no hay dirección a la cual suscribirse: WEBHOOK_URL no está definida',
  noUrlHint: 'Ponga en WEBHOOK_URL la dirección por la que HikCentral llega al receptor (p. ej. http://10.0.4.15:8089/hik/events), o use --url.',
  noToken: 'push no está configurado: para suscribirse hace falta WEBHOOK_TOKEN',
  noTokenHint: 'Defina WEBHOOK_TOKEN (un valor largo y aleatorio) y WEBHOOK_URL; el receptor rechaza los envíos sin el token.',
  badEventTypes: (text) => `--event-types debe ser una lista de códigos de evento separados por comas; se recibió "${text}"`,
};
