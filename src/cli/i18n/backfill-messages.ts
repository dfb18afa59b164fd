/** What `backfill` prints, in English and Spanish (merged into the CLI catalogs). */
export const BACKFILL_EN = {
  'backfill.finished': 'Backfill finished in {duration}',
  'backfill.row.range': 'Range',
  'backfill.range': '{from} → {to} ({zone})',
  'backfill.read': {
    one: 'read {n} event: {fresh} new, {duplicates} already in the ledger (not sent again)',
    other: 'read {n} events: {fresh} new, {duplicates} already in the ledger (not sent again)',
  },
  'backfill.notDelivered': 'skipped (--no-deliver)',
  'backfill.unmapped': {
    one: "{n} punch unmapped (see the dashboard's Coverage page or `doctor`)",
    other: "{n} punches unmapped (see the dashboard's Coverage page or `doctor`)",
  },
  'backfill.rejected': { one: '{n} punch rejected (see `dead-letters list`)', other: '{n} punches rejected (see `dead-letters list`)' },
  'backfill.dead': {
    one: '{n} punch dead after retries (`dead-letters retry` once fixed)',
    other: '{n} punches dead after retries (`dead-letters retry` once fixed)',
  },
  'backfill.hikUnreadable': 'hik2humand: HikCentral could not be read: {error}',
  'backfill.fix': '  fix: {hint}',
  'backfill.progress': 'Reading HikCentral [{bar}] {percentage}% | {events} events, {fresh} new | ETA {eta_formatted}',
};

export const BACKFILL_ES: Readonly<Record<keyof typeof BACKFILL_EN, string | { readonly one: string; readonly other: string }>> = {
  'backfill.finished': 'Relectura (backfill) terminada en {duration}',
  'backfill.row.range': 'Rango',
  'backfill.range': '{from} → {to} ({zone})',
  'backfill.read': {
    one: 'leído {n} evento: {fresh} nuevos, {duplicates} ya en el registro (no se envían de nuevo)',
    other: 'leídos {n} eventos: {fresh} nuevos, {duplicates} ya en el registro (no se envían de nuevo)',
  },
  'backfill.notDelivered': 'omitida (--no-deliver)',
  'backfill.unmapped': {
    one: '{n} fichada sin vincular (vea la página Cobertura del panel o `doctor`)',
    other: '{n} fichadas sin vincular (vea la página Cobertura del panel o `doctor`)',
  },
  'backfill.rejected': { one: '{n} fichada rechazada (vea `dead-letters list`)', other: '{n} fichadas rechazadas (vea `dead-letters list`)' },
  'backfill.dead': {
    one: '{n} fichada fallida tras los reintentos (`dead-letters retry` una vez corregida la causa)',
    other: '{n} fichadas fallidas tras los reintentos (`dead-letters retry` una vez corregida la causa)',
  },
  'backfill.hikUnreadable': 'hik2humand: no se pudo leer HikCentral: {error}',
  'backfill.fix': '  solución: {hint}',
  'backfill.progress': 'Leyendo HikCentral [{bar}] {percentage}% | {events} eventos, {fresh} nuevos | faltan {eta_formatted}',
};
