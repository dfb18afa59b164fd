import type { Logger } from 'pino';
import type { ClockRequest, EntryType, HumandFailure } from '../../domain/humand.js';
import type { DeliveryConfig } from '../../config/types.js';
import type { PunchOutcome, PunchRecord, PunchUpdate, DeliveryAttempt } from '../../store/punch.js';
import { announce, punchLogger, type PipelineContext } from '../context.js';
import { guardAlternation } from '../decisions/alternation.js';
import { findDoubleTap } from '../decisions/debounce.js';
import { decideDirection } from '../decisions/direction.js';
import { classifyPassage } from '../decisions/passage.js';
import { entryTimeOf, localDateOf, workingDayBounds, workingDayOf } from '../decisions/time.js';
import { backoffDelayMs } from './backoff.js';
import type { HumandGateway } from './humand-gateway.js';
import type { RequestPriority } from './rate-budget.js';
import { findMatchingEntry, reconcileDateRange } from './reconcile.js';

/** What became of one step on a punch, for the engine. */
export type StepResult =
  | { readonly kind: 'done' }
  /** Try this punch again later (backoff, or rate limited). */
  | { readonly kind: 'later' }
  /** Humand refused the key (401/403): stop all delivery until a probe succeeds. */
  | { readonly kind: 'paused'; readonly reason: string; readonly hint: string };

const CLOCK_PATH: Record<EntryType, string> = { START: '/time-tracking/entries/clockIn', END: '/time-tracking/entries/clockOut' };

/**
 * Delivers one punch (the earliest awaiting one of its employee): decides debounce,
 * direction and alternation against what was already sent, commits `sending` with the
 * exact body before the POST, and classifies the answer. An unknown answer is resolved
 * by reading the employee's Humand entries before anything is sent again.
 */
export class Deliverer {
  constructor(
    private readonly context: PipelineContext,
    private readonly gateway: HumandGateway,
    private readonly delivery: DeliveryConfig,
    private readonly random: () => number = Math.random,
  ) {}

  /** Outcomes whose passage counts for the debounce window. */
  private get passageOutcomes(): PunchOutcome[] {
    const outcomes: PunchOutcome[] = ['delivered', 'sending', 'rejected', 'dead', 'suppressed'];
    if (this.context.dryRun) outcomes.push('dry-run');
    return outcomes;
  }

  /** Outcomes that are (or may be) entries in Humand, for direction and alternation. */
  private get entryOutcomes(): PunchOutcome[] {
    return this.context.dryRun ? ['delivered', 'sending', 'dry-run'] : ['delivered', 'sending'];
  }

  async process(punch: PunchRecord, signal?: AbortSignal): Promise<StepResult> {
    const log = punchLogger(this.context, punch);
    if (punch.outcome === 'sending' || punch.reconcileNeeded) {
      const reconciled = await this.reconcile(punch, log, signal);
      if (reconciled !== null) return reconciled;
      const fresh = await this.context.store.getPunch(punch.id);
      if (fresh === null) return { kind: 'done' };
      return this.send(fresh, fresh.request!, fresh.entryType!, log, signal);
    }
    if (punch.request === null || punch.entryType === null) {
      const decided = await this.decide(punch, log);
      if (decided.kind === 'final') return { kind: 'done' };
      return this.send(punch, decided.request, decided.type, log, signal);
    }
    return this.send(punch, punch.request, punch.entryType, log, signal);
  }

  private async finish(punch: PunchRecord, update: PunchUpdate, log: Logger, attempt?: DeliveryAttempt): Promise<void> {
    const now = this.context.clock.now();
    if (attempt) await this.context.store.updateWithAttempt(update, attempt, now);
    else await this.context.store.updatePunches([update], now);
    announce(this.context, punch, update);
    const fields = { outcome: update.outcome, reason: update.reason ?? undefined };
    // A person must look at a rejected punch, and more urgently at one given up on.
    if (update.outcome === 'dead') log.error(fields, 'punch dead');
    else if (update.outcome === 'rejected') log.warn(fields, 'punch rejected');
    else if (update.outcome === 'ignored') log.debug(fields, 'punch ignored');
    else log.info(fields, `punch ${update.outcome}`);
  }

