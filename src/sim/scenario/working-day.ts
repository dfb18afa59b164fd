import { DateTime, IANAZone } from 'luxon';
import { BadInputError } from '../../domain/errors.js';
import { CODE } from './event-codes.js';
import { computeGroundTruth } from './ground-truth.js';
import { generatePersons } from './persons.js';
import { SeededRandom } from './random.js';
import { DEVICE_ATTENDANCE_STATUS, NON_TIME_CLOCK_READERS, SITE_DOORS, TIME_CLOCK_ENTRY, TIME_CLOCK_EXIT, TIME_CLOCK_READERS } from './site.js';
import type { AppEntry, GroundTruth, HikScenario, SimEvent, SimPerson, TimeClockReader } from './types.js';

export type ShiftKind = 'morning' | 'afternoon' | 'office' | 'night' | 'absent' | 'early';

/**
 * What real employees do that the plain day leaves out (issue #9). Every behaviour is off by
 * default, and a day generated without any is exactly the day generated before they existed.
 * Rates are shares of the employees a behaviour can apply to; each employee gets at most one.
 */
export interface DayBehaviours {
  /** Shift starts and ends preceded by a tap on the opposite time clock 15–45 s earlier (both mirrors). */
  readonly wrongReaderRate?: number;
  /**
   * Employees who also use the Humand app (entries in `appEntries`, source APP): clock in by app
   * instead of the terminal; by app and terminal seconds apart; leave by app mid-morning and come
   * back through the terminal; clock out by app.
   */
  readonly appRate?: number;
  /** Employees who forget to clock out; some afternoon ones come back for an early shift the next day (03:30–03:55). */
  readonly forgottenClockOutRate?: number;
  /** Employees who forget to clock in (their clock-out is an END without START: review). */
  readonly forgottenClockInRate?: number;
  /** Morning employees moved to an early shift (03:30–03:55 to about 12:00: before the 04:00 day boundary). */
  readonly earlyShiftRate?: number;
  /** One time clock in `alternate` mode instead of an entry and an exit clock (night shifts stay). */
  readonly oneTerminal?: boolean;
  /** On a one-terminal site: arrivals tapped again 2–8 minutes later (a re-tap, never a flip). */
  readonly reTapRate?: number;
  /** Readers whose device writes times in another zone (`UTC` → `Z`, `UTC+1` → `+01:00`). */
  readonly readerTimeZones?: Readonly<Record<string, string>>;
  /** Morning and office employees deleted in HikCentral at 12:00 (still on shift). */
  readonly deletedAtNoonRate?: number;
}

/** Every behaviour at once, at rates that give each a few employees in a 200-person day. */
export const ALL_BEHAVIOURS: DayBehaviours = {
  wrongReaderRate: 0.06,
  appRate: 0.08,
  forgottenClockOutRate: 0.04,
  forgottenClockInRate: 0.02,
  earlyShiftRate: 0.1,
  readerTimeZones: { '201': 'UTC' },
  deletedAtNoonRate: 0.04,
};

export interface WorkingDayOptions {
  /** The working day, YYYY-MM-DD, in the site timezone. Night shifts end the next morning. */
  readonly date: string;
  /** IANA zone, e.g. America/Argentina/Buenos_Aires. */
  readonly timezone: string;
  readonly employees: number;
  readonly seed: number;
  /** Target share of events at doors that are not time clocks (the real site: 0.91). Default 0.9. */
  readonly nonTimeClockShare?: number;
  /** Chance that a punch is followed by a second tap on the same reader seconds later. Default 0.08. */
  readonly doubleTapRate?: number;
  /** Chance that a punch is preceded by a refused face at the same reader. Default 0.06. */
  readonly refusalRate?: number;
  /** Share of persons without a card (face only). Default 0.15. */
  readonly faceOnlyRate?: number;
  /** Share of persons carrying the "Legajo" custom field (= their employee number). Default 0.3. */
  readonly customFieldRate?: number;
  /** Devices that go offline and upload late (minutes to an hour). Default true. */
  readonly lateDevices?: boolean;
  /** Issue #9's behaviours; none by default. */
  readonly behaviours?: DayBehaviours;
}

export interface GeneratedEmployee {
  /** = the person's personCode (employee number). */
  readonly employeeInternalId: string;
  readonly personId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly shift: ShiftKind;
}

