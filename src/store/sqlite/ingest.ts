import type { Statement } from 'better-sqlite3';
import type { EventSource } from '../../domain/access-event.js';
import { naturalKeyOf } from '../natural-key.js';
import type { IngestItem, IngestResult } from '../punch.js';

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
  const insert = stmt(`INSERT INTO punches (
      natural_key, event_id, source, priority, event_code, event_time, event_ms, utc_offset_minutes,
      person_id, person_code, person_name, card_no, door_index_code, door_name, reader_index_code, reader_name,
      check_in_out_type, in_out_type, raw, outcome, received_ms, updated_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)`);
  for (const { event, eventMs, utcOffsetMinutes } of items) {
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
    const info = insert.run(
      key,
      event.eventId,
      source,
      source === 'backfill' ? 'backfill' : 'live',
      event.eventCode,
      event.eventTime,
      eventMs,
      utcOffsetMinutes,
      event.personId,
      event.personCode,
      event.personName,
      event.cardNo,
      event.doorIndexCode,
      event.doorName,
      event.readerIndexCode,
      event.readerName,
      event.checkInAndOutType,
      event.inAndOutType,
      JSON.stringify(event.raw ?? null),
      nowMs,
      nowMs,
    );
    const id = Number(info.lastInsertRowid);
    rememberId.run(event.eventId, id, source, nowMs);
    newPunchIds.push(id);
  }
  return { newPunchIds, duplicates };
}
