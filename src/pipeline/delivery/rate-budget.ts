import type { Clock } from '../../domain/ports.js';
import type { RateLimitInfo } from '../../domain/humand.js';

import { ResetMargin } from './reset-margin.js';
import { PRIORITY_RANK, type RequestPriority } from './priority.js';

export type { RequestPriority } from './priority.js';

export interface RateBudgetOptions {
  readonly clock: Clock;
  /** Assumed until Humand's first RateLimit header says otherwise (documented: 50 per 60 s). */
  readonly limit: number;
  readonly windowMs: number;
  /**
   * A fixed extra wait after a window's announced reset before spending the new budget.
   * Unset (production): sized from measurement — see `marginMs`.
   */
  readonly resetMarginMs?: number;
  /**
   * The last RateLimit answer a previous process saved (the ledger's meta). Given (even null),
   * the budget starts carefully: a process killed in a busy window may have used most of it,
   * and requests it sent after its last saved answer were counted too. So: inside that
   * window, `remaining` starts at the saved value less `unsavedReserve` (0 → wait for its
   * reset), and until the first answer at most one request is in flight; the first answer
   * is then taken as the truth.
   */
  readonly lastAnswer?: RateLimitInfo | null;
  /** Requests a previous process may have sent after its last saved answer (its concurrency + 1). Default 5. */
  readonly unsavedReserve?: number;
}

export interface RateBudgetSnapshot {
  readonly limit: number;
  readonly windowMs: number;
  readonly remaining: number;
  readonly resetAtMs: number | null;
  readonly pausedUntilMs: number;
  readonly inFlight: number;
  readonly waiting: number;
  /** Started from a saved answer and waiting for the first one of its own (one request at a time). */
  readonly probing?: boolean;
}

export interface RatePermit {
  /** Call once with what the response said (null info when no answer came back). */
  complete(info: RateLimitInfo | null, retryAfterMs?: number | null): void;
}

interface Waiter {
  readonly rank: number;
  readonly cost: number;
  readonly seq: number;
  readonly grant: (permit: RatePermit) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * One budget per Humand key, fed by every response's RateLimit headers and by
 * Retry-After. Never grants a request when the known remaining is 0 before the reset;
 * under backlog it grants all of it. Waiters are served by priority, then in order.
 */
export class RateBudget {
  private readonly clock: Clock;
  private readonly margin: ResetMargin;
  /** How long the last answers took from permit to answer (ms), newest last. */
  /** Grows to 1 s if Humand ever refuses a request sent just after a window we computed had opened. */
  private rolledAtMs = Number.NEGATIVE_INFINITY;
  private limit: number;
  private windowMs: number;
  private remaining: number;
  private resetAtMs: number | null = null;
  /** Whether `resetAtMs` is Humand's announcement or only our guess (first grant + window). */
  private resetAnnounced = false;
  private pausedUntilMs = 0;
  private inFlight = 0;
  private seq = 0;
  private waiters: Waiter[] = [];
  private timer: AbortController | null = null;
  private timerDueMs: number | null = null;
  /** Until the first answer after a start with history: one request at a time, its answer believed. */
  private probing = false;
  /** Order in which permits were granted (≈ requests sent), and the newest one whose answer was learned. */
  private sentSeq = 0;
  private newestLearnedSeq = -1;

  constructor(options: RateBudgetOptions) {
    this.clock = options.clock;
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.remaining = options.limit;
    this.margin = new ResetMargin(options.resetMarginMs ?? null);
    if (options.lastAnswer !== undefined) this.startFrom(options.lastAnswer, options.unsavedReserve ?? 5);
  }

  /** See ResetMargin: how long after a window's reset its budget is taken as renewed. */
  private get marginMs(): number {
    return this.margin.ms(this.resetAnnounced);
  }

  private startFrom(last: RateLimitInfo | null, reserve: number): void {
    this.probing = true;
    if (last === null) return;
    if (last.limit !== null && last.limit > 0) this.limit = last.limit;
    if (last.windowSeconds !== null && last.windowSeconds > 0) this.windowMs = last.windowSeconds * 1000;
    this.remaining = this.limit;
    if (last.remaining === null || last.resetSeconds === null) return;
    const resetAtMs = last.observedAt + last.resetSeconds * 1000;
    if (this.clock.now() >= resetAtMs + this.marginMs) return; // that window is over
    this.remaining = Math.max(0, Math.min(this.limit, last.remaining) - Math.max(0, reserve));
    this.setReset(resetAtMs, true);
  }

  snapshot(): RateBudgetSnapshot {
    this.roll(this.clock.now());
    return {
      limit: this.limit,
      windowMs: this.windowMs,
      remaining: this.remaining,
      resetAtMs: this.resetAtMs,
      pausedUntilMs: this.pausedUntilMs,
      inFlight: this.inFlight,
      waiting: this.waiters.length,
      probing: this.probing,
    };
  }

