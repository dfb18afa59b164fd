import type { EventSource } from '../../domain/access-event.js';
import { naturalKeyOf } from '../natural-key.js';
import type { IngestItem, IngestResult } from '../punch.js';
import type { Db } from './database.js';
import type { Tables } from './tables.js';
import { PUNCH_INSERT_COLUMNS, punchInsertValues } from '../sql/queries.js';

interface Pending extends IngestItem {
  /** Position in the caller's batch: new ids are reported in that order. */
  readonly index: number;
  readonly key: string | null;
}

/**
 * Copies of one punch from several instances meet in the unique indexes on natural_key and
 * event_id. Visiting a batch in one global order (by natural key, then eventId) makes two
 * overlapping batches wait for each other instead of deadlocking.
 */
function lockOrder(a: Pending, b: Pending): number {
  const ka = a.key ?? `\uffff${a.event.eventId}`;
  const kb = b.key ?? `\uffff${b.event.eventId}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.index - b.index;
}

/**
 * Records a batch inside the caller's transaction, de-duplicating by eventId and by natural key
 * (person, second, door). Correct against concurrent batches from other instances: every
 * insert goes through `ON CONFLICT`, which waits for a concurrent twin to commit and then
 * yields to it; what this batch inserted but lost that way is taken back before commit.
 */
export async function ingestBatch(db: Db, t: Tables, items: readonly IngestItem[], source: EventSource, nowMs: number): Promise<IngestResult> {
  const pending: Pending[] = items.map((item, index) => ({ ...item, index, key: naturalKeyOf(item.event, item.eventMs) })).sort(lockOrder);
  const punchOfEventId = new Map<string, number>();
  const punchOfKey = new Map<string, number>();
  // Copies already committed, found in two round trips instead of one per event.
  const eventIds = [...new Set(pending.map((p) => p.event.eventId))];
  for (const row of await db.rows<{ event_id: string; punch_id: number }>(`SELECT event_id, punch_id FROM ${t.eventIds} WHERE event_id = ANY($1::text[])`, [
    eventIds,
  ])) {
    punchOfEventId.set(row.event_id, row.punch_id);
  }
  const keys = [...new Set(pending.flatMap((p) => (p.key === null ? [] : [p.key])))];
  if (keys.length > 0) {
    for (const row of await db.rows<{ natural_key: string; id: number }>(`SELECT natural_key, id FROM ${t.punches} WHERE natural_key = ANY($1::text[])`, [
      keys,
    ])) {
      punchOfKey.set(row.natural_key, row.id);
    }
  }

  const rememberEventId = async (eventId: string, punchId: number): Promise<boolean> => {
    const inserted = await db.run(`INSERT INTO ${t.eventIds}(event_id, punch_id, source, seen_ms) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`, [
      eventId,
      punchId,
      source,
      nowMs,
    ]);
    return inserted === 1;
  };
  const insertPunch = async (pending: Pending): Promise<number | null> => {
    const { key } = pending;
    const rows = await db.rows<{ id: number }>(
      `INSERT INTO ${t.punches} (${PUNCH_INSERT_COLUMNS})
        VALUES (${Array.from({ length: 19 }, (_, i) => `$${i + 1}`).join(', ')}, 'received', $20, $21)
        ON CONFLICT (natural_key) DO NOTHING RETURNING id`,
      punchInsertValues(pending, key, source, nowMs),
    );
    return rows[0]?.id ?? null;
  };
  const twinOf = async (key: string): Promise<number> => {
    const row = (await db.rows<{ id: number }>(`SELECT id FROM ${t.punches} WHERE natural_key = $1`, [key]))[0];
    // ON CONFLICT waited for the twin's transaction to commit, so it is visible now.
    if (row === undefined) throw new Error(`punch with natural key ${key} vanished while ingesting`);
    return row.id;
  };

  const fresh = new Map<number, number>();
  const personCodes = new Map<number, string>();
  let duplicates = 0;
  for (const item of pending) {
    const { event, key } = item;
    if (punchOfEventId.has(event.eventId)) {
      duplicates++;
      continue;
    }
    let twin = key === null ? undefined : punchOfKey.get(key);
    if (twin === undefined) {
      const id = await insertPunch(item);
      if (id !== null) {
        if (await rememberEventId(event.eventId, id)) {
          fresh.set(item.index, id);
          punchOfEventId.set(event.eventId, id);
          if (key !== null) punchOfKey.set(key, id);
          continue;
        }
        // Another instance committed this eventId (under another natural key) meanwhile.
        await db.run(`DELETE FROM ${t.punches} WHERE id = $1`, [id]);
        duplicates++;
        continue;
      }
      twin = await twinOf(key!);
      punchOfKey.set(key!, twin);
    }
    duplicates++;
    await rememberEventId(event.eventId, twin);
    punchOfEventId.set(event.eventId, twin);
    if (event.personCode && !personCodes.has(twin)) personCodes.set(twin, event.personCode);
  }
  // A push copy brings the personCode a poll copy lacked. Rows locked in id order, as updates do.
  for (const [id, code] of [...personCodes.entries()].sort((x, y) => x[0] - y[0])) {
    await db.run(`UPDATE ${t.punches} SET person_code = $1 WHERE id = $2 AND person_code IS NULL`, [code, id]);
  }
  const newPunchIds = [...fresh.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  return { newPunchIds, duplicates };
}
