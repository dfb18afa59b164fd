import type { DeliveryConfig } from '../../config/types.js';
import { AWAITING_DELIVERY, type PunchRecord } from '../../store/punch.js';
import type { PipelineContext } from '../context.js';
import type { Deliverer, StepResult } from './deliverer.js';
import { DeliveryLease } from './delivery-lease.js';
import { DeliveryPause, type PauseState } from './delivery-pause.js';
import { PRIORITY_RANK, priorityOf } from './priority.js';

export type { PauseState };

export interface DrainOptions {
  readonly signal?: AbortSignal;
  /** Return when nothing is ready and nothing will be before this instant (a sync pass); omit to run until aborted. */
  readonly idleDeadlineMs?: number;
  /** Return once a probe has failed while paused (a sync pass probes once; a daemon keeps probing). */
  readonly stopWhenPaused?: boolean;
}

export interface DrainSummary {
  readonly processed: number;
  readonly paused: PauseState | null;
}

/**
 * Runs delivery: per employee strictly in event-time order (one punch of an employee at a
 * time, the earliest first), across employees concurrently, after the settle delay.
 * On 401/403 everything pauses; one punch is tried every probe interval until one gets through.
 */
export class DeliveryEngine {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly pauses: DeliveryPause;
  private readonly wakers = new Set<() => void>();
  private processed = 0;
  /** Several instances on one ledger: only the lease holder delivers (null: a single-process ledger). */
  private readonly lease: DeliveryLease | null;

  constructor(
    private readonly context: PipelineContext,
    private readonly deliverer: Deliverer,
    private readonly config: DeliveryConfig,
  ) {
    this.pauses = new DeliveryPause(context, config.probeIntervalMs);
    this.lease = DeliveryLease.of(context, config.leaseTtlMs === undefined ? {} : { ttlMs: config.leaseTtlMs });
    const lease = this.lease;
    if (lease !== null) deliverer.fenceWith(() => lease.stillHolds());
  }

  /** The pause, if any (also persisted, so `status` from another process sees it). */
  get pauseState(): PauseState | null {
    return this.pauses.state;
  }

  /** New work may be ready (ingest, mapping change, retry request). */
  wake(): void {
    for (const waker of [...this.wakers]) waker();
  }

  private readyAt(punch: PunchRecord): number {
    const settled = (punch.eventMs ?? 0) + this.context.rules.settleDelayMs;
    return Math.max(settled, punch.nextAttemptMs ?? 0);
  }

  private rank(punch: PunchRecord): number {
    return PRIORITY_RANK[priorityOf(punch)];
  }

