import type { CliLanguage } from '../i18n/language.js';
import { pluralOf } from '../../domain/plural.js';
import type { CliSettings } from '../settings.js';
import { DEMO_RATE_LIMIT, type DemoSites } from './demo-sites.js';
import type { LiveDay } from './live-day.js';

export interface BannerFacts {
  readonly settings: CliSettings;
  readonly options: { readonly seed: number; readonly speed: number; readonly startAt: string; readonly incidentStepMs: number | null };
  readonly day: LiveDay;
  readonly sites: DemoSites;
  readonly databasePath: string;
  readonly dashboardUrl: string | null;
  readonly receiverUrl: string | null;
  readonly zone: string;
  readonly failingEmployee: string | null;
  readonly pollMs: number;
}

/** What the demo's banner says, in English and Spanish; the labels are padded to one column. */
interface BannerWords {
  readonly title: string;
  readonly terminalsTitle: string;
  readonly label: Readonly<Record<'dashboard' | 'hik' | 'humand' | 'push' | 'day' | 'clock' | 'incidents' | 'ledger' | 'dryRun' | 'terminal', string>>;
  readonly openThis: string;
  readonly adminOff: string;
  readonly hik: string;
  humand(limit: number, seconds: number): string;
  push(receiver: string, seconds: number): string;
  perMinute(speed: number): string;
  day(employees: number, seed: number, perMinute: string): string;
  unmapped(employee: string): string;
  clock(zone: string): string;
  clockSeen(startAt: string, shifts: readonly (readonly [string, string])[]): string;
  readonly incidents: string;
  failing(at: string, employee: string, redriveAt: string): string;
  outage(at: string, until: string): string;
  refused(at: string, until: string): string;
  readonly ledger: string;
  dryRun(dryRun: boolean): string;
  readonly stop: string;
  readonly stopTerminals: string;
  terminal(url: string, receiver: string): string;
  terminalHumand(url: string, limit: number, seconds: number): string;
  terminalDay(employees: number, seed: number, startAt: string, speed: number, pollSeconds: number): string;
}

const en = pluralOf('en');
const es = pluralOf('es');

const EN: BannerWords = {
  title: 'hik2humand DEMO — no credentials are configured, so everything runs against built-in simulators on this machine.',
  terminalsTitle: 'hik2humand DEMO (terminals) — three simulated Hikvision terminals read over ISAPI, no HikCentral.',
  label: {
    dashboard: 'Dashboard',
    hik: 'HikCentral',
    humand: 'Humand',
    push: 'Push',
    day: 'Working day',
    clock: 'Site clock',
    incidents: 'Incidents',
    ledger: 'Ledger',
    dryRun: 'Dry run',
    terminal: 'Terminal',
  },
  openThis: '<- open this',
  adminOff: '(admin server off)',
  hik: 'simulated Artemis gateway, HTTPS with a generated certificate the client trusts',
  humand: (limit, seconds) => `simulated API, rate limit scaled to ${limit} requests per ${seconds} s (real Humand: 50 per minute)`,
  push: (receiver, seconds) => `HikCentral pushes to ${receiver}; HikCentral is also polled every ${seconds} s`,
  perMinute: (speed) =>
    speed >= 60
      ? `${en(Math.round(speed / 60), 'an hour', `${Math.round(speed / 60)} hours`)} of the day every minute`
      : `${en(speed, 'a minute', `${speed} minutes`)} of the day every minute`,
  day: (employees, seed, perMinute) => `${employees} employees (seed ${seed}), ${perMinute}`,
  unmapped: (employee) => `; employee ${employee} deliberately has no Humand user (an "unmapped" example)`,
  clock: (zone) => `${zone}. Punches carry today's real times (Humand takes no entry in the future), so the day is`,
  clockSeen: (startAt, shifts) =>
    `seen on this clock: its ${startAt} is now, ${shifts.map(([time, wall], i) => `${i === 0 ? 'its ' : ''}${time} at ${wall}`).join(', ')}`,
  incidents: 'played on the simulated Humand so the dashboard shows them (--no-incidents: none):',
  failing: (at, employee, redriveAt) => `${at} employee ${employee}'s clocks fail until their first punch dies (Problems page); ${redriveAt} it is re-driven`,
  outage: (at, until) => `${at} Humand out of reach (red banner; punches kept) until ${until}`,
  refused: (at, until) => `${at} Humand refuses the key (delivery paused, probed) until ${until}; a forgotten clock-out and wrong-reader taps are in the day`,
  ledger: '(SQLite, new for each demo)',
  dryRun: (dryRun) => (dryRun ? 'YES — punches are decided and logged, nothing is sent' : 'no (DRY_RUN=true npm run demo decides and logs without sending)'),
  stop: 'Ctrl-C stops everything. To go live see README.md, "Going live".',
  stopTerminals: 'Ctrl-C stops everything.',
  terminal: (url, receiver) => `${url}  digest auth, AcsEvent search, pushes to ${receiver}`,
  terminalHumand: (url, limit, seconds) => `${url}  simulated, ${limit} requests per ${seconds} s`,
  terminalDay: (employees, seed, startAt, speed, pollSeconds) =>
    `${employees} employees (seed ${seed}) from ${startAt} at ${speed}x; terminals polled every ${pollSeconds} s`,
};

