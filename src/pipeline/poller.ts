import type { EventSource, AccessEvent } from '../domain/access-event.js';
import type { AccessEventSourcePort } from '../domain/ports.js';
import type { PollConfig } from '../config/types.js';
import type { PipelineContext } from './context.js';
import type { Ingestor } from './ingestor.js';

export interface ScanSummary {
  readonly fromMs: number;
  readonly toMs: number;
  readonly events: number;
  readonly fresh: number;
  readonly duplicates: number;
}

const BATCH = 500;
export const POLL_CURSOR = 'poll';

/**
 * Reads HikCentral's door events. A poll reads from the cursor minus a look-back (devices
 * upload late) to now, records every event, and only then moves the cursor.
 */
export class Poller {
  constructor(
    private readonly context: PipelineContext,
    private readonly source: AccessEventSourcePort,
    private readonly ingestor: Ingestor,
    private readonly poll: PollConfig,
    private readonly doorIndexCodes: readonly string[],
  ) {}

  async pollOnce(signal?: AbortSignal): Promise<ScanSummary> {
    const { store, clock } = this.context;
    const now = clock.now();
    const cursor = (await store.getCursor(POLL_CURSOR)) ?? now - this.poll.initialLookbackMs;
    const fromMs = Math.min(cursor, now) - this.poll.lookbackMs;
    const summary = await this.scan(fromMs, now, 'poll', signal);
    // Everything up to `now` is committed: only now may the cursor move.
    await store.setCursor(POLL_CURSOR, now, clock.now());
    return summary;
  }

  async scan(fromMs: number, toMs: number, source: EventSource, signal?: AbortSignal, onProgress?: (done: ScanSummary) => void): Promise<ScanSummary> {
    let events = 0;
    let fresh = 0;
    let duplicates = 0;
    let batch: AccessEvent[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const result = await this.ingestor.ingest(batch, source);
      fresh += result.newPunchIds.length;
      duplicates += result.duplicates;
      batch = [];
      onProgress?.({ fromMs, toMs, events, fresh, duplicates });
    };
    const query = { startMs: fromMs, endMs: toMs, doorIndexCodes: this.doorIndexCodes, eventCodes: [] };
    for await (const event of this.source.scanDoorEvents(query, signal)) {
      events++;
      batch.push(event);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    this.context.logger.info(
      { source, fromMs: new Date(fromMs).toISOString(), toMs: new Date(toMs).toISOString(), events, fresh, duplicates },
      'HikCentral events read',
    );
    return { fromMs, toMs, events, fresh, duplicates };
  }
}
