import type { Tables } from '../sql/dialect.js';
import type { DeliveryLeaseHolder } from '../store.js';
import type { Db } from './database.js';

const LEASE = 'delivery';

/**
 * One row per ledger: taken when free or expired, renewed by its owner. The row lock of
 * `ON CONFLICT DO UPDATE` makes two instances asking at once take turns, so exactly one wins.
 * Expiry is judged by the caller's clock: instances' clocks must agree well within the TTL (NTP).
 */
export async function takeLease(db: Db, t: Tables, ownerId: string, ttlMs: number, nowMs: number): Promise<boolean> {
  const taken = await db.run(
    `INSERT INTO ${t.lease} AS l (name, owner_id, acquired_ms, expires_ms, epoch) VALUES ($1, $2, $3, $4, 1)
      ON CONFLICT (name) DO UPDATE SET
        owner_id = EXCLUDED.owner_id,
        acquired_ms = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.acquired_ms ELSE EXCLUDED.acquired_ms END,
        expires_ms = EXCLUDED.expires_ms,
        epoch = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.epoch ELSE l.epoch + 1 END,
        previous_owner_id = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.previous_owner_id ELSE l.owner_id END,
        previous_expires_ms = CASE WHEN l.owner_id = EXCLUDED.owner_id AND l.expires_ms > 0 THEN l.previous_expires_ms ELSE l.expires_ms END
      WHERE l.owner_id = EXCLUDED.owner_id OR l.expires_ms <= EXCLUDED.acquired_ms`,
    [LEASE, ownerId, nowMs, nowMs + ttlMs],
  );
  return taken === 1;
}

/** Kept with expires_ms 0 rather than deleted: the epoch must keep growing across hand-overs. */
export async function releaseLease(db: Db, t: Tables, ownerId: string): Promise<void> {
  await db.run(`UPDATE ${t.lease} SET expires_ms = 0 WHERE name = $1 AND owner_id = $2`, [LEASE, ownerId]);
}

interface LeaseRow {
  readonly owner_id: string;
  readonly acquired_ms: number;
  readonly expires_ms: number;
  readonly epoch: number;
  readonly previous_owner_id: string | null;
  readonly previous_expires_ms: number | null;
}

export async function leaseHolder(db: Db, t: Tables): Promise<DeliveryLeaseHolder | null> {
  const [row] = await db.rows<LeaseRow>(
    `SELECT owner_id, acquired_ms, expires_ms, epoch, previous_owner_id, previous_expires_ms FROM ${t.lease} WHERE name = $1 AND expires_ms > 0`,
    [LEASE],
  );
  if (row === undefined) return null;
  const previousHolder =
    row.previous_owner_id === null
      ? null
      : {
          ownerId: row.previous_owner_id,
          expiredMs: row.previous_expires_ms === null || Number(row.previous_expires_ms) === 0 ? null : Number(row.previous_expires_ms),
        };
  return { ownerId: row.owner_id, acquiredMs: row.acquired_ms, expiresMs: row.expires_ms, epoch: Number(row.epoch), previousHolder };
}
