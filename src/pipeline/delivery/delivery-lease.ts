import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { PipelineContext } from '../context.js';
import type { DeliveryLeaseHolder } from '../../store/store.js';

export interface DeliveryLeaseOptions {
  /** How long a taken lease lasts without renewal: how soon another instance takes over from a crashed one. Default 30 s. */
  readonly ttlMs?: number;
  readonly ownerId?: string;
}

const DEFAULT_TTL_MS = 30_000;

/**
 * Only one instance sharing a ledger delivers: the one holding the store's delivery lease.
 * The engine asks `mayDeliver()` before starting work; it renews the lease every ttl/6 while
 * delivering, and stops starting new work once the last renewal is older than ttl/2, so an
 * instance cut off from the database stops well before another can take the lease over.
 * Others try again every `retryMs` and ingest and decide meanwhile.
 */
export class DeliveryLease {
  readonly ownerId: string;
  readonly ttlMs: number;
  /** How often the holder renews, and how often the others try to take over. */
  readonly retryMs: number;
  private held = false;
  /** The lease's fencing token while this instance holds it. */
  private epoch: number | null = null;
  private lastRenewedMs = Number.NEGATIVE_INFINITY;
  private lastTryMs = Number.NEGATIVE_INFINITY;

  private constructor(
    private readonly context: PipelineContext,
    private readonly acquire: (ownerId: string, ttlMs: number, nowMs: number) => Promise<boolean>,
    private readonly giveUp: (ownerId: string) => Promise<void>,
    private readonly holder: () => Promise<DeliveryLeaseHolder | null>,
    options: DeliveryLeaseOptions,
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.retryMs = Math.max(1, Math.floor(this.ttlMs / 6));
    this.ownerId = options.ownerId ?? `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  }

  /** The lease of the context's store, or null when the store has none (a single-process ledger). */
  static of(context: PipelineContext, options: DeliveryLeaseOptions = {}): DeliveryLease | null {
    const { store } = context;
    if (store.tryAcquireDeliveryLease === undefined || store.releaseDeliveryLease === undefined) return null;
    return new DeliveryLease(
      context,
      (ownerId, ttlMs, nowMs) => store.tryAcquireDeliveryLease!(ownerId, ttlMs, nowMs),
      (ownerId) => store.releaseDeliveryLease!(ownerId),
      () => store.deliveryLeaseHolder?.() ?? Promise.resolve(null),
      options,
    );
  }

  /** True while this instance may start deliveries; takes or renews the lease when due. */
  async mayDeliver(): Promise<boolean> {
    const now = this.context.clock.now();
    if (now - this.lastTryMs < this.retryMs) return this.trusted(now);
    this.lastTryMs = now;
    const was = this.held;
    let taken: DeliveryLeaseHolder | null = null;
    try {
      this.held = await this.acquire(this.ownerId, this.ttlMs, now);
      if (this.held) {
        this.lastRenewedMs = now;
        taken = await this.holder();
        const epoch = taken?.epoch ?? null;
        if (was && this.epoch !== null && epoch !== this.epoch) {
          // Taken over and back while this instance was not looking (frozen past the TTL): what it
          // had started belongs to another tenure; the engine starts afresh from the ledger.
          this.context.logger.warn({ owner: this.ownerId, epoch, previousEpoch: this.epoch }, 'the delivery lease changed hands while this instance was away');
        }
        this.epoch = epoch;
      } else {
        this.epoch = null;
      }
    } catch (error) {
      this.context.logger.warn({ err: error }, 'could not renew the delivery lease; delivery stops if this lasts');
    }
    if (this.held !== was) {
      if (this.held) {
        const previous = taken?.previousHolder ?? null;
        const takeover =
          previous === null
            ? {}
            : { takenFrom: previous.ownerId, waitedAfterExpiryMs: previous.expiredMs === null ? 0 : Math.max(0, now - previous.expiredMs) };
        this.context.logger.info({ owner: this.ownerId, epoch: this.epoch, ...takeover }, 'this instance now delivers (delivery lease taken)');
      } else this.context.logger.info({ owner: this.ownerId }, 'another instance delivers (delivery lease lost or held elsewhere); this one keeps ingesting');
    }
    return this.trusted(this.context.clock.now());
  }

  /**
   * Right before a request to Humand: is this instance still the holder, with the epoch it had?
   * Read from the store, not trusted from memory: a process frozen past the TTL (SIGSTOP, a VM
   * paused, a swap storm) wakes believing it delivers while another instance already does.
   * A false answer drops the lease at once.
   */
  async stillHolds(): Promise<boolean> {
    if (!this.held || this.epoch === null) return false;
    const now = this.context.clock.now();
    let holder: DeliveryLeaseHolder | null;
    try {
      holder = await this.holder();
    } catch (error) {
      this.context.logger.warn({ err: error }, 'could not check the delivery lease before sending; not sending');
      return false;
    }
    if (holder !== null && holder.ownerId === this.ownerId && holder.epoch === this.epoch && holder.expiresMs > now) return true;
    this.context.logger.warn(
      { owner: this.ownerId, epoch: this.epoch, holder: holder?.ownerId ?? null, holderEpoch: holder?.epoch ?? null },
      'fenced: another instance holds the delivery lease now; this one sends nothing more',
    );
    this.held = false;
    this.epoch = null;
    this.lastTryMs = now;
    return false;
  }

  /** The holder's epoch while this instance holds the lease, for status and metrics. */
  get heldEpoch(): number | null {
    return this.held ? this.epoch : null;
  }

  private trusted(now: number): boolean {
    return this.held && now - this.lastRenewedMs < this.ttlMs / 2;
  }

  /** Gives the lease up (end of a drain) so another instance can take over at once. */
  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    this.epoch = null;
    this.lastTryMs = Number.NEGATIVE_INFINITY;
    try {
      await this.giveUp(this.ownerId);
    } catch (error) {
      this.context.logger.warn({ err: error }, 'could not release the delivery lease; it expires by itself');
    }
  }
}