  /** Debounce, direction and alternation guard, against the employee's punches already decided. */
  private async decide(
    punch: PunchRecord,
    log: Logger,
  ): Promise<{ kind: 'final' } | { kind: 'send'; type: EntryType; request: ClockRequest }> {
    const { store, rules, siteTimezone } = this.context;
    const eventMs = punch.eventMs!;
    const employeeId = punch.employeeId!;
    const passage = classifyPassage(punch, rules);
    if (passage.kind === 'ignored') {
      await this.finish(punch, { id: punch.id, outcome: 'ignored', reason: passage.reason }, log);
      return { kind: 'final' };
    }
    const clock = passage.clock;
    const windowMs = clock.debounceMs ?? rules.debounceMs;
    const near = (await store.employeePunches(employeeId, eventMs - windowMs, eventMs + windowMs, this.passageOutcomes)).filter((p) => p.id !== punch.id);
    const tap = findDoubleTap(
      eventMs,
      near.map((p) => ({ id: p.id, eventMs: p.eventMs! })),
      windowMs,
    );
    if (tap !== null) {
      const seconds = Math.round(Math.abs(eventMs - tap.eventMs) / 1000);
      await this.finish(punch, { id: punch.id, outcome: 'debounced', reason: `debounced: double tap ${seconds}s from p-${tap.id}` }, log);
      return { kind: 'final' };
    }
    const workingDay = workingDayOf(eventMs, siteTimezone, rules.dayBoundaryHour);
    const { startMs } = workingDayBounds(workingDay, siteTimezone, rules.dayBoundaryHour);
    const earlier = (await store.employeePunches(employeeId, startMs, eventMs, this.entryOutcomes)).filter((p) => p.id !== punch.id);
    const previousTypeToday = earlier.length > 0 ? earlier[earlier.length - 1]!.entryType : null;
    const direction = decideDirection({ clock, checkInAndOutType: punch.checkInAndOutType, previousTypeToday });
    if (!direction.ok) {
      await this.finish(punch, { id: punch.id, outcome: 'rejected', reason: direction.reason, workingDay }, log);
      return { kind: 'final' };
    }
    const guard = guardAlternation(direction.type, previousTypeToday, rules.alternationPolicy);
    if (!guard.send) {
      await this.finish(punch, { id: punch.id, outcome: 'suppressed', reason: guard.reason, entryType: direction.type, workingDay }, log);
      return { kind: 'final' };
    }
    const label = clock.label ?? punch.readerName ?? punch.doorName ?? punch.readerIndexCode ?? punch.doorIndexCode ?? 'time clock';
    const comment = rules.commentTemplate
      .replaceAll('{label}', label)
      .replaceAll('{door}', punch.doorName ?? punch.doorIndexCode ?? '')
      .replaceAll('{reader}', punch.readerName ?? punch.readerIndexCode ?? '');
    const request: ClockRequest = {
      employeeId,
      now: entryTimeOf({ ms: eventMs, offsetMinutes: punch.utcOffsetMinutes ?? 0 }),
      comment,
    };
    log.debug({ type: direction.type, why: direction.why, workingDay }, 'decided');
    await this.context.store.updatePunches([{ id: punch.id, outcome: punch.outcome, entryType: direction.type, workingDay, request }], this.context.clock.now());
    return { kind: 'send', type: direction.type, request };
  }

  private priorityOf(punch: PunchRecord): RequestPriority {
    if (punch.attempts > 0) return 'retry';
    return punch.priority === 'backfill' ? 'backfill' : 'live';
  }