  /** Delivers until idle (with `idleDeadlineMs`) or until aborted. */
  async drain(options: DrainOptions = {}): Promise<DrainSummary> {
    await this.pauses.load();
    const { signal } = options;
    const startProcessed = this.processed;
    const { clock } = this.context;
    while (!signal?.aborted) {
      const now = clock.now();
      // Past the deadline nothing new starts; what is in flight finishes.
      if (options.idleDeadlineMs !== undefined && now > options.idleDeadlineMs) break;
      if (this.lease !== null && !(await this.lease.mayDeliver())) {
        // Another instance delivers; this one ingests and decides. A sync pass leaves it at that.
        if (options.idleDeadlineMs !== undefined) break;
        await this.waitFor(this.lease.retryMs, signal);
        continue;
      }
      const probing = this.pauses.state !== null;
      if (probing && options.stopWhenPaused && this.inFlight.size === 0 && this.pauses.probed) break;
      const probeAt = probing && this.inFlight.size === 0 ? this.pauses.nextProbeAt(now) : null;
      if (probeAt !== null) {
        if (options.idleDeadlineMs !== undefined && probeAt > options.idleDeadlineMs) break;
        await this.waitFor(probeAt - now, signal);
        continue;
      }
      const heads = (await this.context.store.deliveryHeads()).filter((h) => h.employeeId !== null && !this.inFlight.has(h.employeeId));
      const ready = heads.filter((h) => this.readyAt(h) <= now).sort((a, b) => this.rank(a) - this.rank(b) || a.eventMs! - b.eventMs! || a.id - b.id);
      let started = 0;
      for (const head of ready) {
        if (probing && (this.inFlight.size > 0 || started > 0)) break;
        // Live punches may exceed the worker cap so that they queue ahead of backfill for the budget.
        const cap = this.rank(head) === PRIORITY_RANK.live ? this.config.concurrency * 2 : this.config.concurrency;
        if (this.inFlight.size >= cap) continue;
        this.start(head, signal);
        started++;
        if (probing) this.pauses.probing(now);
      }
      if (this.inFlight.size === 0) {
        const next = heads.length === 0 ? null : Math.min(...heads.map((h) => this.readyAt(h)));
        if (options.idleDeadlineMs !== undefined && (next === null || next > options.idleDeadlineMs)) break;
        // With a lease, wake up to renew it (and to see work another instance recorded).
        const idle = next === null ? 60_000 : Math.max(0, next - now);
        await this.waitFor(this.lease === null ? idle : Math.min(idle, this.lease.retryMs), signal);
        continue;
      }
      const nextNotReady = heads.filter((h) => this.readyAt(h) > now).map((h) => this.readyAt(h));
      const timeout = nextNotReady.length > 0 ? Math.max(0, Math.min(...nextNotReady) - now) : 60_000;
      // The lease is renewed at the top of the loop: also while a long step is in flight.
      await Promise.race([...this.inFlight.values(), this.waitFor(this.lease === null ? timeout : Math.min(timeout, this.lease.retryMs), signal)]);
    }
    await Promise.allSettled([...this.inFlight.values()]);
    await this.lease?.release();
    return { processed: this.processed - startProcessed, paused: this.pauses.state };
  }

  private start(head: PunchRecord, signal?: AbortSignal): void {
    const employeeId = head.employeeId!;
    const task = (async () => {
      let result: StepResult;
      try {
        // The heads may have been read while this employee's previous step was finishing (the
        // read is asynchronous): work from the ledger as it is now, or not at all if it moved on.
        const current = await this.context.store.getPunch(head.id);
        if (current === null || !AWAITING_DELIVERY.includes(current.outcome) || this.readyAt(current) > this.context.clock.now()) return;
        result = await this.deliverer.process(current, signal);
      } catch (error) {
        if (signal?.aborted) return;
        this.context.logger.error({ err: error, punch: head.correlationId }, 'delivery step failed; will retry');
        // A store failure mid-step: the ledger still says what is known; try again shortly.
        await this.context.store
          .updatePunches(
            [{ id: head.id, outcome: head.outcome === 'sending' ? 'sending' : 'queued', nextAttemptMs: this.context.clock.now() + this.config.backoffBaseMs }],
            this.context.clock.now(),
          )
          .catch(() => undefined);
        return;
      }
      this.processed++;
      if (result.kind === 'paused') await this.pauses.pause(result.reason, result.hint);
      else await this.pauses.lift();
    })().finally(() => {
      this.inFlight.delete(employeeId);
      this.wake();
    });
    this.inFlight.set(employeeId, task);
  }

  private waitFor(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const controller = new AbortController();
      const done = () => {
        controller.abort();
        signal?.removeEventListener('abort', done);
        this.wakers.delete(done);
        resolve();
      };
      this.wakers.add(done);
      if (signal?.aborted) {
        done();
        return;
      }
      signal?.addEventListener('abort', done, { once: true });
      this.context.clock.sleep(ms, controller.signal).then(done, () => undefined);
    });
  }

  /** Another Humand call (e.g. the user sync) was refused with 401/403: pause delivery too. */
  reportAuthFailure(reason: string, hint: string): Promise<void> {
    return this.pauses.pause(reason, hint);
  }

  /** A call to Humand just succeeded outside delivery (e.g. the user sync): the key works again. */
  reportAuthWorks(): Promise<void> {
    return this.pauses.lift();
  }

  /** Lets the next drain try one punch at once even while paused (start of a sync pass). */
  probeNow(): void {
    this.pauses.probeNow();
  }

  /** Clears a pause by hand (e.g. `dead-letters retry` after fixing the key). */
  async resume(): Promise<void> {
    await this.pauses.clear();
    this.wake();
  }
}
