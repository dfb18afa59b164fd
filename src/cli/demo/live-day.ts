import { DateTime } from 'luxon';
import {
  generateWorkingDay,
  type DayBehaviours,
  type GeneratedEmployee,
  type HikScenario,
  type SimEvent,
  type TimeClockReader,
} from '../../sim/scenario/index.js';

export interface LiveDayOptions {
  readonly employees: number;
  readonly seed: number;
  /** Site timezone (IANA). */
  readonly timezone: string;
  /** Seconds of the working day that pass per second of wall time (60 = an hour a minute). */
  readonly speed: number;
  /** The working day's local time (HH:MM) that is "now" when the demo starts. */
  readonly startAt: string;
  readonly nowMs: number;
  /** What real employees do beyond the plain day (wrong reader, forgotten clock-out…). */
  readonly behaviours?: DayBehaviours;
}

export interface LiveDay {
  /** Events re-timed onto the wall clock: each becomes visible as the wall clock reaches its arrival. */
  readonly scenario: HikScenario;
  readonly employees: readonly GeneratedEmployee[];
  readonly timeClockReaders: readonly TimeClockReader[];
  /** Punches at the time clocks expected to reach Humand (from the generator's ground truth). */
  readonly expectedPunches: number;
  /** Employees in the order of their first clock punch sent by the middleware (earliest first). */
  readonly employeesByFirstPunch: readonly string[];
  /** Wall instant of the last event's arrival: after it the day is over. */
  readonly endsAtMs: number;
  /** The generated day's local time (HH:MM) at a wall instant, for progress lines. */
  dayTimeAt(wallMs: number): string;
  /** The wall clock (HH:MM, site zone) at which the day's HH:MM is played. */
  wallTimeOf(dayTime: string): string;
}

const SECOND = 1_000;

/**
 * A generated working day played "live": every event time t becomes
 * now + (t − startAt) / speed on the wall clock, so the day unfolds over the next minutes
 * and the dashboard fills while one watches. Times stay whole seconds, and one person's
 * events keep distinct seconds in their original order (compression must not merge a
 * refused face into the passage right after it: the ledger's natural key is person/second/door).
 */
export function liveWorkingDay(options: LiveDayOptions): LiveDay {
  const date = DateTime.fromMillis(options.nowMs, { zone: options.timezone }).toISODate() ?? '2026-01-27';
  const day = generateWorkingDay({
    date,
    timezone: options.timezone,
    employees: options.employees,
    seed: options.seed,
    ...(options.behaviours ? { behaviours: options.behaviours } : {}),
  });
  const [hour, minute] = options.startAt.split(':').map(Number);
  const anchorMs = DateTime.fromISO(date, { zone: options.timezone })
    .set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 })
    .toMillis();
  const toWall = (ms: number): number => options.nowMs + (ms - anchorMs) / options.speed;

  const lastOfPerson = new Map<string, number>();
  const events: SimEvent[] = day.scenario.events.map((event) => {
    let eventTime = Math.floor(toWall(event.eventTime) / SECOND) * SECOND;
    if (event.personId !== null) {
      const last = lastOfPerson.get(event.personId);
      if (last !== undefined && eventTime <= last) eventTime = last + SECOND;
      lastOfPerson.set(event.personId, eventTime);
    }
    const arrivalTime = Math.max(eventTime, Math.ceil(toWall(event.arrivalTime)));
    return { ...event, eventTime, arrivalTime };
  });
  events.sort((a, b) => a.eventTime - b.eventTime || (a.eventId < b.eventId ? -1 : 1));

  const firstSent = Object.entries(day.expected.timelines)
    .map(([employee, punches]) => [employee, punches.find((p) => p.source === undefined)?.time] as const)
    .filter((entry): entry is readonly [string, number] => entry[1] !== undefined)
    .sort((a, b) => a[1] - b[1]);
  const expectedPunches = Object.values(day.expected.timelines).reduce((sum, punches) => sum + punches.length, 0);
  return {
    scenario: { ...day.scenario, events },
    employees: day.employees,
    timeClockReaders: day.timeClockReaders,
    expectedPunches,
    employeesByFirstPunch: firstSent.map(([employee]) => employee),
    endsAtMs: events.reduce((latest, event) => Math.max(latest, event.arrivalTime), options.nowMs),
    wallTimeOf: (dayTime) => {
      const [h, m] = dayTime.split(':').map(Number);
      const dayMs = DateTime.fromISO(date, { zone: options.timezone })
        .set({ hour: h ?? 0, minute: m ?? 0 })
        .toMillis();
      return DateTime.fromMillis(toWall(dayMs), { zone: options.timezone }).toFormat('HH:mm');
    },
    dayTimeAt: (wallMs) => DateTime.fromMillis(anchorMs + (wallMs - options.nowMs) * options.speed, { zone: options.timezone }).toFormat('HH:mm'),
  };
}
