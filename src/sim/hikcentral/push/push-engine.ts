import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../../domain/ports.js';
import type { SimEvent } from '../../scenario/types.js';
import { pushEventRecord } from '../api/records.js';
import { formatSiteTime } from '../site-time.js';
import type { SimWorld } from '../world.js';
import type { PushSender } from './push-sender.js';
import type { SubscriptionRegistry } from './subscriptions.js';

export interface PushPolicy {
  /** Events per OnEventNotify POST. */
  readonly maxBatch: number;
  /** Back-off before re-sending a batch that was not answered 200: base·2^(n-1), capped. Sim clock. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Attempts before a batch is abandoned (recorded in the attempt log). */
  readonly maxAttempts: number;
  /** Re-push every pushed event with a NEW eventId this often, for repushForMs after its first push (null = off). */
  readonly repushEveryMs: number | null;
  readonly repushForMs: number | null;
}

export interface PushAttempt {
  readonly batchId: number;
  readonly eventDest: string;
  readonly eventIds: readonly string[];
  readonly attempt: number;
  /** Sim time of the attempt. */
  readonly at: number;
  /** delivered = HTTP 200; rejected = another status; failed = no answer (refused, reset, timeout). */
  readonly outcome: 'delivered' | 'rejected' | 'failed';
  readonly httpStatus: number | null;
  readonly error: string | null;
  /** The last attempt of a batch given up after maxAttempts. */
  readonly abandoned: boolean;
}

export interface PushCopy {
  readonly originalEventId: string;
  readonly eventId: string;
  /** Sim time the copy was made. */
  readonly at: number;
}

interface QueuedEvent {
  readonly event: SimEvent;
  readonly eventId: string;
}

interface Batch {
  readonly id: number;
  readonly eventDest: string;
  readonly token: string | null;
  readonly events: QueuedEvent[];
  attempts: number;
  nextAttemptAt: number;
}

/**
 * Pushes events as they become visible on the sim clock. Nothing happens on its own: `pump()`
 * delivers whatever is due now (tests call it; an interval timer calls it in demo mode).
 * Batches to one destination go out in order; a batch not answered 200 blocks the ones behind
 * it until it is delivered or abandoned, as a platform that "backs up and re-sends" would.
 */
