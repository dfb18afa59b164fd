import type { AccessEvent } from '../../src/domain/access-event.js';
import type { IngestItem } from '../../src/store/punch.js';

let counter = 0;

/** A time-clock face event with sensible defaults; override what the test is about. */
export function makeEvent(overrides: Partial<AccessEvent> = {}): AccessEvent {
  counter++;
  return {
    eventId: `evt-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    eventCode: 196893,
    eventTime: '2026-01-27T08:00:05-03:00',
    personId: 'person-1',
    personCode: null,
    personName: 'Ana Test',
    cardNo: null,
    doorIndexCode: 'door-1',
    doorName: 'Main entrance',
    readerIndexCode: 'reader-in',
    readerName: 'Facial Entrada',
    checkInAndOutType: 1,
    inAndOutType: null,
    raw: { fake: true },
    ...overrides,
  };
}

/** The ingest item a pipeline would make of `event` (site offset -03:00; unreadable time → null). */
export function item(event: AccessEvent): IngestItem {
  const ms = Date.parse(event.eventTime);
  return { event, eventMs: Number.isNaN(ms) ? null : ms, utcOffsetMinutes: Number.isNaN(ms) ? null : -180 };
}