export interface GeneratedWorkingDay {
  readonly scenario: HikScenario;
  /** What a correct middleware must produce (see computeGroundTruth for the rules). */
  readonly expected: GroundTruth;
  /** Configure the pipeline with exactly these readers and directions. */
  readonly timeClockReaders: readonly TimeClockReader[];
  /** Everyone on the site, e.g. to create the matching Humand users. */
  readonly employees: readonly GeneratedEmployee[];
  /** [startMs, endMs): local midnight of `date` to local midnight two days later; holds every eventTime. */
  readonly window: { readonly startMs: number; readonly endMs: number };
  /** Entries the employees make in the Humand app: write each into Humand once its time has come. */
  readonly appEntries: readonly AppEntry[];
  /** Persons deleted in HikCentral during the day: remove each once its time has come. */
  readonly deletions: ReadonlyArray<{ readonly personId: string; readonly atMs: number }>;
}

const MINUTE = 60_000;
const SECOND = 1_000;

interface ShiftTemplate {
  readonly start: string;
  readonly end: string;
  readonly endsNextDay: boolean;
}

const SHIFT_TEMPLATES: Record<Exclude<ShiftKind, 'absent'>, ShiftTemplate> = {
  morning: { start: '06:00', end: '14:00', endsNextDay: false },
  afternoon: { start: '14:00', end: '22:00', endsNextDay: false },
  office: { start: '09:00', end: '18:00', endsNextDay: false },
  night: { start: '22:00', end: '06:00', endsNextDay: true },
  early: { start: '03:30', end: '12:00', endsNextDay: false },
};

type Quirk = 'wrong-reader' | 'app-in' | 'app-and-terminal' | 'app-break' | 'app-out' | 'forgot-out' | 'forgot-in' | 're-tap' | 'none';

type DraftEvent = Omit<SimEvent, 'arrivalTime'>;

/**
 * A realistic, deterministic working day at one site (same options → same scenario), with the
 * ground truth a correct middleware must reach.
 */
