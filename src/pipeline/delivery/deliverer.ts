import type { Logger } from 'pino';
import type { ClockRequest, EntryType, HumandFailure } from '../../domain/humand.js';
import type { DeliveryConfig } from '../../config/types.js';
import type { PunchRecord, PunchUpdate, DeliveryAttempt } from '../../store/punch.js';
import { announce, punchLogger, type PipelineContext } from '../context.js';
import { backoffDelayMs } from './backoff.js';
import { PunchDecider, type Decided } from './punch-decider.js';
import { priorityOf } from './priority.js';
import { NotSentError, type HumandGateway } from './humand-gateway.js';
import type { InterruptedStep, StepResult } from './step-result.js';

export type { StepResult } from './step-result.js';

const CLOCK_PATH: Record<EntryType, string> = { START: '/time-tracking/entries/clockIn', END: '/time-tracking/entries/clockOut' };

/**
 * Delivers one punch (the earliest awaiting one of its employee): decides it (PunchDecider:
 * the decision model, against what we sent and, when it matters, Humand's own day), commits
 * `sending` with the exact body before the POST, and classifies the answer. An unknown answer
 * is resolved by reading the employee's Humand day before anything is sent again.
 */
export class Deliverer {
  private readonly decider: PunchDecider;

  constructor(
    private readonly context: PipelineContext,
    private readonly gateway: HumandGateway,
    private readonly delivery: DeliveryConfig,
    private readonly random: () => number = Math.random,
  ) {
    this.decider = new PunchDecider(context, gateway);
  }

  /** Asked right before each clock POST (after the rate permit): false sends nothing. */
  private fence: (() => Promise<boolean>) | null = null;