const ES: BannerWords = {
  title: 'hik2humand DEMO — no hay credenciales configuradas, así que todo funciona contra simuladores incluidos, en esta máquina.',
  terminalsTitle: 'hik2humand DEMO (terminales) — tres terminales Hikvision simuladas, leídas por ISAPI, sin HikCentral.',
  label: {
    dashboard: 'Panel',
    hik: 'HikCentral',
    humand: 'Humand',
    push: 'Push',
    day: 'Jornada',
    clock: 'Hora del sitio',
    incidents: 'Incidentes',
    ledger: 'Registro',
    dryRun: 'Prueba',
    terminal: 'Terminal',
  },
  openThis: '<- abra esto',
  adminOff: '(servidor de administración apagado)',
  hik: 'gateway Artemis simulado, HTTPS con un certificado generado en el que confía el cliente',
  humand: (limit, seconds) => `API simulada, límite de pedidos reducido a ${limit} cada ${seconds} s (Humand real: 50 por minuto)`,
  push: (receiver, seconds) => `HikCentral envía a ${receiver}; además se consulta HikCentral cada ${seconds} s`,
  perMinute: (speed) =>
    speed >= 60
      ? `${es(Math.round(speed / 60), 'una hora', `${Math.round(speed / 60)} horas`)} de la jornada por minuto`
      : `${es(speed, 'un minuto', `${speed} minutos`)} de la jornada por minuto`,
  day: (employees, seed, perMinute) => `${employees} empleados (semilla ${seed}), ${perMinute}`,
  unmapped: (employee) => `; el empleado ${employee} no tiene usuario en Humand a propósito (un ejemplo "sin vincular")`,
  clock: (zone) => `${zone}. Las fichadas llevan horas reales de hoy (Humand no acepta entradas en el futuro), así que la jornada`,
  clockSeen: (startAt, shifts) =>
    `se ve en este reloj: sus ${startAt} son ahora, ${shifts.map(([time, wall], i) => `${i === 0 ? 'sus ' : ''}${time} a las ${wall}`).join(', ')}`,
  incidents: 'se representan en el Humand simulado para que el panel los muestre (--no-incidents: ninguno):',
  failing: (at, employee, redriveAt) =>
    `${at} los relojes del empleado ${employee} fallan hasta que su primera fichada queda fallida (página Problemas); ${redriveAt} se reenvía`,
  outage: (at, until) => `${at} Humand inalcanzable (aviso rojo; las fichadas se conservan) hasta ${until}`,
  refused: (at, until) =>
    `${at} Humand rechaza la clave (entrega en pausa, con sondeos) hasta ${until}; en la jornada hay una salida olvidada y toques en lectores equivocados`,
  ledger: '(SQLite, nuevo en cada demo)',
  dryRun: (dryRun) => (dryRun ? 'SÍ — las fichadas se deciden y registran, no se envía nada' : 'no (DRY_RUN=true npm run demo decide y registra sin enviar)'),
  stop: 'Ctrl-C detiene todo. Para pasar a producción vea README.es.md.',
  stopTerminals: 'Ctrl-C detiene todo.',
  terminal: (url, receiver) => `${url}  autenticación digest, búsqueda AcsEvent, envía a ${receiver}`,
  terminalHumand: (url, limit, seconds) => `${url}  simulado, ${limit} pedidos cada ${seconds} s`,
  terminalDay: (employees, seed, startAt, speed, pollSeconds) =>
    `${employees} empleados (semilla ${seed}) desde las ${startAt} a ${speed}x; las terminales se leen cada ${pollSeconds} s`,
};