  private async send(punch: PunchRecord, request: ClockRequest, type: EntryType, log: Logger, signal?: AbortSignal): Promise<StepResult> {
    const path = CLOCK_PATH[type];
    const now = this.context.clock.now();
    if (this.context.dryRun) {
      log.info({ dryRun: true, method: 'POST', path, body: request }, `dry run: would POST ${path}`);
      await this.finish(
        punch,
        { id: punch.id, outcome: 'dry-run', reason: `dry-run: would POST ${path}`, request, entryType: type },
        log,
        { punchId: punch.id, atMs: now, kind: 'dry-run', method: 'POST', path, requestBody: request, status: null, result: 'dry-run', message: null },
      );
      return { kind: 'done' };
    }
    const attempts = punch.attempts + 1;
    // Committed before the POST: after a crash, `sending` means "read Humand before sending again".
    await this.context.store.updateWithAttempt(
      { id: punch.id, outcome: 'sending', request, entryType: type, attempts, reconcileNeeded: false, nextAttemptMs: null },
      { punchId: punch.id, atMs: now, kind: 'clock', method: 'POST', path, requestBody: request, status: null, result: 'sending', message: null },
      now,
    );
    log.info({ method: 'POST', path, body: request, attempt: attempts }, `sending ${type === 'START' ? 'clock-in' : 'clock-out'} to Humand`);
    const result = await this.gateway.clock(type, request, this.priorityOf(punch), signal);
    const doneAt = this.context.clock.now();
    const attemptBase = { punchId: punch.id, atMs: doneAt, kind: 'clock' as const, method: 'POST', path, requestBody: request };
    if (result.ok) {
      log.info({ status: result.status, entryId: result.value.id }, 'Humand accepted the entry');
      await this.finish(
        punch,
        { id: punch.id, outcome: 'delivered', reason: null, humandEntryId: String(result.value.id), reconcileNeeded: false },
        log,
        { ...attemptBase, status: result.status, result: 'ok', message: null },
      );
      return { kind: 'done' };
    }
    const failure = result.failure;
    const attempt = { ...attemptBase, status: failure.status, result: failure.kind, message: failure.message };
    log.warn({ status: failure.status, failure: failure.kind, message: failure.message }, 'Humand did not accept the entry');
    return this.onFailure({ ...punch, request, entryType: type, attempts, outcome: 'sending' }, failure, attempt, log, signal);
  }

  private async onFailure(punch: PunchRecord, failure: HumandFailure, attempt: DeliveryAttempt, log: Logger, signal?: AbortSignal): Promise<StepResult> {
    const { store, clock } = this.context;
    switch (failure.kind) {
      case 'rate-limited':
        // Not processed by Humand: back in the queue, the budget waits Retry-After.
        await store.updateWithAttempt({ id: punch.id, outcome: 'queued', attempts: punch.attempts - 1 }, attempt, clock.now());
        return { kind: 'later' };
      case 'unauthorised':
      case 'forbidden': {
        await store.updateWithAttempt({ id: punch.id, outcome: 'queued', attempts: punch.attempts - 1 }, attempt, clock.now());
        const hint =
          failure.kind === 'unauthorised'
            ? 'Humand does not know this API key: check HUMAND_AUTH. Every punch is kept and will be delivered once a probe succeeds.'
            : "Humand refused the key (permission or IP allowlist): give the key's user access to time tracking and check /api-keys/allowed-ips. Every punch is kept and will be delivered once a probe succeeds.";
        return { kind: 'paused', reason: `Humand answered ${failure.status} ${failure.code ?? ''}: ${failure.message}`.replace('  ', ' '), hint };
      }
      case 'rejected-by-rule': {
        await store.recordAttempt(attempt);
        const found = await this.readBack(punch, log, signal);
        if (found === 'unknown') return this.retryLater(punch, 'could not read Humand entries after a rejection', log, true);
        if (typeof found === 'object' && found !== null) return found;
        if (found !== null) {
          await this.finish(punch, { id: punch.id, outcome: 'delivered', reason: 'delivered: Humand already had this entry', humandEntryId: found, reconcileNeeded: false }, log);
          return { kind: 'done' };
        }
        await this.finish(punch, { id: punch.id, outcome: 'rejected', reason: `rejected: ${failure.message}`, reconcileNeeded: false }, log);
        return { kind: 'done' };
      }
      case 'transient':
        await store.recordAttempt(attempt);
        return this.retryLater(punch, failure.message, log, true);
      case 'bad-request':
      case 'not-found':
        await this.finish(punch, { id: punch.id, outcome: 'rejected', reason: `rejected: ${failure.status} ${failure.message}`, reconcileNeeded: false }, log, attempt);
        return { kind: 'done' };
    }
  }