export function generateWorkingDay(options: WorkingDayOptions): GeneratedWorkingDay {
  validateOptions(options);
  const random = new SeededRandom(options.seed);
  const zone = options.timezone;
  const day = DateTime.fromISO(options.date, { zone }).startOf('day');
  const localTimes = new Map<string, number>();
  const at = (hhmm: string, plusDays = 0): number => {
    const key = `${plusDays}/${hhmm}`;
    let ms = localTimes.get(key);
    if (ms === undefined) {
      const [hour, minute] = hhmm.split(':').map(Number);
      ms = day
        .plus({ days: plusDays })
        .set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 })
        .toMillis();
      localTimes.set(key, ms);
    }
    return ms;
  };

  const persons = generatePersons(options.employees, random, {
    faceOnlyRate: options.faceOnlyRate ?? 0.15,
    customFieldRate: options.customFieldRate ?? 0.3,
  });
  const behaviours = options.behaviours ?? {};
  // Behaviours draw from their own stream: the plain day's events stay exactly as they were.
  const quirks = new QuirkPlanner(behaviours, new SeededRandom((options.seed ^ 0x5bd1e995) >>> 0));
  const shifts = quirks.earlyShifts(assignShifts(persons.length, random));
  const events = new EventSink(random);
  const doubleTapRate = options.doubleTapRate ?? 0.08;
  const refusalRate = options.refusalRate ?? 0.06;
  const oneTerminal = behaviours.oneTerminal === true;
  const entryClock = TIME_CLOCK_ENTRY;
  const exitClock = oneTerminal ? TIME_CLOCK_ENTRY : TIME_CLOCK_EXIT;
  const appEntries: AppEntry[] = [];
  const deletions: Array<{ personId: string; atMs: number }> = [];
  /** Wrong-reader taps and the tap that was meant: uploaded together (one controller). */
  const pairs: Array<[string, string]> = [];

  const punch = (person: SimPerson, clock: typeof TIME_CLOCK_ENTRY | typeof TIME_CLOCK_EXIT, when: number, wrongFirst = false): void => {
    const where = { doorIndexCode: clock.doorIndexCode, readerIndexCode: clock.readerIndexCode };
    let wrongId: string | null = null;
    if (wrongFirst) {
      const wrong = clock.readerIndexCode === TIME_CLOCK_ENTRY.readerIndexCode ? TIME_CLOCK_EXIT : TIME_CLOCK_ENTRY;
      wrongId = events.add(
        person,
        { doorIndexCode: wrong.doorIndexCode, readerIndexCode: wrong.readerIndexCode },
        grantedCode(person, random),
        when - quirks.int(15, 45) * SECOND,
      );
    }
    if (random.chance(refusalRate)) {
      events.add(person, where, random.pick([CODE.faceFailed, CODE.faceFailed, 197161]), when - random.int(3, 15) * SECOND);
    }
    const code = grantedCode(person, random);
    const meantId = events.add(person, where, code, when);
    if (wrongId !== null) pairs.push([wrongId, meantId]);
    if (random.chance(doubleTapRate)) events.add(person, where, code, when + random.int(2, 20) * SECOND);
  };
  const appEntry = (person: SimPerson, type: 'START' | 'END', when: number): void => {
    const time = wholeSeconds(when);
    appEntries.push({
      employeeInternalId: person.personCode,
      type,
      time,
      isoTime: DateTime.fromMillis(time, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ"),
      source: 'APP',
    });
  };

  const onSite: Array<{ person: SimPerson; from: number; to: number }> = [];
  const employees: GeneratedEmployee[] = [];
  persons.forEach((person, index) => {
    const shift = shifts[index] ?? 'morning';
    employees.push({
      employeeInternalId: person.personCode,
      personId: person.personId,
      firstName: person.personGivenName,
      lastName: person.personFamilyName,
      email: person.email,
      shift,
    });
    if (shift === 'absent') return;
    const template = SHIFT_TEMPLATES[shift];
    const clockIn = at(template.start) + random.int(-20 * 60, 10 * 60) * SECOND;
    const clockOut = at(template.end, template.endsNextDay ? 1 : 0) + random.int(-5 * 60, 25 * 60) * SECOND;
    const quirk = quirks.quirkFor(shift);
    const wrongAt = quirk === 'wrong-reader' ? quirks.pick(['start', 'end', 'both'] as const) : null;
    if (quirk === 'app-in' || quirk === 'app-and-terminal') appEntry(person, 'START', clockIn);
    if (quirk === 'app-and-terminal') punch(person, entryClock, clockIn + quirks.int(10, 30) * SECOND);
    else if (quirk !== 'app-in' && quirk !== 'forgot-in') punch(person, entryClock, clockIn, wrongAt === 'start' || wrongAt === 'both');
    if (quirk === 're-tap') events.add(person, entryClock, grantedCode(person, random), clockIn + quirks.int(2 * 60, 8 * 60) * SECOND);
    if (quirk === 'app-break') {
      const leave = at('10:00') + quirks.int(-20 * 60, 20 * 60) * SECOND;
      const back = at('11:00') + quirks.int(0, 20 * 60) * SECOND;
      appEntry(person, 'END', leave);
      punch(person, entryClock, back);
      onSite.push({ person, from: clockIn, to: leave }, { person, from: back, to: clockOut });
    } else if (shift === 'office' && quirk !== 'forgot-in' && random.chance(0.5)) {
      const lunchOut = at('12:30') + random.int(0, 60 * 60) * SECOND;
      const lunchIn = lunchOut + random.int(30 * 60, 60 * 60) * SECOND;
      punch(person, exitClock, lunchOut);
      punch(person, entryClock, lunchIn);
      onSite.push({ person, from: clockIn, to: lunchOut }, { person, from: lunchIn, to: clockOut });
    } else {
      onSite.push({ person, from: clockIn, to: clockOut });
    }
    if (quirk === 'app-out') appEntry(person, 'END', clockOut);
    else if (quirk !== 'forgot-out') punch(person, exitClock, clockOut, wrongAt === 'end' || wrongAt === 'both');
    if (quirk === 'forgot-out' && shift === 'afternoon') {
      // Back the next day for an early shift, before the 04:00 day boundary.
      const earlyIn = at('03:40', 1) + quirks.int(-20 * 60, 10 * 60) * SECOND;
      const earlyOut = at('12:00', 1) + quirks.int(-5 * 60, 25 * 60) * SECOND;
      punch(person, entryClock, earlyIn);
      punch(person, exitClock, earlyOut);
      onSite.push({ person, from: earlyIn, to: earlyOut });
    }
    if ((shift === 'morning' || shift === 'office') && quirk === 'none' && quirks.deletedAtNoon())
      deletions.push({ personId: person.personId, atMs: at('12:00') });
  });

  // Nobody's passages at the time clocks: visitor cards let in, unknown cards refused.
  const clocks = oneTerminal ? [TIME_CLOCK_ENTRY] : [TIME_CLOCK_ENTRY, TIME_CLOCK_EXIT];
  for (let i = 0; i < Math.floor(persons.length / 50) + 1; i++) {
    const clock = random.pick(clocks);
    const where = { doorIndexCode: clock.doorIndexCode, readerIndexCode: clock.readerIndexCode };
    const when = at('08:00') + random.int(0, 10 * 60) * MINUTE;
    events.add(null, where, CODE.validCard, when, `9${random.int(10_000_000, 99_999_999)}`);
    events.add(null, where, CODE.cardUnknown, when + random.int(20, 90) * MINUTE, `8${random.int(10_000_000, 99_999_999)}`);
  }
  for (const clock of clocks) {
    for (let i = 0; i < 2; i++)
      events.addDoorState(clock.doorIndexCode, random.pick([CODE.doorOpened, CODE.doorOpenedRemotely]), at('07:00') + random.int(0, 12 * 60) * MINUTE);
  }

  // The doors that are not time clocks get most of the traffic.
  const share = options.nonTimeClockShare ?? 0.9;
  const target = Math.round((events.count() * share) / (1 - share));
  const nonClockDoors = SITE_DOORS.filter((door) => !clocks.some((clock) => clock.doorIndexCode === door.doorIndexCode));
  for (let i = 0; i < target && onSite.length > 0; i++) {
    if (random.chance(0.03)) {
      events.addDoorState(
        random.pick(nonClockDoors).doorIndexCode,
        random.pick([CODE.doorOpened, CODE.doorOpenedByButton, CODE.doorForced]),
        at('06:00') + random.int(0, 16 * 60) * MINUTE,
      );
      continue;
    }
    const stay = random.pick(onSite);
    const margin = Math.min(3 * MINUTE, (stay.to - stay.from) / 4);
    const when = stay.from + margin + Math.floor(random.next() * Math.max(1, stay.to - stay.from - 2 * margin));
    const code = random.chance(0.04) ? CODE.noPermission : grantedCode(stay.person, random);
    events.add(stay.person, random.pick(NON_TIME_CLOCK_READERS), code, when);
  }

  const offline = options.lateDevices === false ? new Map<string, Array<[number, number]>>() : offlineWindows(random, at);
  const arrivals = new Map(events.drafts().map((draft) => [draft.eventId, arrivalFor(draft, offline, random)]));
  // Both only ever move an arrival later, so a few rounds settle them together.
  for (let changed = true; changed;) {
    changed = uploadInOrderPerReader(events.drafts(), arrivals);
    for (const [wrong, meant] of pairs) {
      const together = Math.max(arrivals.get(wrong) ?? 0, arrivals.get(meant) ?? 0);
      if (arrivals.get(wrong) !== together || arrivals.get(meant) !== together) changed = true;
      arrivals.set(wrong, together);
      arrivals.set(meant, together);
    }
  }
  const scenarioEvents = events
    .drafts()
    .map((draft): SimEvent => ({ ...draft, arrivalTime: arrivals.get(draft.eventId) ?? draft.eventTime }))
    .sort((a, b) => a.eventTime - b.eventTime || (a.eventId < b.eventId ? -1 : 1));

  const site = behaviours.readerTimeZones === undefined ? { timezone: zone } : { timezone: zone, readerTimeZones: behaviours.readerTimeZones };
  const scenario: HikScenario = { site, persons, doors: SITE_DOORS, events: scenarioEvents };
  const timeClockReaders: readonly TimeClockReader[] = oneTerminal ? [{ ...TIME_CLOCK_ENTRY, direction: 'in', mode: 'alternate' }] : TIME_CLOCK_READERS;
  appEntries.sort((a, b) => a.time - b.time || a.employeeInternalId.localeCompare(b.employeeInternalId));
  return {
    scenario,
    expected: computeGroundTruth(scenario, timeClockReaders, {}, appEntries),
    timeClockReaders,
    employees,
    window: { startMs: day.toMillis(), endMs: day.plus({ days: 2 }).toMillis() },
    appEntries,
    deletions,
  };
}

