import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DAY_RULES, decideDay, type NearbyPassage, type TimelineEntry } from '../../../src/pipeline/decisions/day-decision.js';
import { humandRefusal } from '../../../src/pipeline/decisions/humand-rules.js';
import type { EntryType } from '../../../src/domain/humand.js';

const ZONE = 'America/Argentina/Buenos_Aires';
const at = (hhmmss: string, date = '2026-01-27') => DateTime.fromISO(`${date}T${hhmmss}`, { zone: ZONE }).toMillis();
const dateOf = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM-dd');
const entry = (type: EntryType, hhmmss: string, ours = true, date = '2026-01-27', punchId?: number): TimelineEntry => ({
  type,
  ms: at(hhmmss, date),
  date,
  ours,
  ...(punchId !== undefined ? { punchId } : {}),
  source: ours ? 'this integration' : 'APP',
  label: `${date} ${hhmmss}`,
});
const passage = (id: number, hhmmss: string, fixedType: EntryType | null, entryType: EntryType | null = null): NearbyPassage => ({
  id,
  ms: at(hhmmss),
  fixedType,
  entryType,
});

function decide(o: { at: string; date?: string; type: EntryType | null; timeline?: TimelineEntry[]; earlier?: NearbyPassage[]; later?: NearbyPassage[] }) {
  return decideDay({
    punch: { id: 99, ms: at(o.at, o.date), fixedType: o.type },
    earlier: o.earlier ?? [],
    later: o.later ?? [],
    timeline: o.timeline ?? [],
    dateOf,
    rules: DEFAULT_DAY_RULES,
  });
}