  private async retryLater(punch: PunchRecord, why: string, log: Logger, answerUnknown: boolean): Promise<StepResult> {
    if (punch.attempts >= this.delivery.maxAttempts) {
      await this.finish(punch, { id: punch.id, outcome: 'dead', reason: `dead: gave up after ${punch.attempts} attempts: ${why}`, attempts: punch.attempts, reconcileNeeded: answerUnknown }, log);
      return { kind: 'done' };
    }
    const delay = backoffDelayMs(punch.attempts, this.delivery.backoffBaseMs, this.delivery.backoffMaxMs, this.random);
    const update: PunchUpdate = {
      id: punch.id,
      outcome: 'queued',
      reason: `retrying in ${Math.round(delay / 1000)}s: ${why}`,
      attempts: punch.attempts,
      nextAttemptMs: this.context.clock.now() + delay,
      reconcileNeeded: answerUnknown,
    };
    await this.context.store.updatePunches([update], this.context.clock.now());
    log.warn({ attempt: punch.attempts, delayMs: delay }, update.reason!);
    return { kind: 'later' };
  }

  /**
   * An earlier attempt's answer is unknown (crash while sending, timeout, lost answer):
   * read Humand. Returns null when the entry is not there and must be sent (again).
   */
  private async reconcile(punch: PunchRecord, log: Logger, signal?: AbortSignal): Promise<StepResult | null> {
    if (punch.request === null || punch.entryType === null) {
      await this.context.store.updatePunches([{ id: punch.id, outcome: 'queued', reconcileNeeded: false }], this.context.clock.now());
      return { kind: 'later' };
    }
    const found = await this.readBack(punch, log, signal);
    // A failed read counts as an attempt: a Humand that never answers ends in `dead`, not in a loop.
    if (found === 'unknown') return this.retryLater({ ...punch, attempts: punch.attempts + 1 }, 'could not read Humand entries to check an unanswered attempt', log, true);
    if (typeof found === 'object' && found !== null) return found;
    if (found !== null) {
      await this.finish(punch, { id: punch.id, outcome: 'delivered', reason: 'delivered: found in Humand after an unanswered attempt', humandEntryId: found, reconcileNeeded: false }, log);
      return { kind: 'done' };
    }
    log.info('not in Humand: sending it (again)');
    await this.context.store.updatePunches([{ id: punch.id, outcome: 'queued', reconcileNeeded: false }], this.context.clock.now());
    return null;
  }

  /** Humand's entry id when the punch's entry is there, null when not, 'unknown' when the read failed. */
  private async readBack(punch: PunchRecord, log: Logger, signal?: AbortSignal): Promise<string | null | 'unknown' | StepResult> {
    const eventMs = punch.eventMs!;
    const { startDate, endDate } = reconcileDateRange(localDateOf(eventMs, punch.utcOffsetMinutes ?? 0));
    const result = await this.gateway.listEntries(punch.employeeId!, startDate, endDate, 'retry', signal);
    const now = this.context.clock.now();
    const attempt: DeliveryAttempt = {
      punchId: punch.id,
      atMs: now,
      kind: 'reconcile',
      method: 'GET',
      path: '/time-tracking/entries',
      requestBody: { employeeId: punch.employeeId, startDate, endDate },
      status: result.ok ? result.status : result.failure.status,
      result: result.ok ? 'ok' : result.failure.kind,
      message: result.ok ? null : result.failure.message,
    };
    await this.context.store.recordAttempt(attempt);
    if (!result.ok) {
      log.warn({ failure: result.failure.kind, message: result.failure.message }, 'could not read Humand entries');
      if (result.failure.kind === 'forbidden' || result.failure.kind === 'unauthorised') {
        return { kind: 'paused', reason: `Humand answered ${result.failure.status}: ${result.failure.message}`, hint: 'check HUMAND_AUTH and the key\'s permissions; punches are kept' };
      }
      return 'unknown';
    }
    const match = findMatchingEntry(result.value, punch.entryType!, eventMs);
    log.info({ entries: result.value.length, found: match !== null }, 'read back Humand entries');
    return match === null ? null : String(match.id);
  }
}
