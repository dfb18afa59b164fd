import { DateTime } from 'luxon';
import { isAccessGranted, isDoorState } from './event-codes.js';
import type { AppEntry, ExpectedEventOutcome, ExpectedPunch, GroundTruth, HikScenario, SimEvent, TimeClockReader } from './types.js';

export interface GroundTruthRules {
  /** Double-tap window: same-direction taps and opposite (wrong-reader) pairs within it. Default 60 s. */
  readonly doubleTapWindowMs?: number;
  /** An alternate-mode clock flips only against an entry this recent; else START. Default 16 h. */
  readonly maxOpenShiftMs?: number;
  /** An alternate-mode tap this soon after the employee's last entry is a re-tap. Default 10 min. */
  readonly minShiftMs?: number;
}

export const DEFAULT_DOUBLE_TAP_WINDOW_MS = 60_000;
export const DEFAULT_MAX_OPEN_SHIFT_MS = 16 * 3_600_000;
export const DEFAULT_MIN_SHIFT_MS = 10 * 60_000;

type EntryType = 'START' | 'END';

interface HumandEntry {
  readonly type: EntryType;
  readonly time: number;
  /** Local date in the site's zone: the date Humand files it under (we send the site's offset). */
  readonly date: string;
  readonly punch: ExpectedPunch;
}

interface Passage {
  readonly event: SimEvent;
  readonly reader: TimeClockReader;
}

/**
 * What a correct middleware must make of a scenario, by the rules of the decision model
 * (issue #9, /docs/simulators.md "ground truth"), not by how the generator meant the events.
 * Each event is first sorted out as noise: door-state code → `door-state`; a reader that is not a
 * time clock → `not-time-clock`; a code that is not access-granted → `refused`; no person, or a
 * personId the site does not know → `no-person`. The rest are passages, taken per employee in
 * eventTime order (eventId breaks ties) against the employee's Humand timeline (the app's entries
 * included, every instant filed under its local date in the site's zone):
 * 1. direction: the reader's in `door` mode; in `alternate` mode a tap within `minShift` after the
 *    last entry is a re-tap (`double-tap`), else the opposite of the last entry when that lies
 *    within `maxOpenShift`, else START;
 * 2. a passage within the window after an earlier passage that became an entry of the same type →
 *    `double-tap`;
 * 3. two passages of opposite types within the window (door mode): the one meant is the one the
 *    employee's state before the first asks for (clocked in → the END), the other is `corrected`;
 * 4. Humand already has an entry of that type from another source within the window → `covered`;
 * 5. Humand would refuse it (a neighbour on the same date with the same type; an END whose
 *    previous entry is not a START) → `review` — judged on the timeline as it stood then: an app
 *    entry made later than the window after the passage is not yet in it;
 * 6. otherwise it is an entry (`clock-in` / `clock-out`) and joins the timeline.
 * STARTs with no END within `maxOpenShift` are listed as open days.
 */