function validateOptions(options: WorkingDayOptions): void {
  const problems: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || !DateTime.fromISO(options.date).isValid) problems.push(`date "${options.date}" is not a YYYY-MM-DD date`);
  if (!IANAZone.isValidZone(options.timezone)) problems.push(`timezone "${options.timezone}" is not an IANA zone (e.g. America/Argentina/Buenos_Aires)`);
  if (!Number.isInteger(options.employees) || options.employees < 0 || options.employees > 100_000)
    problems.push(`employees ${options.employees} must be a whole number from 0 to 100000`);
  if (!Number.isInteger(options.seed)) problems.push(`seed ${options.seed} must be a whole number`);
  const share = options.nonTimeClockShare;
  if (share !== undefined && !(share >= 0 && share < 1)) problems.push(`nonTimeClockShare ${share} must be in [0, 1)`);
  for (const [name, rate] of Object.entries(options.behaviours ?? {})) {
    if (name.endsWith('Rate') && !(typeof rate === 'number' && rate >= 0 && rate <= 1)) problems.push(`behaviours.${name} ${String(rate)} must be in [0, 1]`);
  }
  const rates = options.behaviours ?? {};
  const quirkShare =
    (rates.wrongReaderRate ?? 0) + (rates.appRate ?? 0) + (rates.forgottenClockOutRate ?? 0) + (rates.forgottenClockInRate ?? 0) + (rates.reTapRate ?? 0);
  if (quirkShare > 1) problems.push(`behaviours: the per-employee rates add up to ${quirkShare}, more than 1`);
  if (problems.length > 0) throw new BadInputError(`generateWorkingDay: ${problems.join('; ')}`, { hint: 'Fix the generator options.' });
}

