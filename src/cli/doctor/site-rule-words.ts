/** What doctor says about the site rules against HikCentral, in English and Spanish. */
export interface SiteRuleWords {
  lastDays(days: number): string;
  doorList(count: number): string;
  doorsWithEvents(where: string, error: string | null): string;
  noDoor(configured: string, listed: string): string;
  doorFix(suggestion: string): string;
  noReader(configured: string, where: string): string;
  readerFix(suggestion: string): string;
  didYouMean(names: string): string;
  doorsAre(names: string): string;
  readersSeen(names: string): string;
  readonly none: string;
  noPassages(configured: string, where: string): string;
  readonly bothMustMatchFix: string;
  readonly whichReaderFix: string;
  passagesOk(configured: string, passages: number, where: string): string;
  noneGranted(events: number, days: number): string;
  readonly noneGrantedFix: string;
  readonly timeClockMark: string;
  more(count: number): string;
  busiest(days: number, shown: string, more: string): string;
  overlooked(message: string, names: string): string;
  readonly overlookedFix: string;
  inLastDays(days: number): string;
  nobodyPassed(where: string): string;
  allMapped(passed: number, where: string, strategy: string): string;
  wouldBeUnmapped(unmapped: number, passed: number, where: string, strategy: string, examples: string): string;
  readonly unmappedFix: string;
  scanFailed(days: number, error: string): string;
  readonly scanFailedFix: string;
  readonly or: string;
}

export const SITE_RULES_EN: SiteRuleWords = {
  lastDays: (days) => `the last ${days} day(s)`,
  doorList: (count) => `HikCentral's door list (${count} door(s))`,
  doorsWithEvents: (where, error) => `the doors with events in ${where} (HikCentral's door list did not answer: ${error})`,
  noDoor: (configured, listed) => `${configured}: no door of that name or index code in ${listed}, so its passages would all be "not a time-clock door"`,
  doorFix: (suggestion) => `In the config file (timeClocks), write the door exactly as HikCentral spells it${suggestion}`,
  noReader: (configured, where) =>
    `${configured}: no reader of that name or index code had any event in ${where} (HikCentral lists doors, not readers: readers are known from their events)`,
  readerFix: (suggestion) => `In the config file (timeClocks), write the reader exactly as HikCentral spells it${suggestion}`,
  didYouMean: (names) => ` — did you mean ${names}?`,
  doorsAre: (names) => ` (doors: ${names})`,
  readersSeen: (names) => ` (readers seen: ${names})`,
  none: 'none',
  noPassages: (configured, where) => `${configured} exists but had no access-granted passage of a person in ${where}`,
  bothMustMatchFix: 'Check that the reader belongs to that door (both must match), or that the time clock is in use.',
  whichReaderFix: 'Check that this is the reader employees clock at (the "passages" line lists the busy ones).',
  passagesOk: (configured, passages, where) => `${configured}: ${passages} passage(s) in ${where}`,
  noneGranted: (events, days) => `HikCentral reported ${events} door event(s) and no access-granted passage of a person in the last ${days} day(s)`,
  noneGrantedFix: "Check that HIK_USER_ID (if set) may see the doors' events, and that the devices upload to HikCentral.",
  timeClockMark: ' [time clock]',
  more: (count) => `; ${count} more`,
  busiest: (days, shown, more) => `readers with passages in the last ${days} day(s), busiest first: ${shown}${more}`,
  overlooked: (message, names) => `${message}; ${names} look(s) like a time clock but is not configured`,
  overlookedFix: 'If employees clock there, add it to timeClocks in the config file (hik2humand init proposes the direction); otherwise ignore this.',
  inLastDays: (days) => `in the last ${days} day(s)`,
  nobodyPassed: (where) => `nobody passed a configured time clock ${where}`,
  allMapped: (passed, where, strategy) => `all ${passed} person(s) who passed a time clock ${where} map to an active Humand user (mapping by ${strategy})`,
  wouldBeUnmapped: (unmapped, passed, where, strategy, examples) =>
    `${unmapped} of ${passed} person(s) who passed a time clock ${where} would be unmapped (mapping by ${strategy}; their punches wait as "unmapped"): ${examples}`,
  unmappedFix:
    "Give each employee a Humand user whose employeeInternalId is their key, or fix the key in their HikCentral record (the dashboard's Mapping page lists them); if none maps, mapping.strategy is wrong (docs/configuration.md).",
  scanFailed: (days, error) => `could not read HikCentral's door events of the last ${days} day(s): ${error}`,
  scanFailedFix: 'Run doctor again; if it persists, check that HIK_USER_ID (if set) may read door events.',
  or: ' or ',
};