export function computeGroundTruth(
  scenario: HikScenario,
  timeClockReaders: readonly TimeClockReader[],
  rules: GroundTruthRules = {},
  appEntries: readonly AppEntry[] = [],
): GroundTruth {
  const windowMs = rules.doubleTapWindowMs ?? DEFAULT_DOUBLE_TAP_WINDOW_MS;
  const maxOpenMs = rules.maxOpenShiftMs ?? DEFAULT_MAX_OPEN_SHIFT_MS;
  const minShiftMs = rules.minShiftMs ?? DEFAULT_MIN_SHIFT_MS;
  const zone = scenario.site.timezone;
  const dateOf = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
  const clockByReader = new Map(timeClockReaders.map((reader) => [reader.readerIndexCode, reader]));
  const codeByPersonId = new Map(scenario.persons.map((person) => [person.personId, person.personCode]));
  const events: Record<string, ExpectedEventOutcome> = {};
  const passages = new Map<string, Passage[]>();

  const ordered = [...scenario.events].sort((a, b) => a.eventTime - b.eventTime || compareText(a.eventId, b.eventId));
  for (const event of ordered) {
    const reader = event.readerIndexCode === null ? undefined : clockByReader.get(event.readerIndexCode);
    const personCode = event.personId === null ? undefined : codeByPersonId.get(event.personId);
    if (isDoorState(event.eventType)) events[event.eventId] = { kind: 'noise', reason: 'door-state' };
    else if (reader === undefined) events[event.eventId] = { kind: 'noise', reason: 'not-time-clock' };
    else if (!isAccessGranted(event.eventType)) events[event.eventId] = { kind: 'noise', reason: 'refused' };
    else if (personCode === undefined) events[event.eventId] = { kind: 'noise', reason: 'no-person' };
    else {
      const list = passages.get(personCode) ?? [];
      list.push({ event, reader });
      passages.set(personCode, list);
    }
  }

  const timelines: Record<string, ExpectedPunch[]> = {};
  const verdicts = new Map<string, ExpectedEventOutcome>();
  const review: string[] = [];
  const openDays: Array<{ employeeInternalId: string; time: number }> = [];
  const employees = new Set([...passages.keys(), ...appEntries.map((entry) => entry.employeeInternalId)]);
  for (const employee of [...employees].sort()) {
    const humand: HumandEntry[] = appEntries
      .filter((entry) => entry.employeeInternalId === employee)
      .map((entry) => ({
        type: entry.type,
        time: entry.time,
        date: dateOf(entry.time),
        punch: { type: entry.type, time: entry.time, readerIndexCode: '', source: 'APP' as const },
      }));
    humand.sort((a, b) => a.time - b.time);
    const list = passages.get(employee) ?? [];
    const decided = new Map<number, ExpectedEventOutcome>();
    const typeOf = (passage: Passage): EntryType => (passage.reader.direction === 'in' ? 'START' : 'END');
    const lastAtOrBefore = (ms: number, strictly = false) => [...humand].reverse().find((entry) => (strictly ? entry.time < ms : entry.time <= ms));

    for (let i = 0; i < list.length; i++) {
      const passage = list[i]!;
      const t = passage.event.eventTime;
      if (decided.has(i)) continue;
      let type: EntryType;
      if (passage.reader.mode === 'alternate') {
        const last = lastAtOrBefore(t);
        if (last !== undefined && t - last.time < minShiftMs) {
          decided.set(i, { kind: 'noise', reason: 'double-tap' });
          continue;
        }
        type = last !== undefined && t - last.time <= maxOpenMs ? opposite(last.type) : 'START';
      } else {
        type = typeOf(passage);
      }
      const tapOf = list.findIndex(
        (other, j) => j < i && t - other.event.eventTime <= windowMs && isEntry(decided.get(j)) && entryTypeOf(decided.get(j)) === type,
      );
      if (tapOf !== -1) {
        decided.set(i, { kind: 'noise', reason: 'double-tap' });
        continue;
      }
      if (passage.reader.mode !== 'alternate') {
        const pair = list.findIndex(
          (other, k) => k > i && !decided.has(k) && other.reader.mode !== 'alternate' && other.event.eventTime - t <= windowMs && typeOf(other) !== type,
        );
        if (pair !== -1) {
          const clockedIn = lastAtOrBefore(t, true)?.type === 'START';
          const meant: EntryType = clockedIn ? 'END' : 'START';
          if (meant !== type) {
            decided.set(i, { kind: 'noise', reason: 'corrected' });
            continue;
          }
          decided.set(pair, { kind: 'noise', reason: 'corrected' });
        }
      }
      if (humand.some((entry) => entry.punch.source !== undefined && entry.type === type && Math.abs(entry.time - t) <= windowMs)) {
        decided.set(i, { kind: 'noise', reason: 'covered' });
        continue;
      }
      const date = dateOf(t);
      // Causal: an app entry made later than the window after this passage was not there when it was decided.
      const known = humand.filter((entry) => entry.punch.source === undefined || entry.time <= t + windowMs);
      const refusal = humandRefusal(known, type, t, date);
      if (refusal !== null) {
        decided.set(i, { kind: 'review', type, why: refusal });
        review.push(passage.event.eventId);
        continue;
      }
      decided.set(i, { kind: type === 'START' ? 'clock-in' : 'clock-out' });
      const punch: ExpectedPunch = { type, time: t, readerIndexCode: passage.reader.readerIndexCode };
      const at = humand.findIndex((entry) => entry.time > t);
      humand.splice(at === -1 ? humand.length : at, 0, { type, time: t, date, punch });
    }
    list.forEach((passage, i) => verdicts.set(passage.event.eventId, decided.get(i) ?? { kind: 'noise', reason: 'double-tap' }));
    if (humand.length > 0) timelines[employee] = humand.map((entry) => entry.punch);
    humand.forEach((entry, index) => {
      const next = humand[index + 1];
      if (entry.type === 'START' && (next === undefined || next.type !== 'END' || next.time - entry.time > maxOpenMs))
        openDays.push({ employeeInternalId: employee, time: entry.time });
    });
  }
  // In eventTime order, like the events themselves.
  const inOrder: Record<string, ExpectedEventOutcome> = {};
  for (const event of ordered) inOrder[event.eventId] = events[event.eventId] ?? verdicts.get(event.eventId) ?? { kind: 'noise', reason: 'no-person' };
  const position = new Map(ordered.map((event, index) => [event.eventId, index]));
  review.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  return { timelines, events: inOrder, review, openDays };
}

/** Humand's rules (mirrored from src/sim/humand/clock-rules.ts): why it would refuse this entry, or null. */
function humandRefusal(timeline: readonly HumandEntry[], type: EntryType, t: number, date: string): 'end-without-start' | 'same-type-same-day' | null {
  let previous: HumandEntry | undefined;
  let next: HumandEntry | undefined;
  for (const entry of timeline) {
    if (entry.time <= t) previous = entry;
    else {
      next = entry;
      break;
    }
  }
  if ([previous, next].some((entry) => entry?.type === type && entry.date === date)) return 'same-type-same-day';
  if (type === 'END' && previous?.type !== 'START') return 'end-without-start';
  return null;
}

function isEntry(outcome: ExpectedEventOutcome | undefined): boolean {
  return outcome?.kind === 'clock-in' || outcome?.kind === 'clock-out';
}

function entryTypeOf(outcome: ExpectedEventOutcome | undefined): EntryType | null {
  return outcome?.kind === 'clock-in' ? 'START' : outcome?.kind === 'clock-out' ? 'END' : null;
}

function opposite(type: EntryType): EntryType {
  return type === 'START' ? 'END' : 'START';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
