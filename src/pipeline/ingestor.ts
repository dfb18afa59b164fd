import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { IngestItem, IngestResult } from '../store/punch.js';
import type { PipelineContext } from './context.js';
import { readEventTime } from './decisions/time.js';

/**
 * Records events in the ledger, durably, before anything else happens to them. The event
 * instant is read here (SITE_TIMEZONE for a time without offset) so the natural key is exact.
 */
export class Ingestor {
  constructor(private readonly context: PipelineContext) {}

  async ingest(events: readonly AccessEvent[], source: EventSource): Promise<IngestResult> {
    const items: IngestItem[] = events.map((event) => {
      const instant = readEventTime(event.eventTime, this.context.siteTimezone);
      return { event, eventMs: instant?.ms ?? null, utcOffsetMinutes: instant?.offsetMinutes ?? null };
    });
    const result = await this.context.store.ingest(items, source, this.context.clock.now());
    this.context.events.emit({ type: 'events-received', source, fresh: result.newPunchIds.length, duplicates: result.duplicates });
    if (events.length > 0) {
      this.context.logger.debug({ source, events: events.length, fresh: result.newPunchIds.length, duplicates: result.duplicates }, 'events recorded');
    }
    return result;
  }
}
