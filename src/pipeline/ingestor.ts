import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { IngestItem, IngestResult } from '../store/punch.js';
import type { PipelineContext } from './context.js';
import { readEventTime } from './decisions/time.js';

/** Meta key: when events new to the ledger last arrived (any source); copies and re-reads do not count. */
export const LAST_NEW_EVENT_META = 'last_event_ms';

/**
 * Records events in the ledger, durably, before anything else happens to them. The event
 * instant is read here (SITE_TIMEZONE for a time without offset) so the natural key is exact.
 */
export class Ingestor {
  constructor(private readonly context: PipelineContext) {}

  /** `meta`: bookkeeping the caller wants committed with the events (one transaction, one fsync). */
  async ingest(events: readonly AccessEvent[], source: EventSource, meta?: Readonly<Record<string, string>>): Promise<IngestResult> {
    const items: IngestItem[] = events.map((event) => {
      const instant = readEventTime(event.eventTime, this.context.siteTimezone);
      return { event, eventMs: instant?.ms ?? null, utcOffsetMinutes: instant?.offsetMinutes ?? null };
    });
    const now = this.context.clock.now();
    // A poll re-reads its look-back window and HikCentral re-pushes: only new punches say the site is alive.
    const result = await this.context.store.ingest(items, source, now, { ...(meta ? { meta } : {}), metaWhenNew: { [LAST_NEW_EVENT_META]: String(now) } });
    this.context.events.emit({ type: 'events-received', source, fresh: result.newPunchIds.length, duplicates: result.duplicates });
    if (events.length > 0) {
      this.context.logger.debug({ source, events: events.length, fresh: result.newPunchIds.length, duplicates: result.duplicates }, 'events recorded');
    }
    return result;
  }
}