/** Shares: 35% morning, 30% afternoon, 20% office, 10% night (at least one from 2 employees), 5% absent. */
function assignShifts(count: number, random: SeededRandom): ShiftKind[] {
  const night = count >= 2 ? Math.max(1, Math.round(count * 0.1)) : 0;
  const absent = Math.round(count * 0.05);
  const office = Math.round(count * 0.2);
  const afternoon = Math.round(count * 0.3);
  const morning = Math.max(0, count - night - absent - office - afternoon);
  const kinds: ShiftKind[] = [
    ...Array<ShiftKind>(morning).fill('morning'),
    ...Array<ShiftKind>(afternoon).fill('afternoon'),
    ...Array<ShiftKind>(office).fill('office'),
    ...Array<ShiftKind>(night).fill('night'),
    ...Array<ShiftKind>(absent).fill('absent'),
  ].slice(0, count);
  return random.shuffle(kinds);
}

function grantedCode(person: SimPerson, random: SeededRandom): number {
  if (person.cardNos.length === 0) return CODE.faceAuthenticated;
  const roll = random.next();
  if (roll < 0.7) return CODE.faceAuthenticated;
  if (roll < 0.9) return CODE.validCard;
  return CODE.faceAndCard;
}

/**
 * Devices that were offline upload what they stored when they come back: the entry clock
 * around the morning shift change, the exit clock around the afternoon one, and some other
 * readers at random.
 */
function offlineWindows(random: SeededRandom, at: (hhmm: string, plusDays?: number) => number): Map<string, Array<[number, number]>> {
  const windows = new Map<string, Array<[number, number]>>();
  const entryStart = at('05:45') + random.int(0, 20) * MINUTE;
  windows.set(TIME_CLOCK_ENTRY.readerIndexCode, [[entryStart, entryStart + random.int(20, 60) * MINUTE]]);
  const exitStart = at('13:50') + random.int(0, 20) * MINUTE;
  windows.set(TIME_CLOCK_EXIT.readerIndexCode, [[exitStart, exitStart + random.int(15, 50) * MINUTE]]);
  for (const reader of NON_TIME_CLOCK_READERS) {
    if (!random.chance(0.3)) continue;
    const start = at('07:00') + random.int(0, 12 * 60) * MINUTE;
    windows.set(reader.readerIndexCode, [[start, start + random.int(10, 60) * MINUTE]]);
  }
  return windows;
}

/**
 * A device uploads its buffer first in, first out: an event never reaches the platform before an
 * earlier event of the same reader. (Without this a re-tap could arrive, and be delivered, before
 * the tap it repeats — a case no middleware can get right, since Humand's entries cannot be edited
 * through its API.)
 */
function uploadInOrderPerReader(drafts: readonly DraftEvent[], arrivals: Map<string, number>): boolean {
  const latest = new Map<string, number>();
  let changed = false;
  for (const draft of [...drafts].sort((a, b) => a.eventTime - b.eventTime || (a.eventId < b.eventId ? -1 : 1))) {
    if (draft.readerIndexCode === null) continue;
    const arrival = Math.max(arrivals.get(draft.eventId) ?? draft.eventTime, latest.get(draft.readerIndexCode) ?? 0);
    if (arrival !== arrivals.get(draft.eventId)) changed = true;
    arrivals.set(draft.eventId, arrival);
    latest.set(draft.readerIndexCode, arrival);
  }
  return changed;
}

