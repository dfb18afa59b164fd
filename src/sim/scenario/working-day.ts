import { DateTime } from 'luxon';
import { CODE } from './event-codes.js';
import { computeGroundTruth } from './ground-truth.js';
import { generatePersons } from './persons.js';
import { SeededRandom } from './random.js';
import { NON_TIME_CLOCK_READERS, SITE_DOORS, TIME_CLOCK_ENTRY, TIME_CLOCK_EXIT, TIME_CLOCK_READERS } from './site.js';
import type { AppEntry, HikScenario, SimEvent, SimPerson, TimeClockReader } from './types.js';
import {
  arrivalFor,
  assignShifts,
  EventSink,
  grantedCode,
  offlineWindows,
  QuirkPlanner,
  SHIFT_TEMPLATES,
  uploadInOrderPerReader,
  validateOptions,
  wholeSeconds,
} from './working-day-parts.js';
import type { GeneratedEmployee, GeneratedWorkingDay, WorkingDayOptions } from './working-day-types.js';

export * from './working-day-types.js';

const MINUTE = 60_000;
const SECOND = 1_000;

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
