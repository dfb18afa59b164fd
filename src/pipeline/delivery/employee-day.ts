import { DateTime } from 'luxon';
import type { EntryType, HumandDay } from '../../domain/humand.js';
import type { PunchOutcome, PunchRecord } from '../../store/punch.js';
import type { PipelineContext } from '../context.js';
import { DEFAULT_DAY_RULES, type DayDecisionInput, type DayRules, type NearbyPassage, type TimelineEntry } from '../decisions/day-decision.js';
import { clockTypeOf, type ClockType } from '../decisions/direction.js';
import { classifyPassage } from '../decisions/passage.js';
import { dateInOwnOffset, siteDateOf } from '../decisions/time.js';

const DAY_MS = 86_400_000;
/** Not decided yet: later passages that may pair with the one being decided. */
const UNDECIDED: readonly PunchOutcome[] = ['queued', 'held'];

/** The facts one decision needs, gathered from the ledger (and, when read, from Humand). */
export interface DayFacts {
  readonly input: Omit<DayDecisionInput, 'timeline'>;
  /** Our own entries around the punch: the timeline as far as the ledger knows it. */
  readonly ours: readonly TimelineEntry[];
  /** Our punches that are (or may be) entries, to recognise them in what Humand returns. */
  readonly ourEntries: readonly PunchRecord[];
}

/**
 * Gathers an employee's facts around one punch for {@link decideDay}: the passages before and
 * after it, the entries we sent, and — when read — Humand's own timeline (every source).
 */
export class EmployeeDay {
  constructor(private readonly context: PipelineContext) {}

  private get entryOutcomes(): PunchOutcome[] {
    return this.context.dryRun ? ['delivered', 'sending', 'dry-run'] : ['delivered', 'sending'];
  }

  rulesFor(punch: PunchRecord): DayRules {
    const { rules } = this.context;
    const passage = classifyPassage(punch, rules);
    const window = passage.kind === 'time-clock' ? (passage.clock.debounceMs ?? rules.debounceMs) : rules.debounceMs;
    return {
      doubleTapWindowMs: window,
      maxOpenShiftMs: rules.maxOpenShiftMs ?? DEFAULT_DAY_RULES.maxOpenShiftMs,
      minShiftMs: rules.minShiftMs ?? DEFAULT_DAY_RULES.minShiftMs,
    };
  }

  /** The type a punch's clock gives it by itself; null when it is not (any longer) a time-clock passage. */
  clockType(punch: PunchRecord): ClockType | null {
    const passage = classifyPassage(punch, this.context.rules);
    return passage.kind === 'time-clock' ? clockTypeOf(passage.clock, punch.checkInAndOutType) : null;
  }

  private fixedType(punch: PunchRecord): EntryType | null {
    const type = this.clockType(punch);
    return type?.kind === 'fixed' ? type.type : null;
  }

  dateOf = (ms: number): string => siteDateOf(ms, this.context.siteTimezone);

  async facts(punch: PunchRecord, fixedType: EntryType | null, rules: DayRules): Promise<DayFacts> {
    const t = punch.eventMs!;
    const employeeId = punch.employeeId!;
    const window = rules.doubleTapWindowMs;
    const around = await this.context.store.employeePunches(employeeId, t - rules.maxOpenShiftMs - DAY_MS, t + DAY_MS, [...this.entryOutcomes, ...UNDECIDED]);
    const others = around.filter((p) => p.id !== punch.id && p.eventMs !== null);
    const ourEntries = others.filter((p) => this.entryOutcomes.includes(p.outcome) && p.entryType !== null);
    const earlier: NearbyPassage[] = ourEntries
      .filter((p) => p.eventMs! <= t && t - p.eventMs! <= window)
      .map((p) => ({ id: p.id, ms: p.eventMs!, fixedType: this.fixedType(p), entryType: p.entryType }));
    const later: NearbyPassage[] = others
      .filter((p) => UNDECIDED.includes(p.outcome) && p.request === null && p.eventMs! >= t && p.eventMs! - t <= window && (p.eventMs! > t || p.id > punch.id))
      .map((p) => ({ id: p.id, ms: p.eventMs!, fixedType: this.fixedType(p), entryType: null }));
    const ours = ourEntries.map((p) => this.ourEntry(p)).sort((a, b) => a.ms - b.ms);
    return { input: { punch: { id: punch.id, ms: t, fixedType }, earlier, later, dateOf: this.dateOf, rules }, ours, ourEntries };
  }

  private ourEntry(punch: PunchRecord): TimelineEntry {
    const sentMs = punch.request === null ? Number.NaN : Date.parse(punch.request.now);
    const ms = Number.isFinite(sentMs) ? sentMs : punch.eventMs!;
    const date = (punch.request === null ? null : dateInOwnOffset(punch.request.now)) ?? this.dateOf(ms);
    return { type: punch.entryType!, ms, date, ours: true, punchId: punch.id, source: 'this integration', label: this.label(ms) };
  }

  /** The dates to read from Humand for a decision at `ms`: back to the oldest entry that can still matter. */
  readRange(ms: number, rules: DayRules): { startDate: string; endDate: string } {
    return { startDate: this.dateOf(ms - rules.maxOpenShiftMs - DAY_MS), endDate: this.dateOf(ms + DAY_MS) };
  }

  /**
   * Humand's timeline, every source: its entries (ours recognised by type and second), plus our
   * entries Humand cannot show yet (in flight, or dry-run). A delivered entry Humand no longer
   * has was removed there by a person: Humand is the truth — unless it was delivered after
   * `readAtMs` (a read made earlier, with other employees').
   */
  humandTimeline(days: readonly HumandDay[], facts: DayFacts, readAtMs = Number.POSITIVE_INFINITY): TimelineEntry[] {
    const ourBySecond = new Map(facts.ourEntries.map((p) => [`${p.entryType}@${Math.floor(this.ourEntry(p).ms / 1000)}`, p]));
    const seen = new Set<number>();
    const timeline: TimelineEntry[] = [];
    for (const day of days) {
      for (const entry of day.entries) {
        const ms = Date.parse(entry.time);
        if (!Number.isFinite(ms)) continue;
        const ours = ourBySecond.get(`${entry.type}@${Math.floor(ms / 1000)}`);
        if (ours !== undefined) seen.add(ours.id);
        const date = day.date || dateInOwnOffset(entry.time) || this.dateOf(ms);
        timeline.push({
          type: entry.type,
          ms,
          date,
          ours: ours !== undefined,
          ...(ours !== undefined ? { punchId: ours.id } : {}),
          source: entry.source ?? null,
          label: this.label(ms),
        });
      }
    }
    for (const punch of facts.ourEntries) {
      if (seen.has(punch.id) || (punch.outcome === 'delivered' && punch.updatedMs <= readAtMs)) continue;
      timeline.push(this.ourEntry(punch));
    }
    return timeline.sort((a, b) => a.ms - b.ms);
  }

  private label(ms: number): string {
    return DateTime.fromMillis(ms, { zone: this.context.siteTimezone }).toFormat('yyyy-MM-dd HH:mm:ss');
  }
}