const wordsOf = (language: CliLanguage): BannerWords => (language === 'es' ? ES : EN);

/** Labels padded to one column, continuation lines indented under the text. */
function layout(w: BannerWords): { row: (label: keyof BannerWords['label'], text: string) => string; more: (text: string) => string } {
  const width = Math.max(...Object.values(w.label).map((l) => l.length)) + 2;
  return { row: (label, text) => `  ${w.label[label].padEnd(width)}${text}`, more: (text) => `  ${' '.repeat(width)}${text}` };
}

/** What the demo prints once it listens: where to look, what runs, and when the scripted incidents come. */
export function demoBanner(facts: BannerFacts): string {
  const { options, day, sites, settings } = facts;
  const w = wordsOf(settings.language);
  const { row, more } = layout(w);
  const at = (step: number) => `+${Math.round((step * (options.incidentStepMs ?? 0)) / 1000)} s`;
  const incidents =
    options.incidentStepMs === null
      ? []
      : [
          row('incidents', w.incidents),
          ...(facts.failingEmployee !== null ? [more(w.failing(at(0), facts.failingEmployee, at(6)))] : []),
          more(w.outage(at(2), at(3))),
          more(w.refused(at(4), at(5))),
        ];
  const shifts = ['06:00', '14:00', '22:00'].map((time) => [time, day.wallTimeOf(time)] as const);
  return [
    '',
    w.title,
    row('dashboard', `${facts.dashboardUrl ?? w.adminOff}   ${w.openThis}`),
    row('hik', `${sites.hik.httpsUrl}  ${w.hik}`),
    row('humand', `${sites.humand.url}  ${w.humand(DEMO_RATE_LIMIT.limit, DEMO_RATE_LIMIT.windowMs / 1000)}`),
    row('push', w.push(facts.receiverUrl ?? '?', Math.round(facts.pollMs / 1000))),
    row(
      'day',
      `${w.day(day.employees.length, options.seed, w.perMinute(options.speed))}${sites.unmappedEmployee ? w.unmapped(sites.unmappedEmployee.employeeInternalId) : ''}`,
    ),
    row('clock', w.clock(facts.zone)),
    more(w.clockSeen(options.startAt, shifts)),
    ...incidents,
    row('ledger', `${facts.databasePath} ${w.ledger}`),
    row('dryRun', w.dryRun(settings.config.dryRun)),
    w.stop,
    '',
  ].join('\n');
}

/** The terminals demo's banner (ISAPI, no HikCentral). */
export function terminalDemoBanner(facts: {
  readonly language: CliLanguage;
  readonly dashboardUrl: string | null;
  readonly terminals: readonly (readonly [string, string])[];
  readonly receiverUrl: string;
  readonly humandUrl: string;
  readonly employees: number;
  readonly options: { readonly seed: number; readonly speed: number; readonly startAt: string };
  readonly databasePath: string;
  readonly pollMs: number;
}): string {
  const w = wordsOf(facts.language);
  const { row } = layout(w);
  return [
    '',
    w.terminalsTitle,
    row('dashboard', `${facts.dashboardUrl ?? w.adminOff}   ${w.openThis}`),
    ...facts.terminals.map(([name, url]) => row('terminal', `${name.padEnd(8)} ${w.terminal(url, `${facts.receiverUrl}/${name}`)}`)),
    row('humand', w.terminalHumand(facts.humandUrl, DEMO_RATE_LIMIT.limit, DEMO_RATE_LIMIT.windowMs / 1000)),
    row('day', w.terminalDay(facts.employees, facts.options.seed, facts.options.startAt, facts.options.speed, facts.pollMs / 1000)),
    row('ledger', `${facts.databasePath} ${w.ledger}`),
    w.stopTerminals,
    '',
  ].join('\n');
}
