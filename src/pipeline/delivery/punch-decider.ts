import type { Logger } from 'pino';
import type { ClockRequest, EntryType, HumandDay } from '../../domain/humand.js';
import type { DeliveryAttempt, PunchOutcome, PunchRecord, PunchUpdate } from '../../store/punch.js';
import type { PipelineContext } from '../context.js';
import { decideDay, type DayRules, type DayVerdict, type TimelineEntry } from '../decisions/day-decision.js';
import { entryTimeOf, workingDayOf } from '../decisions/time.js';
import { EmployeeDay, type DayFacts } from './employee-day.js';
import type { HumandGateway } from './humand-gateway.js';
import type { RequestPriority } from './rate-budget.js';
import type { InterruptedStep } from './step-result.js';
import { HumandDayPrefetch, type ReadDays } from './day-prefetch.js';
import { classifyPassage } from '../decisions/passage.js';

/** What deciding a punch came to. */
export type Decided =
  /** Recorded with its final outcome (not an entry, in review, ignored…). */
  | { readonly kind: 'final'; readonly update: PunchUpdate }
  | { readonly kind: 'send'; readonly type: EntryType; readonly request: ClockRequest; readonly workingDay: string; readonly why: string }
  /** Not decided now: a read failed, or a lone tap waits for its partner. */
  | { readonly kind: 'step'; readonly result: InterruptedStep; readonly update?: PunchUpdate };

const OUTCOME_OF: Record<Exclude<DayVerdict['kind'], 'entry'>, PunchOutcome> = {
  'double-tap': 'debounced',
  corrected: 'corrected',
  covered: 'covered',
  review: 'review',
};

/**
 * The decision model at delivery time (docs/architecture.md, "The decision model"): decides a
 * punch from the employee's facts, first against what we know we sent and — before anything is
 * left unsent for review, and after Humand refuses an entry — against Humand's own day, every
 * source. Reading Humand only then keeps the plain day at one request per entry.
 */
export class PunchDecider {
  private readonly days: EmployeeDay;
  private readonly prefetch: HumandDayPrefetch;

  constructor(
    private readonly context: PipelineContext,
    private readonly gateway: HumandGateway,
  ) {
    this.days = new EmployeeDay(context);
    this.prefetch = new HumandDayPrefetch(context, gateway);
  }

  async decide(punch: PunchRecord, priority: RequestPriority, log: Logger, signal?: AbortSignal): Promise<Decided> {
    const clockType = this.days.clockType(punch);
    const workingDay = workingDayOf(punch.eventMs!, this.context.siteTimezone, this.context.rules.dayBoundaryHour);
    if (clockType === null) return { kind: 'final', update: { id: punch.id, outcome: 'ignored', reason: 'ignored: not a time-clock door' } };
    if (clockType.kind === 'misconfigured') return { kind: 'final', update: { id: punch.id, outcome: 'rejected', reason: clockType.reason, workingDay } };
    const rules = this.days.rulesFor(punch);
    const facts = await this.days.facts(punch, clockType.kind === 'fixed' ? clockType.type : null, rules);
    let verdict = decideDay({ ...facts.input, timeline: facts.ours });
    if (verdict.kind === 'review') {
      // Never leave a punch unsent on our own knowledge: the app, a kiosk or a person may have written the day.
      const read = await this.readHumand(punch, facts, rules, priority, log, signal, 'bulk');
      if (read.kind === 'step') return read;
      verdict = decideDay({ ...facts.input, timeline: read.timeline });
      if (verdict.kind === 'review' && this.mayStillPair(punch, rules)) {
        const at = punch.eventMs! + rules.doubleTapWindowMs + this.context.rules.settleDelayMs;
        log.debug({ until: at }, 'a lone tap Humand would refuse: waiting for a second tap within the window');
        return {
          kind: 'step',
          result: { kind: 'later' },
          update: { id: punch.id, outcome: 'queued', nextAttemptMs: at, reason: 'waiting up to a minute for a second tap before asking for review' },
        };
      }
    }
    return this.toDecided(punch, verdict, workingDay);
  }

