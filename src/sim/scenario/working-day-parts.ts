import { DateTime, IANAZone } from 'luxon';
import { BadInputError } from '../../domain/errors.js';
import { CODE } from './event-codes.js';
import { SeededRandom } from './random.js';
import { DEVICE_ATTENDANCE_STATUS, NON_TIME_CLOCK_READERS, TIME_CLOCK_ENTRY, TIME_CLOCK_EXIT } from './site.js';
import type { SimEvent, SimPerson } from './types.js';
import type { DayBehaviours, ShiftKind, WorkingDayOptions } from './working-day-types.js';

/** The working-day generator's parts: shift templates, who works which shift, devices offline, upload order. */

const MINUTE = 60_000;
const SECOND = 1_000;

export interface ShiftTemplate {
  readonly start: string;
  readonly end: string;
  readonly endsNextDay: boolean;
}

export const SHIFT_TEMPLATES: Record<Exclude<ShiftKind, 'absent'>, ShiftTemplate> = {
  morning: { start: '06:00', end: '14:00', endsNextDay: false },
  afternoon: { start: '14:00', end: '22:00', endsNextDay: false },
  office: { start: '09:00', end: '18:00', endsNextDay: false },
  night: { start: '22:00', end: '06:00', endsNextDay: true },
  early: { start: '03:30', end: '12:00', endsNextDay: false },
};

export type Quirk = 'wrong-reader' | 'app-in' | 'app-and-terminal' | 'app-break' | 'app-out' | 'forgot-out' | 'forgot-in' | 're-tap' | 'none';

export type DraftEvent = Omit<SimEvent, 'arrivalTime'>;

export function validateOptions(options: WorkingDayOptions): void {
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
export function assignShifts(count: number, random: SeededRandom): ShiftKind[] {
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

export function grantedCode(person: SimPerson, random: SeededRandom): number {
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
export function offlineWindows(random: SeededRandom, at: (hhmm: string, plusDays?: number) => number): Map<string, Array<[number, number]>> {
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
export function uploadInOrderPerReader(drafts: readonly DraftEvent[], arrivals: Map<string, number>): boolean {
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

export function arrivalFor(event: DraftEvent, offline: Map<string, Array<[number, number]>>, random: SeededRandom): number {
  const windows = event.readerIndexCode === null ? undefined : offline.get(event.readerIndexCode);
  const window = windows?.find(([from, to]) => event.eventTime >= from && event.eventTime < to);
  if (window) return window[1] + random.int(5, 120) * SECOND;
  return event.eventTime + (random.chance(0.85) ? random.int(1, 30) : random.int(30, 900)) * SECOND;
}

export class EventSink {
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

export function wholeSeconds(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

/** Who does what (issue #9's behaviours), drawn from its own random stream. */
export class QuirkPlanner {
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
