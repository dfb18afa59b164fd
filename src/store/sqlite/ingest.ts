import type { Statement } from 'better-sqlite3';
import type { EventSource } from '../../domain/access-event.js';
import { naturalKeyOf } from '../natural-key.js';
import type { IngestItem, IngestResult } from '../punch.js';
import { PUNCH_INSERT_COLUMNS, punchInsertValues } from '../sql/queries.js';

/**
 * Records a batch of events inside the caller's transaction: an event id seen before, or the
 * same passage under another id (natural key), is a duplicate; everything else is a new punch.
 */
export function ingestItems(stmt: (sql: string) => Statement, items: readonly IngestItem[], source: EventSource, nowMs: number): IngestResult {
  const newPunchIds: number[] = [];
  let duplicates = 0;
  const byEventId = stmt('SELECT punch_id FROM event_ids WHERE event_id = ?');
  const byNaturalKey = stmt('SELECT id FROM punches WHERE natural_key = ?');
  const rememberId = stmt('INSERT OR IGNORE INTO event_ids(event_id, punch_id, source, seen_ms) VALUES (?, ?, ?, ?)');
  const fillPersonCode = stmt('UPDATE punches SET person_code = ? WHERE id = ? AND person_code IS NULL');
  const insert = stmt(`INSERT INTO punches (${PUNCH_INSERT_COLUMNS}) VALUES (${Array(19).fill('?').join(', ')}, 'received', ?, ?)`);
  for (const item of items) {
    const { event, eventMs } = item;
    const known = byEventId.get(event.eventId) as { punch_id: number } | undefined;
    if (known) {
      duplicates++;
      continue;
    }
    const key = naturalKeyOf(event, eventMs);
    const twin = key === null ? undefined : (byNaturalKey.get(key) as { id: number } | undefined);
    if (twin) {
      duplicates++;
      rememberId.run(event.eventId, twin.id, source, nowMs);
      if (event.personCode) fillPersonCode.run(event.personCode, twin.id);
      continue;
    }
    const info = insert.run(...punchInsertValues(item, key, source, nowMs));
    const id = Number(info.lastInsertRowid);
    rememberId.run(event.eventId, id, source, nowMs);
    newPunchIds.push(id);
  }
  return { newPunchIds, duplicates };
}
