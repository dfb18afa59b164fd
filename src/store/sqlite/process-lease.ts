import type { DeliveryLeaseHolder } from '../store.js';

/**
 * The delivery lease of a ledger only one process opens (a SQLite file, under the CLI's
 * ledger lock): always granted, kept in memory so `status` and the dashboard can show who
 * delivers and whom it took over from, like the shared PostgreSQL lease.
 */
export class ProcessLease {
  private current: DeliveryLeaseHolder | null = null;
  private epoch = 0;
  private releasedBy: string | null = null;

  get holder(): DeliveryLeaseHolder | null {
    return this.current;
  }

  acquire(ownerId: string, ttlMs: number, nowMs: number): boolean {
    const current = this.current;
    if (current?.ownerId === ownerId) {
      this.current = { ...current, expiresMs: nowMs + ttlMs };
      return true;
    }
    this.epoch++;
    const previousHolder =
      current !== null
        ? { ownerId: current.ownerId, expiredMs: current.expiresMs }
        : this.releasedBy !== null
          ? { ownerId: this.releasedBy, expiredMs: null }
          : null;
    this.current = { ownerId, acquiredMs: nowMs, expiresMs: nowMs + ttlMs, epoch: this.epoch, previousHolder };
    return true;
  }

  release(ownerId: string): void {
    if (this.current?.ownerId !== ownerId) return;
    this.current = null;
    this.releasedBy = ownerId;
  }
}
