import { INIT_EN } from '../init/init-words-en.js';
import { INIT_ES } from '../init/init-words-es.js';
import type { ReaderLabel } from '../init/init-words.js';
import { pluralOf } from '../../domain/plural.js';

const en = pluralOf('en');
const es = pluralOf('es');

/** What doctor says about the site rules against HikCentral, in English and Spanish. */
export interface SiteRuleWords {
  /** A reader with its passages, as init shows it. */
  reader(label: ReaderLabel): string;
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
  overlooked(message: string, names: string, count: number): string;
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
  reader: INIT_EN.reader,
  lastDays: (days) => en(days, 'the last day', `the last ${days} days`),
  doorList: (count) => `HikCentral's door list (${count} ${en(count, 'door', 'doors')})`,
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
  passagesOk: (configured, passages, where) => `${configured}: ${passages} ${en(passages, 'passage', 'passages')} in ${where}`,
  noneGranted: (events, days) =>
    `HikCentral reported ${events} ${en(events, 'door event', 'door events')} and no access-granted passage of a person in ${en(days, 'the last day', `the last ${days} days`)}`,
  noneGrantedFix: "Check that HIK_USER_ID (if set) may see the doors' events, and that the devices upload to HikCentral.",
  timeClockMark: ' [time clock]',
  more: (count) => `; ${count} more`,
  busiest: (days, shown, more) => `readers with passages in ${en(days, 'the last day', `the last ${days} days`)}, busiest first: ${shown}${more}`,
  overlooked: (message, names, count) =>
    `${message}; ${names} ${en(count, 'looks like a time clock but is not configured', 'look like time clocks but are not configured')}`,
  overlookedFix: 'If employees clock there, add it to timeClocks in the config file (hik2humand init proposes the direction); otherwise ignore this.',
  inLastDays: (days) => en(days, 'in the last day', `in the last ${days} days`),
  nobodyPassed: (where) => `nobody passed a configured time clock ${where}`,
  allMapped: (passed, where, strategy) =>
    `${en(passed, 'the one person who passed a time clock', `all ${passed} persons who passed a time clock`)} ${where} ${en(passed, 'maps', 'map')} to an active Humand user (mapping by ${strategy})`,
  wouldBeUnmapped: (unmapped, passed, where, strategy, examples) =>
    `${unmapped} of ${passed} ${en(passed, 'person', 'persons')} who passed a time clock ${where} would be unmapped (mapping by ${strategy}; their punches wait as "unmapped"): ${examples}`,
  unmappedFix:
    "Give each employee a Humand user whose employeeInternalId is their key, or fix the key in their HikCentral record (the dashboard's Mapping page lists them); if none maps, mapping.strategy is wrong (docs/configuration.md).",
  scanFailed: (days, error) => `could not read HikCentral's door events of ${en(days, 'the last day', `the last ${days} days`)}: ${error}`,
  scanFailedFix: 'Run doctor again; if it persists, check that HIK_USER_ID (if set) may read door events.',
  or: ' or ',
};

export const SITE_RULES_ES: SiteRuleWords = {
  reader: INIT_ES.reader,
  lastDays: (days) => es(days, 'el último día', `los últimos ${days} días`),
  doorList: (count) => `la lista de puertas de HikCentral (${count} ${es(count, 'puerta', 'puertas')})`,
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
  passagesOk: (configured, passages, where) => `${configured}: ${passages} ${es(passages, 'pasada', 'pasadas')} en ${where}`,
  noneGranted: (events, days) =>
    `HikCentral informó ${events} ${es(events, 'evento', 'eventos')} de puerta y ninguna pasada permitida de una persona en ${es(days, 'el último día', `los últimos ${days} días`)}`,
  noneGrantedFix: 'Verifique que HIK_USER_ID (si está definido) pueda ver los eventos de las puertas, y que los dispositivos suban sus eventos a HikCentral.',
  timeClockMark: ' [reloj]',
  more: (count) => `; ${count} más`,
  busiest: (days, shown, more) => `lectores con pasadas en ${es(days, 'el último día', `los últimos ${days} días`)}, los más usados primero: ${shown}${more}`,
  overlooked: (message, names, count) =>
    `${message}; ${names} ${es(count, 'parece un reloj de fichada pero no está configurado', 'parecen relojes de fichada pero no están configurados')}`,
  overlookedFix: 'Si los empleados fichan ahí, agréguelo a timeClocks en el archivo de configuración (hik2humand init propone el sentido); si no, ignore esto.',
  inLastDays: (days) => es(days, 'en el último día', `en los últimos ${days} días`),
  nobodyPassed: (where) => `nadie pasó por un reloj configurado ${where}`,
  allMapped: (passed, where, strategy) =>
    `${es(passed, 'la única persona que pasó', `las ${passed} personas que pasaron`)} por un reloj ${where} ${es(passed, 'se vincula', 'se vinculan')} con un usuario activo de Humand (vinculación por ${strategy})`,
  wouldBeUnmapped: (unmapped, passed, where, strategy, examples) =>
    `${unmapped} de ${passed} ${es(passed, 'persona que pasó', 'personas que pasaron')} por un reloj ${where} ${es(unmapped, 'quedaría', 'quedarían')} sin vincular (vinculación por ${strategy}; sus fichadas esperan como "sin vincular"): ${examples}`,
  unmappedFix:
    'Dé a cada empleado un usuario de Humand cuyo employeeInternalId sea su clave, o corrija la clave en su ficha de HikCentral (la página Cobertura del panel los lista); si ninguno se vincula, mapping.strategy es incorrecta (docs/configuration.md).',
  scanFailed: (days, error) => `no se pudieron leer los eventos de puerta de HikCentral de ${es(days, 'el último día', `los últimos ${days} días`)}: ${error}`,
  scanFailedFix: 'Vuelva a ejecutar doctor; si sigue pasando, verifique que HIK_USER_ID (si está definido) pueda leer eventos de puerta.',
  or: ' o ',
};