describe('the decision model, one passage at a time', () => {
  it('a plain clock-in and clock-out are entries', () => {
    expect(decide({ at: '06:01:00', type: 'START' })).toMatchObject({ kind: 'entry', type: 'START' });
    expect(decide({ at: '14:03:00', type: 'END', timeline: [entry('START', '06:01:00')] })).toMatchObject({ kind: 'entry', type: 'END' });
  });

  // Issue #9 case 1: the clock-in reader at 14:03:00 by habit, then the clock-out reader at 14:03:40.
  it('wrong reader at the end of a shift: clocked in, so the clock-out was meant; the clock-in tap is corrected', () => {
    const timeline = [entry('START', '06:01:00')];
    const first = decide({ at: '14:03:00', type: 'START', timeline, later: [passage(100, '14:03:40', 'END')] });
    expect(first).toMatchObject({ kind: 'corrected', type: 'START' });
    expect(first.kind === 'corrected' && first.reason).toContain('clocked in');
    // The real clock-out is never counted against the corrected tap: it is an entry.
    expect(decide({ at: '14:03:40', type: 'END', timeline, earlier: [] })).toMatchObject({ kind: 'entry', type: 'END' });
  });

  it('the mirror at the start of a shift: exit reader first, entry reader 40 s later — the day is not lost', () => {
    const first = decide({ at: '05:59:20', type: 'END', later: [passage(100, '06:00:00', 'START')] });
    expect(first).toMatchObject({ kind: 'corrected', type: 'END' });
    expect(decide({ at: '06:00:00', type: 'START' })).toMatchObject({ kind: 'entry', type: 'START' });
  });

  it('when the meant tap came first and is an entry, the wrong one after it is corrected', () => {
    const timeline = [entry('START', '06:01:00'), entry('END', '14:03:00', true, '2026-01-27', 7)];
    const earlier = [passage(7, '14:03:00', 'END', 'END')];
    expect(decide({ at: '14:03:30', type: 'START', timeline, earlier })).toMatchObject({ kind: 'corrected' });
  });

  it('double taps count only against passages that became entries', () => {
    const timeline = [entry('START', '06:00:00', true, '2026-01-27', 7)];
    expect(decide({ at: '06:00:12', type: 'START', timeline, earlier: [passage(7, '06:00:00', 'START', 'START')] })).toMatchObject({ kind: 'double-tap' });
    // 12 s after a tap that was not an entry (e.g. corrected): decided on its own.
    expect(decide({ at: '06:00:12', type: 'START', earlier: [] })).toMatchObject({ kind: 'entry', type: 'START' });
  });

  it('a first tap that arrives after its repeat was delivered is a double tap, not a review', () => {
    const timeline = [entry('START', '06:00:05', true, '2026-01-27', 7)];
    expect(decide({ at: '06:00:00', type: 'START', timeline })).toMatchObject({ kind: 'double-tap' });
  });

  // Issue #9 case 2: terminal START 06:01, app END 10:00, terminal START 11:00, terminal END 14:03.
  it('app entries are part of the day: the 11:00 clock-in after an app clock-out is an entry, and so is 14:03', () => {
    const timeline = [entry('START', '06:01:00'), entry('END', '10:00:00', false)];
    expect(decide({ at: '11:00:00', type: 'START', timeline })).toMatchObject({ kind: 'entry', type: 'START' });
    expect(decide({ at: '14:03:00', type: 'END', timeline: [...timeline, entry('START', '11:00:00')] })).toMatchObject({ kind: 'entry', type: 'END' });
  });

  it('a terminal tap within a minute of the same app entry is covered, not sent twice', () => {
    const verdict = decide({ at: '06:00:20', type: 'START', timeline: [entry('START', '06:00:00', false)] });
    expect(verdict).toMatchObject({ kind: 'covered', type: 'START' });
    expect(verdict.kind === 'covered' && verdict.reason).toContain('APP');
  });

  // Issue #9 case 2, second half: an afternoon START with no clock-out, then an early shift 03:45 → 12:00.
  it('an early shift before the 04:00 boundary after a forgotten clock-out is sent: Humand files by calendar date', () => {
    const timeline = [entry('START', '14:00:00')];
    expect(decide({ at: '03:45:00', date: '2026-01-28', type: 'START', timeline })).toMatchObject({ kind: 'entry', type: 'START' });
  });

  it('what Humand would refuse is review, with a plain reason', () => {
    const same = decide({ at: '13:50:00', type: 'START', timeline: [entry('START', '09:06:00')] });
    expect(same).toMatchObject({ kind: 'review', type: 'START' });
    expect(same.kind === 'review' && same.reason).toMatch(/needs review: .*forgotten clock-out/);
    const orphan = decide({ at: '14:00:00', type: 'END' });
    expect(orphan).toMatchObject({ kind: 'review', type: 'END' });
    expect(orphan.kind === 'review' && orphan.reason).toContain('forgotten clock-in');
  });

  // Issue #9 case 5: one alternate-mode terminal; a night shift 22:00 → 06:05 and re-taps.
  it('alternate mode decides from the last entry within 16 h, not the working-day boundary', () => {
    const night = [entry('START', '22:00:00')];
    expect(decide({ at: '06:05:00', date: '2026-01-28', type: null, timeline: night })).toMatchObject({ kind: 'entry', type: 'END' });
    // Nothing for 16 h: a new START.
    expect(decide({ at: '15:00:00', date: '2026-01-28', type: null, timeline: night })).toMatchObject({ kind: 'entry', type: 'START' });
  });

  it('alternate mode: a re-tap minutes after arriving never flips the day', () => {
    const timeline = [entry('START', '06:00:00')];
    expect(decide({ at: '06:04:00', type: null, timeline })).toMatchObject({ kind: 'double-tap' });
    expect(decide({ at: '06:11:00', type: null, timeline })).toMatchObject({ kind: 'entry', type: 'END' });
  });
});

describe("Humand's alternation", () => {
  it.each<[string, EntryType, string, TimelineEntry[], string | null]>([
    ['START after START the same day', 'START', '13:50:00', [entry('START', '09:06:00')], 'same-type-same-day'],
    ['START before START the same day', 'START', '08:00:00', [entry('START', '09:06:00')], 'same-type-same-day'],
    ['START after a START of the previous date', 'START', '03:45:00', [entry('START', '14:00:00', true, '2026-01-26')], null],
    ['END with nothing before', 'END', '14:00:00', [], 'end-without-start'],
    ['END after END of another date', 'END', '14:00:00', [entry('END', '12:00:00', true, '2026-01-26')], 'end-without-start'],
    ['END after a night START', 'END', '06:00:00', [entry('START', '22:00:00', true, '2026-01-26')], null],
  ])('%s', (_name, type, time, timeline, expected) => {
    expect(humandRefusal(timeline, type, at(time), '2026-01-27')?.kind ?? null).toBe(expected);
  });
});