export const SITE_RULES_ES: SiteRuleWords = {
  lastDays: (days) => `los últimos ${days} día(s)`,
  doorList: (count) => `la lista de puertas de HikCentral (${count} puerta(s))`,
  doorsWithEvents: (where, error) => `las puertas con eventos en ${where} (la lista de puertas de HikCentral no respondió: ${error})`,
  noDoor: (configured, listed) =>
    `${configured}: no hay ninguna puerta con ese nombre o código en ${listed}, así que todas sus pasadas serían "no es una puerta de reloj"`,
  doorFix: (suggestion) => `En el archivo de configuración (timeClocks), escriba la puerta exactamente como la escribe HikCentral${suggestion}`,
  noReader: (configured, where) =>
    `${configured}: ningún lector con ese nombre o código tuvo eventos en ${where} (HikCentral lista puertas, no lectores: los lectores se conocen por sus eventos)`,
  readerFix: (suggestion) => `En el archivo de configuración (timeClocks), escriba el lector exactamente como lo escribe HikCentral${suggestion}`,
  didYouMean: (names) => ` — ¿quiso decir ${names}?`,
  doorsAre: (names) => ` (puertas: ${names})`,
  readersSeen: (names) => ` (lectores vistos: ${names})`,
  none: 'ninguno',
  noPassages: (configured, where) => `${configured} existe pero no tuvo ninguna pasada permitida de una persona en ${where}`,
  bothMustMatchFix: 'Verifique que el lector pertenezca a esa puerta (ambos deben coincidir), o que el reloj esté en uso.',
  whichReaderFix: 'Verifique que este sea el lector donde fichan los empleados (la línea "pasadas" lista los más usados).',
  passagesOk: (configured, passages, where) => `${configured}: ${passages} pasada(s) en ${where}`,
  noneGranted: (events, days) => `HikCentral informó ${events} evento(s) de puerta y ninguna pasada permitida de una persona en los últimos ${days} día(s)`,
  noneGrantedFix: 'Verifique que HIK_USER_ID (si está definido) pueda ver los eventos de las puertas, y que los dispositivos suban sus eventos a HikCentral.',
  timeClockMark: ' [reloj]',
  more: (count) => `; ${count} más`,
  busiest: (days, shown, more) => `lectores con pasadas en los últimos ${days} día(s), los más usados primero: ${shown}${more}`,
  overlooked: (message, names) => `${message}; ${names} parece(n) un reloj de fichada pero no está(n) configurado(s)`,
  overlookedFix: 'Si los empleados fichan ahí, agréguelo a timeClocks en el archivo de configuración (hik2humand init propone el sentido); si no, ignore esto.',
  inLastDays: (days) => `en los últimos ${days} día(s)`,
  nobodyPassed: (where) => `nadie pasó por un reloj configurado ${where}`,
  allMapped: (passed, where, strategy) =>
    `las ${passed} persona(s) que pasaron por un reloj ${where} se vinculan con un usuario activo de Humand (vinculación por ${strategy})`,
  wouldBeUnmapped: (unmapped, passed, where, strategy, examples) =>
    `${unmapped} de ${passed} persona(s) que pasaron por un reloj ${where} quedarían sin vincular (vinculación por ${strategy}; sus fichadas esperan como "sin vincular"): ${examples}`,
  unmappedFix:
    'Dé a cada empleado un usuario de Humand cuyo employeeInternalId sea su clave, o corrija la clave en su ficha de HikCentral (la página Cobertura del panel los lista); si ninguno se vincula, mapping.strategy es incorrecta (docs/configuration.md).',
  scanFailed: (days, error) => `no se pudieron leer los eventos de puerta de HikCentral de los últimos ${days} día(s): ${error}`,
  scanFailedFix: 'Vuelva a ejecutar doctor; si sigue pasando, verifique que HIK_USER_ID (si está definido) pueda leer eventos de puerta.',
  or: ' o ',
};