  /**
   * Humand refused the entry we sent: read its day and decide again from it. `found` when our
   * entry is there after all (an earlier answer was lost).
   */
  async afterRefusal(
    punch: PunchRecord,
    message: string,
    priority: RequestPriority,
    log: Logger,
    signal?: AbortSignal,
  ): Promise<Decided | { readonly kind: 'found'; readonly entryId: string | null }> {
    const rules = this.days.rulesFor(punch);
    const clockType = this.days.clockType(punch);
    const facts = await this.days.facts(punch, clockType?.kind === 'fixed' ? clockType.type : null, rules);
    // Humand disagreed with what we knew of this employee's day: nothing read earlier stands in.
    this.prefetch.forget(punch.employeeId!);
    const read = await this.readHumand(punch, facts, rules, priority, log, signal);
    if (read.kind === 'step') return read;
    const found = findOurs(read.days, punch.entryType!, Date.parse(punch.request!.now));
    if (found !== undefined) return { kind: 'found', entryId: found };
    const verdict = decideDay({ ...facts.input, timeline: read.timeline });
    const workingDay = punch.workingDay ?? workingDayOf(punch.eventMs!, this.context.siteTimezone, this.context.rules.dayBoundaryHour);
    if (verdict.kind === 'entry' && verdict.type === punch.entryType) {
      // Not the alternation (its own day says it would accept it): another rule, e.g. an inactive employee.
      return { kind: 'final', update: { id: punch.id, outcome: 'rejected', reason: `rejected: ${message}`, reconcileNeeded: false, workingDay } };
    }
    if (verdict.kind === 'review')
      return {
        kind: 'final',
        update: { id: punch.id, outcome: 'review', reason: `${verdict.reason} (Humand: ${message})`, reconcileNeeded: false, workingDay },
      };
    return this.toDecided(punch, verdict, workingDay);
  }

  /** Is our entry for this punch in Humand? The entry id when it is (null when Humand gives none), undefined when not, a step when the read failed. */
  async findInHumand(
    punch: PunchRecord,
    priority: RequestPriority,
    log: Logger,
    signal?: AbortSignal,
  ): Promise<{ readonly found: string | null | undefined } | { readonly step: InterruptedStep }> {
    const rules = this.days.rulesFor(punch);
    const range = this.days.readRange(punch.eventMs!, rules);
    const read = await this.read(punch, range, priority, log, signal);
    if ('step' in read) return read;
    return { found: findOurs(read.days, punch.entryType!, Date.parse(punch.request!.now)) };
  }

  private mayStillPair(punch: PunchRecord, rules: DayRules): boolean {
    return this.context.clock.now() < punch.eventMs! + rules.doubleTapWindowMs + this.context.rules.settleDelayMs && punch.nextAttemptMs === null;
  }

  private toDecided(punch: PunchRecord, verdict: DayVerdict, workingDay: string): Decided {
    if (verdict.kind !== 'entry') {
      const outcome = OUTCOME_OF[verdict.kind];
      return {
        kind: 'final',
        update: { id: punch.id, outcome, reason: verdict.reason, entryType: verdict.type, workingDay, request: null, reconcileNeeded: false },
      };
    }
    return { kind: 'send', type: verdict.type, request: this.requestFor(punch), workingDay, why: verdict.why };
  }

  private requestFor(punch: PunchRecord): ClockRequest {
    const { rules, siteTimezone } = this.context;
    const passage = classifyPassage(punch, rules);
    const clockLabel =
      (passage.kind === 'time-clock' ? passage.clock.label : null) ??
      punch.readerName ??
      punch.doorName ??
      punch.readerIndexCode ??
      punch.doorIndexCode ??
      'time clock';
    const comment = rules.commentTemplate
      .replaceAll('{label}', clockLabel)
      .replaceAll('{door}', punch.doorName ?? punch.doorIndexCode ?? '')
      .replaceAll('{reader}', punch.readerName ?? punch.readerIndexCode ?? '');
    return { employeeId: punch.employeeId!, now: entryTimeOf(punch.eventMs!, siteTimezone), comment };
  }

