/** What `reprocess` prints, in English and Spanish (merged into the CLI catalogs). */
export const REPROCESS_EN = {
  'reprocess.dryRun': 'Dry run — nothing changed. ',
  'reprocess.looked': {
    one: 'Punches of {from}..{to} under the current rules and mapping: {n} looked at (nothing Humand accepted is ever sent again).',
    other: 'Punches of {from}..{to} under the current rules and mapping: {n} looked at (nothing Humand accepted is ever sent again).',
  },
  'reprocess.changed': {
    one: '  {n} changes its first decision; {queued} of them now go to Humand.',
    other: '  {n} change their first decision; {queued} of them now go to Humand.',
  },
  'reprocess.wouldChange': {
    one: '  {n} would change its first decision; {queued} of them would now be sent to Humand.',
    other: '  {n} would change their first decision; {queued} of them would now be sent to Humand.',
  },
  'reprocess.atDelivery': {
    one: "  {n} decided from the employee's day (double taps, corrected taps, review) is decided again at delivery.",
    other: "  {n} decided from the employee's day (double taps, corrected taps, review) are decided again at delivery.",
  },
  'reprocess.wouldAtDelivery': {
    one: "  {n} decided from the employee's day (double taps, corrected taps, review) would be decided again at delivery.",
    other: "  {n} decided from the employee's day (double taps, corrected taps, review) would be decided again at delivery.",
  },
  'reprocess.more': '  … and {n} more (--json lists them all)',
  'reprocess.serviceDelivers': '  The running service delivers them after its next poll (POLL_INTERVAL).',
};

export const REPROCESS_ES: Readonly<Record<keyof typeof REPROCESS_EN, string | { readonly one: string; readonly other: string }>> = {
  'reprocess.dryRun': 'Prueba: no se cambió nada. ',
  'reprocess.looked': {
    one: 'Fichadas del {from} al {to} con las reglas y la vinculación actuales: {n} revisada (nada de lo que Humand aceptó se envía de nuevo).',
    other: 'Fichadas del {from} al {to} con las reglas y la vinculación actuales: {n} revisadas (nada de lo que Humand aceptó se envía de nuevo).',
  },
  'reprocess.changed': {
    one: '  {n} cambia su primera decisión; {queued} de ellas va ahora a Humand.',
    other: '  {n} cambian su primera decisión; {queued} de ellas van ahora a Humand.',
  },
  'reprocess.wouldChange': {
    one: '  {n} cambiaría su primera decisión; {queued} de ellas se enviaría ahora a Humand.',
    other: '  {n} cambiarían su primera decisión; {queued} de ellas se enviarían ahora a Humand.',
  },
  'reprocess.atDelivery': {
    one: '  {n} decidida según la jornada del empleado (dobles lecturas, lecturas corregidas, a revisar) se decide de nuevo al entregarla.',
    other: '  {n} decididas según la jornada del empleado (dobles lecturas, lecturas corregidas, a revisar) se deciden de nuevo al entregarlas.',
  },
  'reprocess.wouldAtDelivery': {
    one: '  {n} decidida según la jornada del empleado (dobles lecturas, lecturas corregidas, a revisar) se decidiría de nuevo al entregarla.',
    other: '  {n} decididas según la jornada del empleado (dobles lecturas, lecturas corregidas, a revisar) se decidirían de nuevo al entregarlas.',
  },
  'reprocess.more': '  … y {n} más (--json las lista todas)',
  'reprocess.serviceDelivers': '  El servicio en marcha las entrega después de su próxima lectura (POLL_INTERVAL).',
};