  /**
   * Resolves when a request of this priority may be sent. `cost` > 1 reserves several
   * requests at once (a paged read whose pages are sent back to back).
   */
  acquire(priority: RequestPriority, signal?: AbortSignal, cost = 1): Promise<RatePermit> {
    return new Promise<RatePermit>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        return;
      }
      const waiter: Waiter = {
        rank: PRIORITY_RANK[priority],
        cost: Math.max(1, Math.floor(cost)),
        seq: this.seq++,
        grant: (permit) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(permit);
        },
        fail: reject,
      };
      const onAbort = () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.waiters.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
      this.pump();
    });
  }

  /** Feeds the budget from a response that did not go through a permit (e.g. another caller). */
  observe(info: RateLimitInfo | null, retryAfterMs?: number | null): void {
    this.learn(info, retryAfterMs ?? null, 0, this.sentSeq);
    this.pump();
  }

  private roll(now: number): void {
    if (this.resetAtMs !== null && now >= this.resetAtMs + this.marginMs) {
      // A new window: what is in flight may still be counted in it.
      this.remaining = Math.max(0, this.limit - this.inFlight);
      this.setReset(null, false);
      this.rolledAtMs = now;
    }
  }

  private canGrant(now: number, cost: number): boolean {
    this.roll(now);
    if (this.probing && this.inFlight > 0) return false;
    // A reservation larger than a whole window is granted on a full window.
    return now >= this.pausedUntilMs && this.remaining >= Math.min(cost, this.limit);
  }

  private pump(): void {
    const now = this.clock.now();
    while (this.waiters.length > 0 && this.canGrant(now, this.waiters[0]!.cost)) {
      const waiter = this.waiters.shift()!;
      const seq = this.sentSeq++;
      const grantedAtMs = now;
      this.remaining = Math.max(0, this.remaining - waiter.cost);
      this.inFlight += waiter.cost;
      // Before the server has told us its window, assume one starts with our first request.
      if (this.resetAtMs === null) this.setReset(now + this.windowMs, false);
      let done = false;
      waiter.grant({
        complete: (info, retryAfterMs) => {
          if (done) return;
          done = true;
          this.inFlight -= waiter.cost;
          if (info !== null) this.margin.measure(this.clock.now() - grantedAtMs);
          if (retryAfterMs !== undefined && retryAfterMs !== null && grantedAtMs >= this.rolledAtMs && grantedAtMs - this.rolledAtMs < 2_000)
            this.margin.resetWasEarly();
          this.learn(info, retryAfterMs ?? null, this.inFlight, seq);
          this.pump();
        },
      });
    }
    if (this.waiters.length > 0) this.armTimer(now);
  }

  private learn(info: RateLimitInfo | null, retryAfterMs: number | null, othersInFlight: number, seq: number): void {
    const now = this.clock.now();
    const probe = this.probing;
    this.probing = false;
    if (retryAfterMs !== null && retryAfterMs >= 0) {
      this.pausedUntilMs = Math.max(this.pausedUntilMs, now + retryAfterMs);
      this.remaining = 0;
      this.setReset(Math.max(this.resetAtMs ?? 0, now + retryAfterMs), true);
    }
    if (info === null) return;
    if (info.limit !== null && info.limit > 0) this.limit = info.limit;
    if (info.windowSeconds !== null && info.windowSeconds > 0) this.windowMs = info.windowSeconds * 1000;
    if (info.remaining === null) return;
    const serverRemaining = Math.max(0, info.remaining - othersInFlight);
    const serverResetAt = info.resetSeconds === null ? null : info.observedAt + info.resetSeconds * 1000;
    if (seq < this.newestLearnedSeq) {
      // An answer overtaken by the answer to a later request: it cannot say anything newer.
      // It may lower what is left of the current window, never raise it or open a new one.
      if (serverResetAt === null || this.resetAtMs === null || serverResetAt <= this.resetAtMs + 1000) {
        this.remaining = Math.min(this.remaining, serverRemaining);
      }
      return;
    }
    this.newestLearnedSeq = seq;
    if (probe && retryAfterMs === null) {
      // The first answer after a restart: the server's count includes whatever the previous process sent.
      this.remaining = Math.min(this.limit, serverRemaining);
      if (serverResetAt !== null) this.setReset(serverResetAt, true);
      return;
    }
    if (serverResetAt === null) {
      this.remaining = Math.min(this.remaining, serverRemaining);
      return;
    }
    if (serverResetAt + this.marginMs <= now) return; // an answer from a window that is already over
    if (this.resetAtMs === null) {
      this.remaining = Math.min(this.remaining, serverRemaining);
      this.setReset(serverResetAt, true);
    } else if (serverResetAt > this.resetAtMs + 1000) {
      // The server is in a window we have not accounted for yet.
      this.remaining = serverRemaining;
      this.setReset(serverResetAt, true);
    } else {
      // Same window. `reset` is rounded up to whole seconds: the earliest announcement is the
      // closest. Our own guess (first grant + window) is early by that request's way to Humand:
      // the first announcement replaces it.
      this.remaining = Math.min(this.remaining, serverRemaining);
      this.setReset(this.resetAnnounced ? Math.min(this.resetAtMs, serverResetAt) : serverResetAt, true);
    }
  }

  private setReset(atMs: number | null, announced: boolean): void {
    this.resetAtMs = atMs;
    this.resetAnnounced = atMs !== null && announced;
  }

  private armTimer(now: number): void {
    const candidates: number[] = [];
    if (this.pausedUntilMs > now) candidates.push(this.pausedUntilMs);
    const head = this.waiters[0];
    if (head !== undefined && this.remaining < Math.min(head.cost, this.limit) && this.resetAtMs !== null) {
      candidates.push(this.resetAtMs + this.marginMs);
    }
    if (candidates.length === 0) return; // waiting only for in-flight answers
    const due = Math.max(...candidates);
    if (this.timer !== null && this.timerDueMs === due) return;
    this.timer?.abort();
    const controller = new AbortController();
    this.timer = controller;
    this.timerDueMs = due;
    this.clock.sleep(Math.max(0, due - now), controller.signal).then(
      () => {
        if (this.timer !== controller) return;
        this.timer = null;
        this.timerDueMs = null;
        this.pump();
      },
      () => undefined,
    );
  }

  /** Rejects every waiter (shutdown). */
  close(reason: Error = new Error('rate budget closed')): void {
    this.timer?.abort();
    this.timer = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.fail(reason);
  }
}
