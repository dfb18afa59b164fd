/**
 * What the CLI says about a command-line option it cannot use, or a command that cannot run
 * here, in English and Spanish (merged into the CLI catalogs).
 */
export const USAGE_EN = {
  'flag.duration': '{flag}: "{value}" is not a duration — use e.g. {flag} 5m (or 90s, 300)',
  'flag.integer': '{flag}: "{value}" is not a whole number from {min} to {max} — use e.g. {flag} {example}',
  'flag.day': '{flag}: "{value}" is not a date — use e.g. {flag} 2026-01-27, {flag} 27/01/2026, {flag} yesterday (ayer)',
  'flag.instant':
    '{flag}: "{value}" is not a date or date-time — use e.g. {flag} 2026-01-27, {flag} 27/01/2026, {flag} yesterday (ayer) (a whole day in {zone}) or {flag} 2026-01-27T06:00:00-03:00',
  'flag.timeOfDay': '--from: "{value}" is not a time of day — use e.g. --from 05:45 (24-hour HH:MM)',
  'flag.source': '--source: "{value}" — use hikcentral or isapi',
  'flag.retryOneOf': 'dead-letters retry: give one of --id, --all or --dead — e.g. dead-letters retry --id 12 15',
  'flag.retryWhich':
    'dead-letters retry: say which punches — e.g. dead-letters retry --id 12 15, --dead (every dead one) or --all (dead, rejected and review; ids from `dead-letters list`)',
  'flag.fixedWhich': 'dead-letters fixed: say which punches — e.g. dead-letters fixed --id 12 15 (ids from `dead-letters list`)',
  'flag.reprocessFrom': 'reprocess: say from which day — e.g. reprocess --from 2026-01-20 --to 2026-01-27 --dry-run',
  'flag.reprocessOrder': 'reprocess: --to {to} is before --from {from}',
  'context.needsSite': '`{command}` needs a real site: HIKVISION_HOST, HIK_APP_KEY, HIK_SECRET and HUMAND_AUTH are not set',
  'context.needsSiteHint':
    'Copy .env.example to .env and fill it in (README, "Going live"), then run `hik2humand doctor`. Without credentials, `npm start` runs the demo against built-in simulators.',
  'context.noLedger': 'there is no ledger at {path}',
  'context.noLedgerDemo': 'Nothing has run here yet: `npm start` runs the demo (its ledger is ./data/demo.db), or configure a site (README, "Going live").',
  'context.noLedgerLive':
    'Set DATABASE_PATH to the ledger the service uses (run from the same folder, with the same .env), or run `hik2humand sync` / `run` first.',
};

export const USAGE_ES: Readonly<Record<keyof typeof USAGE_EN, string>> = {
  'flag.duration': '{flag}: "{value}" no es una duración — use p. ej. {flag} 5m (o 90s, 300)',
  'flag.integer': '{flag}: "{value}" no es un número entero de {min} a {max} — use p. ej. {flag} {example}',
  'flag.day': '{flag}: "{value}" no es una fecha — use p. ej. {flag} 27/01/2026, {flag} 2026-01-27, {flag} ayer (yesterday)',
  'flag.instant':
    '{flag}: "{value}" no es una fecha ni una fecha y hora — use p. ej. {flag} 27/01/2026, {flag} 2026-01-27, {flag} ayer (yesterday) (un día entero en {zone}) o {flag} 2026-01-27T06:00:00-03:00',
  'flag.timeOfDay': '--from: "{value}" no es una hora del día — use p. ej. --from 05:45 (24 horas, HH:MM)',
  'flag.source': '--source: "{value}" — use hikcentral o isapi',
  'flag.retryOneOf': 'dead-letters retry: indique una sola de --id, --all o --dead — p. ej. dead-letters retry --id 12 15',
  'flag.retryWhich':
    'dead-letters retry: indique qué fichadas — p. ej. dead-letters retry --id 12 15, --dead (todas las fallidas) o --all (fallidas, rechazadas y en revisión; los ids salen de `dead-letters list`)',
  'flag.fixedWhich': 'dead-letters fixed: indique qué fichadas — p. ej. dead-letters fixed --id 12 15 (los ids salen de `dead-letters list`)',
  'flag.reprocessFrom': 'reprocess: indique desde qué día — p. ej. reprocess --from 2026-01-20 --to 2026-01-27 --dry-run',
  'flag.reprocessOrder': 'reprocess: --to {to} es anterior a --from {from}',
  'context.needsSite': '`{command}` necesita un sitio real: HIKVISION_HOST, HIK_APP_KEY, HIK_SECRET y HUMAND_AUTH no están definidas',
  'context.needsSiteHint':
    'Copie .env.example a .env y complételo (README.es.md, "Puesta en marcha a mano"), luego ejecute `hik2humand doctor`. Sin credenciales, `npm start` ejecuta la demo contra simuladores incluidos.',
  'context.noLedger': 'no hay un registro en {path}',
  'context.noLedgerDemo': 'Aquí todavía no se ejecutó nada: `npm start` ejecuta la demo (su registro es ./data/demo.db), o configure un sitio (README.es.md).',
  'context.noLedgerLive':
    'Ponga en DATABASE_PATH el registro que usa el servicio (ejecute desde la misma carpeta, con el mismo .env), o ejecute antes `hik2humand sync` / `run`.',
};