  /**
   * Humand's day for the decision. `bulk`: a read made with other employees' may stand in for
   * it, and a new read takes the others waiting along (one request either way).
   */
  private async readHumand(
    punch: PunchRecord,
    facts: DayFacts,
    rules: DayRules,
    priority: RequestPriority,
    log: Logger,
    signal?: AbortSignal,
    how: 'bulk' | 'alone' = 'alone',
  ): Promise<{ kind: 'read'; timeline: TimelineEntry[]; days: readonly HumandDay[] } | { kind: 'step'; result: InterruptedStep }> {
    const range = this.days.readRange(punch.eventMs!, rules);
    const cached = how === 'bulk' ? this.prefetch.cached(punch.employeeId!, range, punch.eventMs!) : null;
    if (cached !== null) log.debug({ readAgoMs: this.context.clock.now() - cached.readAtMs }, "decided against Humand's day as read with other employees'");
    const read = cached ?? (await this.read(punch, range, priority, log, signal, how === 'bulk' ? (ms) => this.days.readRange(ms, rules) : null));
    if ('step' in read) return { kind: 'step', result: read.step };
    return { kind: 'read', timeline: this.days.humandTimeline(read.days, facts, read.readAtMs), days: read.days };
  }

  private async read(
    punch: PunchRecord,
    range: { startDate: string; endDate: string },
    priority: RequestPriority,
    log: Logger,
    signal?: AbortSignal,
    rangeAt: ((ms: number) => { startDate: string; endDate: string }) | null = null,
  ): Promise<ReadDays | { step: InterruptedStep }> {
    const employeeId = punch.employeeId!;
    const askedMs = this.context.clock.now();
    const read =
      rangeAt === null
        ? {
            kind: 'read' as const,
            result: await this.gateway.readDays([employeeId], range.startDate, range.endDate, priority, signal),
            employeeIds: [employeeId],
            readAtMs: askedMs,
          }
        : await this.prefetch.read(employeeId, range, punch.eventMs!, rangeAt, priority, signal);
    if (read.kind === 'cached') {
      log.debug({ readAgoMs: this.context.clock.now() - read.readAtMs }, "decided against Humand's day as read with other employees' (waited for that read)");
      return read;
    }
    const { result, employeeIds, readAtMs } = read;
    const attempt: DeliveryAttempt = {
      punchId: punch.id,
      atMs: this.context.clock.now(),
      kind: 'reconcile',
      method: 'GET',
      path: '/time-tracking/day-summaries',
      requestBody: { employeeIds, ...range },
      status: result.ok ? result.status : result.failure.status,
      result: result.ok ? 'ok' : result.failure.kind,
      message: result.ok ? null : result.failure.message,
    };
    await this.context.store.recordAttempt(attempt);
    if (result.ok) {
      log.info(
        { days: result.value.length, entries: result.value.reduce((n, d) => n + d.entries.length, 0), withOthers: employeeIds.length - 1 },
        "read the employee's Humand day",
      );
      return { days: result.value, readAtMs };
    }
    log.warn({ failure: result.failure.kind, message: result.failure.message }, "could not read the employee's Humand day");
    if (result.failure.kind === 'forbidden' || result.failure.kind === 'unauthorised') {
      return {
        step: {
          kind: 'paused',
          reason: `Humand answered ${result.failure.status}: ${result.failure.message}`,
          hint: "check HUMAND_AUTH and the key's permissions; punches are kept",
        },
      };
    }
    return { step: { kind: 'unread', why: `could not read Humand's day: ${result.failure.message}` } };
  }
}

/** Our entry among Humand's: same type at the same second. */
function findOurs(days: readonly HumandDay[], type: EntryType, ms: number): string | null | undefined {
  const second = Math.floor(ms / 1000);
  for (const day of days) {
    for (const entry of day.entries) {
      const at = Date.parse(entry.time);
      if (entry.type === type && Number.isFinite(at) && Math.floor(at / 1000) === second)
        return entry.id === undefined || entry.id === null || entry.id === '' ? null : String(entry.id);
    }
  }
  return undefined;
}