export class PushEngine {
  private readonly queues = new Map<string, Batch[]>();
  private readonly queuedOriginals = new Set<string>();
  private readonly repushing = new Map<string, { event: SimEvent; firstAt: number; lastAt: number }>();
  private readonly attemptLog: PushAttempt[] = [];
  private readonly copyLog: PushCopy[] = [];
  private nextBatchId = 1;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly world: SimWorld,
    private readonly subscriptions: SubscriptionRegistry,
    private readonly sender: PushSender,
    private readonly clock: Clock,
    private readonly policy: PushPolicy,
    private readonly logger: Logger,
  ) {}

  /** Delivers everything due now; calls are serialised, so a timer and a test never overlap. */
  pump(): Promise<void> {
    const run = this.running.then(() => this.pumpOnce());
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Queues copies of recently received, subscribed events — with new eventIds unless
   * `freshEventIds` is false — as the real site did after a receiver restart. Sent by the next pump.
   */
  repushRecent(options: { sinceMs: number; freshEventIds?: boolean }): PushCopy[] {
    const now = this.clock.now();
    const fresh = options.freshEventIds ?? true;
    const copies: PushCopy[] = [];
    for (const event of this.world.visibleEvents(now)) {
      if (event.arrivalTime < now - options.sinceMs || !this.subscriptions.forType(event.eventType)) continue;
      copies.push(this.queueCopy(event, fresh ? newEventId() : event.eventId, now));
    }
    return copies;
  }

  attempts(): readonly PushAttempt[] {
    return this.attemptLog;
  }

  copies(): readonly PushCopy[] {
    return this.copyLog;
  }

  /** Events queued and not yet delivered or abandoned. */
  pendingEvents(): number {
    let count = 0;
    for (const batches of this.queues.values()) for (const batch of batches) count += batch.events.length;
    return count;
  }

  private async pumpOnce(): Promise<void> {
    const now = this.clock.now();
    this.queueNewlyVisible(now);
    this.queueAutomaticRepushes(now);
    for (const [, batches] of this.queues) {
      while (batches.length > 0) {
        const batch = batches[0] as Batch;
        if (batch.nextAttemptAt > this.clock.now()) break;
        const delivered = await this.deliver(batch);
        if (delivered || batch.attempts >= this.policy.maxAttempts) {
          batches.shift();
          continue;
        }
        break;
      }
    }
  }

  private queueNewlyVisible(now: number): void {
    const due = this.world
      .listEvents()
      .filter((event) => event.arrivalTime <= now && !this.queuedOriginals.has(event.eventId))
      .filter((event) => {
        const subscription = this.subscriptions.forType(event.eventType);
        return subscription !== undefined && event.arrivalTime >= subscription.since;
      })
      .sort((a, b) => a.arrivalTime - b.arrivalTime || a.eventTime - b.eventTime);
    for (const event of due) {
      this.queuedOriginals.add(event.eventId);
      this.enqueue(event, event.eventId, now);
      if (this.policy.repushEveryMs !== null) this.repushing.set(event.eventId, { event, firstAt: now, lastAt: now });
    }
  }

  private queueAutomaticRepushes(now: number): void {
    const every = this.policy.repushEveryMs;
    if (every === null) return;
    const lasting = this.policy.repushForMs ?? 10 * 60_000;
    for (const [originalId, tracked] of this.repushing) {
      if (now - tracked.firstAt > lasting) {
        this.repushing.delete(originalId);
        continue;
      }
      if (now - tracked.lastAt >= every) {
        tracked.lastAt = now;
        this.queueCopy(tracked.event, newEventId(), now);
      }
    }
  }

  private queueCopy(event: SimEvent, eventId: string, now: number): PushCopy {
    const copy = { originalEventId: event.eventId, eventId, at: now };
    this.copyLog.push(copy);
    this.enqueue(event, eventId, now);
    return copy;
  }

  private enqueue(event: SimEvent, eventId: string, now: number): void {
    const subscription = this.subscriptions.forType(event.eventType);
    if (!subscription) return;
    const key = `${subscription.eventDest}\u0000${subscription.token ?? ''}`;
    const batches = this.queues.get(key) ?? [];
    this.queues.set(key, batches);
    const last = batches.at(-1);
    if (last && last.attempts === 0 && last.events.length < this.policy.maxBatch) {
      last.events.push({ event, eventId });
      return;
    }
    batches.push({
      id: this.nextBatchId++,
      eventDest: subscription.eventDest,
      token: subscription.token,
      events: [{ event, eventId }],
      attempts: 0,
      nextAttemptAt: now,
    });
  }

  private async deliver(batch: Batch): Promise<boolean> {
    const at = this.clock.now();
    const body = {
      method: 'OnEventNotify',
      params: {
        ability: 'event_acs',
        sendTime: formatSiteTime(at, this.world.timezone),
        events: batch.events.map((queued) => pushEventRecord(queued.event, queued.eventId, this.world)),
      },
    };
    const result = await this.sender.send(batch.eventDest, batch.token, body);
    batch.attempts += 1;
    const delivered = 'status' in result && result.status === 200;
    const abandoned = !delivered && batch.attempts >= this.policy.maxAttempts;
    this.attemptLog.push({
      batchId: batch.id,
      eventDest: batch.eventDest,
      eventIds: batch.events.map((queued) => queued.eventId),
      attempt: batch.attempts,
      at,
      outcome: delivered ? 'delivered' : 'status' in result ? 'rejected' : 'failed',
      httpStatus: 'status' in result ? result.status : null,
      error: 'error' in result ? result.error : null,
      abandoned,
    });
    if (delivered) {
      this.logger.debug({ batchId: batch.id, events: batch.events.length, attempt: batch.attempts }, 'push delivered');
      return true;
    }
    const backOff = Math.min(this.policy.retryMaxMs, this.policy.retryBaseMs * 2 ** (batch.attempts - 1));
    batch.nextAttemptAt = this.clock.now() + backOff;
    this.logger.info(
      {
        batchId: batch.id,
        attempt: batch.attempts,
        httpStatus: 'status' in result ? result.status : null,
        error: 'error' in result ? result.error : null,
        abandoned,
      },
      abandoned ? 'push abandoned' : 'push not accepted; will re-send',
    );
    return false;
  }
}

function newEventId(): string {
  return randomUUID().replaceAll('-', '');
}
