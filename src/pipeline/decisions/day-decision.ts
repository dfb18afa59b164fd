import type { EntryType } from '../../domain/humand.js';
import { humandRefusal, type HumandRefusal, type TimelineEntry } from './humand-rules.js';

export type { TimelineEntry } from './humand-rules.js';

/** The windows of the decision model (docs/architecture.md, "The decision model"). */
export interface DayRules {
  /** Same-type double taps and opposite (wrong-reader) pairs within it. Default 60 s. */
  readonly doubleTapWindowMs: number;
  /** An alternate-mode clock flips only against an entry this recent (Humand closes a day at about 16 h). */
  readonly maxOpenShiftMs: number;
  /** An alternate-mode tap this soon after the employee's last entry is a re-tap, never a flip. */
  readonly minShiftMs: number;
}

export const DEFAULT_DAY_RULES: DayRules = { doubleTapWindowMs: 60_000, maxOpenShiftMs: 16 * 3_600_000, minShiftMs: 10 * 60_000 };

/** Another time-clock passage of the same employee, as the decision sees it. */
export interface NearbyPassage {
  readonly id: number;
  readonly ms: number;
  /** The type its clock gives it by itself (door direction, device status); null for an alternate-mode clock. */
  readonly fixedType: EntryType | null;
  /** The entry it became (delivered, being sent, or dry-run), null when it is not an entry. */
  readonly entryType: EntryType | null;
}

export interface PunchToDecide {
  readonly id: number;
  readonly ms: number;
  /** Null: an alternate-mode clock (the type comes from the employee's last entry). */
  readonly fixedType: EntryType | null;
}

export interface DayDecisionInput {
  readonly punch: PunchToDecide;
  /** The employee's passages before this one (by time) that are already decided. */
  readonly earlier: readonly NearbyPassage[];
  /** The employee's passages after this one that are not decided yet. */
  readonly later: readonly NearbyPassage[];
  /** What Humand holds (or, before it is read, what we sent), every source, by time. */
  readonly timeline: readonly TimelineEntry[];
  /** The date Humand files an entry at this instant under (the site's local date). */
  readonly dateOf: (ms: number) => string;
  readonly rules: DayRules;
}

export type DayVerdict =
  | { readonly kind: 'entry'; readonly type: EntryType; readonly why: string }
  /** A second tap of the same entry (same type within the window; alternate-mode re-tap). */
  | { readonly kind: 'double-tap'; readonly type: EntryType | null; readonly reason: string }
  /** One of two opposite taps within the window: the other was meant. */
  | { readonly kind: 'corrected'; readonly type: EntryType; readonly reason: string }
  /** Humand already has this entry from another source (the app, a kiosk, a person). */
  | { readonly kind: 'covered'; readonly type: EntryType; readonly reason: string }
  /** Humand would refuse it: a person must look. */
  | { readonly kind: 'review'; readonly type: EntryType; readonly refusal: HumandRefusal; readonly reason: string };

const NAME: Record<EntryType, string> = { START: 'clock-in', END: 'clock-out' };

/**
 * The decision for one time-clock passage of one employee: a pure function of the facts around
 * it (the employee's other passages, what Humand holds, the rules). Re-running it on the same
 * facts gives the same answer, so any punch not accepted by Humand can be decided again.
 *
 * 1. Direction: the clock's own (door/device); an alternate-mode clock: a tap within `minShift`
 *    of the last entry is a re-tap, else the opposite of the last entry within `maxOpenShift`, else START.
 * 2. Opposite taps within the window (wrong reader, then the right one): the one the employee's
 *    state asks for is meant (clocked in → the clock-out), the other is `corrected`.
 * 3. Same type within the window after a passage that became an entry: a double tap. Passages
 *    that never became entries never count.
 * 4. Humand has that type from another source within the window: `covered`.
 * 5. Humand would refuse it (same type as a neighbour on the same date; an END not after a START): `review`.
 * 6. Otherwise it is an entry.
 */