  /** On a ledger shared by several instances: check the delivery lease before every send. */
  fenceWith(stillHolds: () => Promise<boolean>): void {
    this.fence = stillHolds;
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
      const blocker = await this.blockedBy(punch);
      if (blocker !== null) {
        await this.finish(punch, { id: punch.id, outcome: 'waiting', reason: blocker }, log);
        return { kind: 'done' };
      }
      return this.act(punch, await this.decider.decide(punch, priorityOf(punch), log, signal), log, signal);
    }
    return this.send(punch, punch.request, punch.entryType, log, signal);
  }

  /**
   * Per-employee order after a failure: while an earlier punch of the employee is dead, a later
   * one is not decided against a day that lacks it; it waits, and is decided again once the dead
   * one is re-driven or marked fixed.
   */
  private async blockedBy(punch: PunchRecord): Promise<string | null> {
    const dead = await this.context.store.employeePunches(punch.employeeId!, 0, punch.eventMs!, ['dead']);
    const first = dead.find((p) => p.id !== punch.id);
    if (first === undefined) return null;
    return `waiting: ${first.correlationId} before it could not be delivered (dead); re-drive it or mark it fixed in Humand, and this one follows in order`;
  }

  private async act(punch: PunchRecord, decided: Decided, log: Logger, signal?: AbortSignal): Promise<StepResult> {
    switch (decided.kind) {
      case 'final':
        await this.finish(punch, decided.update, log);
        return { kind: 'done' };
      case 'step':
        if (decided.update !== undefined) await this.context.store.updatePunches([decided.update], this.context.clock.now());
        return this.interrupted(punch, decided.result, log, false);
      case 'send':
        log.debug({ type: decided.type, why: decided.why, workingDay: decided.workingDay }, 'decided');
        await this.context.store.updatePunches(
          [{ id: punch.id, outcome: punch.outcome, entryType: decided.type, workingDay: decided.workingDay, request: decided.request, reason: null }],
          this.context.clock.now(),
        );
        return this.send(
          { ...punch, entryType: decided.type, request: decided.request, workingDay: decided.workingDay },
          decided.request,
          decided.type,
          log,
          signal,
        );
    }
  }

  private interrupted(punch: PunchRecord, step: InterruptedStep, log: Logger, answerUnknown: boolean): Promise<StepResult> | StepResult {
    if (step.kind !== 'unread') return step;
    return this.retryLater({ ...punch, attempts: punch.attempts + 1 }, step.why, log, answerUnknown);
  }

  private async finish(punch: PunchRecord, update: PunchUpdate, log: Logger, attempt?: DeliveryAttempt): Promise<void> {
    const now = this.context.clock.now();
    if (attempt) await this.context.store.updateWithAttempt(update, attempt, now);
    else await this.context.store.updatePunches([update], now);
    announce(this.context, punch, update);
    const fields = { outcome: update.outcome, reason: update.reason ?? undefined };
    // A person must look at a rejected or review punch, and more urgently at one given up on.
    if (update.outcome === 'dead') log.error(fields, 'punch dead');
    else if (update.outcome === 'rejected' || update.outcome === 'review' || update.outcome === 'waiting') log.warn(fields, `punch ${update.outcome}`);
    else if (update.outcome === 'ignored') log.debug(fields, 'punch ignored');
    else log.info(fields, `punch ${update.outcome}`);
  }

  private async send(punch: PunchRecord, request: ClockRequest, type: EntryType, log: Logger, signal?: AbortSignal): Promise<StepResult> {
    const path = CLOCK_PATH[type];
    const now = this.context.clock.now();
    if (this.context.dryRun) {
      log.info({ dryRun: true, method: 'POST', path, body: request }, `dry run: would POST ${path}`);
      await this.finish(punch, { id: punch.id, outcome: 'dry-run', reason: `dry-run: would POST ${path}`, request, entryType: type }, log, {
        punchId: punch.id,
        atMs: now,
        kind: 'dry-run',
        method: 'POST',
        path,
        requestBody: request,
        status: null,
        result: 'dry-run',
        message: null,
      });
      return { kind: 'done' };
    }
    const attempts = punch.attempts + 1;
    // Committed before the POST: after a crash, `sending` means "read Humand before sending again".
    await this.context.store.updateWithAttempt(
      { id: punch.id, outcome: 'sending', request, entryType: type, attempts, reconcileNeeded: false, nextAttemptMs: null },
      { punchId: punch.id, atMs: now, kind: 'clock', method: 'POST', path, requestBody: request, status: null, result: 'sending', message: null },
      now,
    );
    const beforeSend = async (): Promise<boolean> => {
      if (this.fence !== null && !(await this.fence())) return false;
      // Logged when the request really leaves, not before the wait for the rate budget.
      log.info({ method: 'POST', path, body: request, attempt: attempts }, `sending ${type === 'START' ? 'clock-in' : 'clock-out'} to Humand`);
      return true;
    };
    let result;
    try {
      result = await this.gateway.clock(type, request, priorityOf(punch), signal, beforeSend);
    } catch (error) {
      // Fenced: the punch stays `sending` (never sent by us); the lease holder reads Humand and sends it once.
      if (error instanceof NotSentError) {
        log.warn('not sent: another instance holds the delivery lease now and will check and send it');
        return { kind: 'later' };
      }
      throw error;
    }
    const doneAt = this.context.clock.now();
    const attemptBase = { punchId: punch.id, atMs: doneAt, kind: 'clock' as const, method: 'POST', path, requestBody: request };
    if (result.ok) {
      log.info({ status: result.status, entryId: result.value.id }, 'Humand accepted the entry');
      await this.finish(punch, { id: punch.id, outcome: 'delivered', reason: null, humandEntryId: String(result.value.id), reconcileNeeded: false }, log, {
        ...attemptBase,
        status: result.status,
        result: 'ok',
        message: null,
      });
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
        // Not processed by Humand: back in the queue, the budget waits Retry-After. Only from
        // `sending`: never back from a state another instance has moved it to (e.g. delivered).
        await store.updateWithAttempt({ id: punch.id, outcome: 'queued', attempts: punch.attempts - 1, expectedOutcome: 'sending' }, attempt, clock.now());
        return { kind: 'later' };
      case 'unauthorised':
      case 'forbidden': {
        await store.updateWithAttempt({ id: punch.id, outcome: 'queued', attempts: punch.attempts - 1, expectedOutcome: 'sending' }, attempt, clock.now());
        const hint =
          failure.kind === 'unauthorised'
            ? 'Humand does not know this API key: check HUMAND_AUTH. Every punch is kept and will be delivered once a probe succeeds.'
            : "Humand refused the key (permission or IP allowlist): give the key's user access to time tracking and check /api-keys/allowed-ips. Every punch is kept and will be delivered once a probe succeeds.";
        return { kind: 'paused', reason: `Humand answered ${failure.status} ${failure.code ?? ''}: ${failure.message}`.replace('  ', ' '), hint };
      }
      case 'rejected-by-rule': {
        await store.recordAttempt(attempt);
        const after = await this.decider.afterRefusal(punch, failure.message, priorityOf(punch), log, signal);
        if (after.kind === 'found') {
          await this.finish(
            punch,
            { id: punch.id, outcome: 'delivered', reason: 'delivered: Humand already had this entry', humandEntryId: after.entryId, reconcileNeeded: false },
            log,
          );
          return { kind: 'done' };
        }
        if (after.kind === 'step') return this.interrupted(punch, after.result, log, true);
        if (after.kind === 'final') {
          await this.finish(punch, after.update, log);
          return { kind: 'done' };
        }
        log.info({ type: after.type, why: after.why }, "Humand's day says the other type was meant: sending that");
        await store.updatePunches([{ id: punch.id, outcome: 'queued', entryType: after.type, request: after.request, reconcileNeeded: false }], clock.now());
        return this.send({ ...punch, entryType: after.type, request: after.request }, after.request, after.type, log, signal);
      }
      case 'transient':
        await store.recordAttempt(attempt);
        return this.retryLater(punch, failure.message, log, true);
      case 'bad-request':
      case 'not-found':
        await this.finish(
          punch,
          { id: punch.id, outcome: 'rejected', reason: `rejected: ${failure.status} ${failure.message}`, reconcileNeeded: false },
          log,
          attempt,
        );
        return { kind: 'done' };
    }
  }

  private async retryLater(punch: PunchRecord, why: string, log: Logger, answerUnknown: boolean): Promise<StepResult> {
    if (punch.attempts >= this.delivery.maxAttempts) {
      await this.finish(
        punch,
        {
          id: punch.id,
          outcome: 'dead',
          reason: `dead: gave up after ${punch.attempts} attempts: ${why}`,
          attempts: punch.attempts,
          reconcileNeeded: answerUnknown,
        },
        log,
      );
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
      expectedOutcome: punch.outcome,
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
    const read = await this.decider.findInHumand(punch, 'retry', log, signal);
    // A failed read counts as an attempt: a Humand that never answers ends in `dead`, not in a loop.
    if ('step' in read)
      return this.interrupted(
        punch,
        read.step.kind === 'unread' ? { kind: 'unread', why: 'could not read Humand to check an unanswered attempt' } : read.step,
        log,
        true,
      );
    if (read.found !== undefined) {
      await this.finish(
        punch,
        {
          id: punch.id,
          outcome: 'delivered',
          reason: 'delivered: found in Humand after an unanswered attempt',
          humandEntryId: read.found,
          reconcileNeeded: false,
        },
        log,
      );
      return { kind: 'done' };
    }
    log.info('not in Humand: sending it (again)');
    await this.context.store.updatePunches([{ id: punch.id, outcome: 'queued', reconcileNeeded: false }], this.context.clock.now());
    return null;
  }
}