function arrivalFor(event: DraftEvent, offline: Map<string, Array<[number, number]>>, random: SeededRandom): number {
  const windows = event.readerIndexCode === null ? undefined : offline.get(event.readerIndexCode);
  const window = windows?.find(([from, to]) => event.eventTime >= from && event.eventTime < to);
  if (window) return window[1] + random.int(5, 120) * SECOND;
  return event.eventTime + (random.chance(0.85) ? random.int(1, 30) : random.int(30, 900)) * SECOND;
}

class EventSink {
  private readonly list: DraftEvent[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  add(person: SimPerson | null, where: { doorIndexCode: string; readerIndexCode: string }, eventType: number, when: number, cardNo?: string): string {
    const isFace = eventType === CODE.faceAuthenticated || eventType === CODE.faceAndCard || eventType === CODE.faceFailed || eventType === 197161;
    const eventId = this.newId();
    this.list.push({
      eventId,
      eventType,
      eventTime: wholeSeconds(when),
      personId: person?.personId ?? null,
      doorIndexCode: where.doorIndexCode,
      readerIndexCode: where.readerIndexCode,
      checkInAndOutType: DEVICE_ATTENDANCE_STATUS[where.readerIndexCode] ?? 0,
      cardNo: cardNo ?? person?.cardNos[0] ?? null,
      picUri: isFace ? `/pic?=d${this.random.hex(6)}i${this.random.hex(8)}*${this.random.hex(4)}` : null,
    });
    return eventId;
  }

  addDoorState(doorIndexCode: string, eventType: number, when: number): void {
    this.list.push({
      eventId: this.newId(),
      eventType,
      eventTime: wholeSeconds(when),
      personId: null,
      doorIndexCode,
      readerIndexCode: null,
      checkInAndOutType: 0,
      cardNo: null,
      picUri: null,
    });
  }

  count(): number {
    return this.list.length;
  }

  drafts(): readonly DraftEvent[] {
    return this.list;
  }

  private newId(): string {
    let id = this.random.hex(32);
    while (this.ids.has(id)) id = this.random.hex(32);
    this.ids.add(id);
    return id;
  }
}

function wholeSeconds(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

/** Who does what (issue #9's behaviours), drawn from its own random stream. */
class QuirkPlanner {
  constructor(
    private readonly behaviours: DayBehaviours,
    private readonly random: SeededRandom,
  ) {}

  /** Some morning employees on the early shift instead. */
  earlyShifts(shifts: ShiftKind[]): ShiftKind[] {
    const rate = this.behaviours.earlyShiftRate ?? 0;
    if (rate <= 0) return shifts;
    return shifts.map((shift) => (shift === 'morning' && this.random.chance(rate) ? 'early' : shift));
  }

  quirkFor(shift: ShiftKind): Quirk {
    const b = this.behaviours;
    const oneTerminal = b.oneTerminal === true;
    const dayShift = shift === 'morning' || shift === 'afternoon' || shift === 'office';
    const candidates: Array<[Quirk | 'app', number]> = oneTerminal
      ? [['re-tap', b.reTapRate ?? 0]]
      : [
          ['wrong-reader', b.wrongReaderRate ?? 0],
          ['app', dayShift ? (b.appRate ?? 0) : 0],
          ['forgot-out', shift === 'night' ? 0 : (b.forgottenClockOutRate ?? 0)],
          ['forgot-in', b.forgottenClockInRate ?? 0],
        ];
    if (candidates.every(([, rate]) => rate <= 0)) return 'none';
    const roll = this.random.next();
    let total = 0;
    for (const [quirk, rate] of candidates) {
      total += rate;
      if (roll >= total) continue;
      if (quirk !== 'app') return quirk;
      const variants: Quirk[] = shift === 'morning' ? ['app-in', 'app-and-terminal', 'app-break', 'app-out'] : ['app-in', 'app-and-terminal', 'app-out'];
      return this.random.pick(variants);
    }
    return 'none';
  }

  deletedAtNoon(): boolean {
    const rate = this.behaviours.deletedAtNoonRate ?? 0;
    return rate > 0 && this.random.chance(rate);
  }

  int(min: number, max: number): number {
    return this.random.int(min, max);
  }

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }
}