export function decideDay(input: DayDecisionInput): DayVerdict {
  const { punch, rules, timeline } = input;
  const t = punch.ms;
  const window = rules.doubleTapWindowMs;
  const last = lastEntry(timeline, (entry) => entry.ms <= t);

  let type: EntryType;
  let why: string;
  if (punch.fixedType === null) {
    if (last !== undefined && t - last.ms < rules.minShiftMs) {
      return {
        kind: 'double-tap',
        type: null,
        reason: `double tap: ${minutes(t - last.ms)} after the last entry (${NAME[last.type]}); a new shift starts after ${minutes(rules.minShiftMs)}`,
      };
    }
    if (last !== undefined && t - last.ms <= rules.maxOpenShiftMs) {
      type = opposite(last.type);
      why = `alternate: the last entry was a ${NAME[last.type]} ${minutes(t - last.ms)} before`;
    } else {
      type = 'START';
      why = last === undefined ? 'alternate: no earlier entry' : `alternate: the last entry is older than ${minutes(rules.maxOpenShiftMs)}`;
    }
  } else {
    type = punch.fixedType;
    why = `the clock's direction (${NAME[type]})`;
  }

  if (punch.fixedType !== null) {
    // The partner before it was meant (it became the entry): this one is the wrong-reader tap.
    const meantBefore = input.earlier.find((p) => p.fixedType !== null && p.entryType !== null && p.entryType !== type && t - p.ms <= window && t >= p.ms);
    if (meantBefore !== undefined) {
      return {
        kind: 'corrected',
        type,
        reason: `corrected tap: ${seconds(t - meantBefore.ms)} after the ${NAME[meantBefore.entryType!]} p-${meantBefore.id}, which was meant`,
      };
    }
  }
  const tap = input.earlier.find((p) => p.entryType === type && t - p.ms <= window && t >= p.ms);
  if (tap !== undefined) return { kind: 'double-tap', type, reason: `double tap: ${seconds(t - tap.ms)} after the ${NAME[type]} p-${tap.id}` };
  // A first tap that reached us after its repeat was already sent: the passage is in Humand once,
  // at the repeat's time (Humand's API cannot move an entry).
  const repeat = timeline.find(
    (entry) => entry.ours && entry.type === type && entry.ms > t && entry.ms - t <= (punch.fixedType === null ? rules.minShiftMs : window),
  );
  if (repeat !== undefined) {
    const late = repeat.ms - t;
    return {
      kind: 'double-tap',
      type,
      reason: `double tap that arrived late: the same ${NAME[type]} ${late >= 60_000 ? minutes(late) : seconds(late)} later (${repeat.punchId === undefined ? repeat.label : `p-${repeat.punchId}`}) is already in Humand${late >= 60_000 ? ' — correct its time in Humand if this earlier tap is the one that counts' : ''}`,
    };
  }

  if (punch.fixedType !== null) {
    const pair = input.later.find((p) => p.fixedType !== null && p.fixedType !== type && p.ms - t <= window && p.ms >= t);
    if (pair !== undefined) {
      const before = lastEntry(timeline, (entry) => entry.ms < t);
      const meant: EntryType = before?.type === 'START' ? 'END' : 'START';
      if (meant !== type) {
        const state = before?.type === 'START' ? 'clocked in' : 'not clocked in';
        return {
          kind: 'corrected',
          type,
          reason: `corrected tap: the employee was ${state}, so the ${NAME[meant]} p-${pair.id} ${seconds(pair.ms - t)} later was meant`,
        };
      }
    }
  }

  const cover = timeline.find((entry) => !entry.ours && entry.type === type && Math.abs(entry.ms - t) <= window);
  if (cover !== undefined) {
    return { kind: 'covered', type, reason: `covered: Humand already has this ${NAME[type]} from ${cover.source ?? 'another source'} at ${cover.label}` };
  }

  const refusal = humandRefusal(timeline, type, t, input.dateOf(t));
  if (refusal !== null) return { kind: 'review', type, refusal, reason: reviewReason(type, refusal) };
  return { kind: 'entry', type, why };
}

function reviewReason(type: EntryType, refusal: HumandRefusal): string {
  if (refusal.kind === 'end-without-start') {
    return `needs review: a clock-out with no clock-in before it in Humand (forgotten clock-in?) — add the clock-in in Humand, then mark it fixed`;
  }
  const neighbour = refusal.neighbour;
  return `needs review: Humand already has a ${NAME[type]} that day at ${neighbour.label} with nothing between (forgotten ${type === 'START' ? 'clock-out' : 'clock-in'}?) — correct the day in Humand, then mark it fixed`;
}

function lastEntry(timeline: readonly TimelineEntry[], accept: (entry: TimelineEntry) => boolean): TimelineEntry | undefined {
  for (let i = timeline.length - 1; i >= 0; i--) if (accept(timeline[i]!)) return timeline[i];
  return undefined;
}

function opposite(type: EntryType): EntryType {
  return type === 'START' ? 'END' : 'START';
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

function minutes(ms: number): string {
  const total = Math.round(ms / 60_000);
  return total >= 120 ? `${Math.round(total / 60)} h` : `${total} min`;
}
