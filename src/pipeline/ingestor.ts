import { META_KEYS } from '../store/meta-keys.js';
import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { IngestItem, IngestResult } from '../store/punch.js';
import type { PipelineContext } from './context.js';
import { readEventTime } from './decisions/time.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../ingest-guard/limits.js';
import { screenEvents } from '../ingest-guard/screen-events.js';
import type { UnreadableInputLog } from '../ingest-guard/unreadable-inputs.js';

/** Meta key: when events new to the ledger last arrived (any source); copies and re-reads do not count. */
export const LAST_NEW_EVENT_META = META_KEYS.lastNewEvent;

/**
 * Records events in the ledger, durably, before anything else happens to them. The event
 * instant is read here (SITE_TIMEZONE for a time without offset) so the natural key is exact.
 */
export class Ingestor {
  constructor(
    private readonly context: PipelineContext,
    private readonly guard: { readonly limits: InputLimits; readonly unreadable: UnreadableInputLog | null } = {
      limits: DEFAULT_INPUT_LIMITS,
      unreadable: null,
    },
  ) {}

  /**
   * `meta`: bookkeeping the caller wants committed with the events (one transaction, one fsync).
   * Events no real punch can be (src/ingest-guard) are set aside, not stored: `refused` counts them.
   */
  async ingest(
    events: readonly AccessEvent[],
    source: EventSource,
    meta?: Readonly<Record<string, string>>,
  ): Promise<IngestResult & { readonly refused: number }> {
    const screened = screenEvents(events, this.context.clock.now(), this.guard.limits);
    if (screened.refused.length > 0) await this.guard.unreadable?.record(screened.refused, source);
    const items: IngestItem[] = screened.accepted.map((event) => {
      const instant = readEventTime(event.eventTime, this.context.siteTimezone);
      return { event, eventMs: instant?.ms ?? null, utcOffsetMinutes: instant?.offsetMinutes ?? null };
    });
    const now = this.context.clock.now();
    // A poll re-reads its look-back window and HikCentral re-pushes: only new punches say the site is alive.
    const result = await this.context.store.ingest(items, source, now, { ...(meta ? { meta } : {}), metaWhenNew: { [LAST_NEW_EVENT_META]: String(now) } });
    this.context.events.emit({ type: 'events-received', source, fresh: result.newPunchIds.length, duplicates: result.duplicates });
    if (events.length > 0) {
      this.context.logger.debug(
        { source, events: events.length, fresh: result.newPunchIds.length, duplicates: result.duplicates, refused: screened.refused.length },
        'events recorded',
      );
    }
    return { ...result, refused: screened.refused.length };
  }
}
