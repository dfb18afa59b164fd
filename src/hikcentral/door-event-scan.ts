import { z } from 'zod';
import type { AccessEvent } from '../domain/access-event.js';
import type { DoorEventQuery } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import { doorEventRecordSchema, eventTimeMillis, normaliseDoorEventRecord } from './door-event-record.js';
import { chunk, sliceWindow, type TimeSlice } from './time-window.js';

export const DOOR_EVENTS_PATH = '/artemis/api/acs/v1/door/events';
export const MAX_PAGE_SIZE = 500;
export const MAX_DOORS_PER_QUERY = 10;

/**
 * How event codes become queries. `eventType` is a single number in the API:
 * - `per-code` (default): one query per code, merged in time order. Works on every platform
 *   version (some require `eventType`), costs one request per code per slice and door group
 *   even when nothing happened.
 * - `single-query`: one query without `eventType`, codes filtered here. One request per slice
 *   and door group, but downloads refusals and door-state events too, and fails with
 *   0x00072001 on versions that require `eventType`.
 */
export type EventTypeQueryMode = 'per-code' | 'single-query';

export interface DoorEventPageRequest {
  readonly startTime: string;
  readonly endTime: string;
  readonly pageNo: number;
  readonly pageSize: number;
  readonly sortField: 'SwipeTime';
  readonly orderType: 0;
  readonly eventType?: number;
  readonly doorIndexCodes?: string[];
}

export const doorEventPageSchema = z.object({
  total: z.coerce.number().int().nonnegative().nullish(),
  pageNo: z.coerce.number().int().nullish(),
  pageSize: z.coerce.number().int().nullish(),
  list: z.array(z.unknown()).nullish(),
});
export type DoorEventPage = z.output<typeof doorEventPageSchema>;

export type DoorEventPageFetcher = (request: DoorEventPageRequest, signal?: AbortSignal) => Promise<DoorEventPage>;

export interface DoorEventScanSettings {
  readonly pageSize: number;
  readonly timeZone: string;
  readonly eventTypeQuery: EventTypeQueryMode;
  readonly maxSliceMs?: number;
}

/** What one scan did; complete once the iteration has finished. */
export interface DoorEventScanStats {
  slices: number;
  queries: number;
  requests: number;
  /** Records the platform returned, before validation and de-duplication. */
  received: number;
  emitted: number;
  /** Records seen before in this scan (same eventId), e.g. on a slice boundary or a shifted page. */
  duplicates: number;
  /** Records that failed validation and were skipped. */
  invalid: number;
  /** Records dropped because their code was not asked for (single-query mode only). */
  filteredOut: number;
}

/** Observer of every scan's numbers, e.g. for metrics across scans. */
export interface DoorEventScanObserver {
  onPage?(stats: Readonly<DoorEventScanStats>): void;
  onInvalidRecord?(eventId: string | null): void;
}

interface TimedEvent {
  readonly event: AccessEvent;
  readonly timeMs: number;
}

function emptyStats(): DoorEventScanStats {
  return { slices: 0, queries: 0, requests: 0, received: 0, emitted: 0, duplicates: 0, invalid: 0, filteredOut: 0 };
}

function eventIdOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'eventId' in raw) {
    const id = (raw as { eventId: unknown }).eventId;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

function byTimeThenId(a: TimedEvent, b: TimedEvent): number {
  if (a.timeMs !== b.timeMs) return a.timeMs - b.timeMs;
  return a.event.eventId < b.event.eventId ? -1 : a.event.eventId > b.event.eventId ? 1 : 0;
}

/**
 * One scan of `door/events` over a window: an async iterable of AccessEvents, ascending by
 * event time, each eventId at most once. `stats` fills in as it runs.
 */
export class DoorEventScan implements AsyncIterable<AccessEvent> {
  readonly stats: DoorEventScanStats = emptyStats();
  readonly #query: DoorEventQuery;
  readonly #fetchPage: DoorEventPageFetcher;
  readonly #settings: DoorEventScanSettings;
  readonly #logger: Logger;
  readonly #signal: AbortSignal | undefined;
  readonly #observer: DoorEventScanObserver | undefined;
  #started = false;
  #warnedOrder = false;

  constructor(
    query: DoorEventQuery,
    fetchPage: DoorEventPageFetcher,
    settings: DoorEventScanSettings,
    logger: Logger,
    signal?: AbortSignal,
    observer?: DoorEventScanObserver,
  ) {
    this.#query = query;
    this.#fetchPage = fetchPage;
    this.#settings = { ...settings, pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(settings.pageSize))) };
    this.#logger = logger;
    this.#signal = signal;
    this.#observer = observer;
  }

  [Symbol.asyncIterator](): AsyncIterator<AccessEvent> {
    if (this.#started) throw new Error('A DoorEventScan can be iterated only once; start a new scan');
    this.#started = true;
    return this.#run();
  }

  async *#run(): AsyncGenerator<AccessEvent> {
    const { startMs, endMs } = this.#query;
    const slices = sliceWindow(startMs, endMs, this.#settings.timeZone, this.#settings.maxSliceMs);
    const doorGroups: (string[] | undefined)[] =
      this.#query.doorIndexCodes.length === 0 ? [undefined] : chunk([...new Set(this.#query.doorIndexCodes)], MAX_DOORS_PER_QUERY);
    const codes = [...new Set(this.#query.eventCodes)];
    const perCode = this.#settings.eventTypeQuery === 'per-code' && codes.length > 0;
    const eventTypes: (number | undefined)[] = perCode ? codes : [undefined];
    const wanted = !perCode && codes.length > 0 ? new Set(codes) : null;
    const seen = new Set<string>();
    this.stats.slices = slices.length;

    // Slices are consecutive, so emitting them one after another keeps the whole scan ascending.
    for (const slice of slices) {
      const streams: AsyncIterator<TimedEvent>[] = [];
      for (const doors of doorGroups) {
        for (const eventType of eventTypes) {
          streams.push(this.#pagesOf(slice, doors, eventType, wanted)[Symbol.asyncIterator]());
        }
      }
      this.stats.queries += streams.length;
      for await (const { event } of mergeAscending(streams)) {
        if (seen.has(event.eventId)) {
          this.stats.duplicates++;
          continue;
        }
        seen.add(event.eventId);
        this.stats.emitted++;
        yield event;
      }
    }
    this.#logger.debug({ stats: this.stats, startMs, endMs }, 'hikcentral door event scan finished');
  }

  /** One query (slice × door group × event type), all its pages, validated, in the platform's order. */
  async *#pagesOf(slice: TimeSlice, doors: string[] | undefined, eventType: number | undefined, wanted: Set<number> | null): AsyncGenerator<TimedEvent> {
    const { pageSize, timeZone } = this.#settings;
    let previousPageIds: Set<string> | null = null;
    let lastTimeMs = Number.NEGATIVE_INFINITY;
    for (let pageNo = 1; ; pageNo++) {
      this.#signal?.throwIfAborted();
      const request: DoorEventPageRequest = {
        startTime: slice.startTime,
        endTime: slice.endTime,
        pageNo,
        pageSize,
        sortField: 'SwipeTime',
        orderType: 0,
        ...(eventType !== undefined ? { eventType } : {}),
        ...(doors !== undefined ? { doorIndexCodes: doors } : {}),
      };
      const page = await this.#fetchPage(request, this.#signal);
      const list = page.list ?? [];
      this.stats.requests++;
      this.stats.received += list.length;
      this.#observer?.onPage?.(this.stats);

      const pageIds = new Set<string>();
      const events: TimedEvent[] = [];
      const invalid: { eventId: string | null; issues: string[] }[] = [];
      for (const raw of list) {
        const parsed = doorEventRecordSchema.safeParse(raw);
        if (!parsed.success) {
          const eventId = eventIdOf(raw);
          this.stats.invalid++;
          this.#observer?.onInvalidRecord?.(eventId);
          invalid.push({
            eventId: eventId?.slice(0, 64) ?? null,
            issues: parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`.slice(0, 160)),
          });
          continue;
        }
        pageIds.add(parsed.data.eventId);
        if (wanted && !wanted.has(parsed.data.eventType)) {
          this.stats.filteredOut++;
          continue;
        }
        events.push({ event: normaliseDoorEventRecord(parsed.data, raw), timeMs: eventTimeMillis(parsed.data.eventTime, timeZone) });
      }
      if (invalid.length > 0) {
        // One line per page, however many records are unreadable (a page holds up to 500).
        this.#logger.warn(
          { pageNo, invalid: invalid.length, examples: invalid.slice(0, 3) },
          'skipping HikCentral door events that do not have the expected shape',
        );
      }
      // The merge needs each stream ascending; do not trust the platform blindly with that.
      events.sort(byTimeThenId);
      const first = events[0];
      if (first && first.timeMs < lastTimeMs && !this.#warnedOrder) {
        this.#warnedOrder = true;
        this.#logger.warn(
          { pageNo, startTime: slice.startTime },
          'HikCentral returned door events out of ascending order (sortField/orderType ignored?); events are complete but not ordered',
        );
      }
      lastTimeMs = events.at(-1)?.timeMs ?? lastTimeMs;
      yield* events;

      if (list.length < pageSize) return;
      if (previousPageIds && pageIds.size > 0 && [...pageIds].every((id) => previousPageIds?.has(id))) {
        this.#logger.warn({ pageNo, startTime: slice.startTime }, 'HikCentral returned the same page twice; it seems to ignore pageNo, stopping this query');
        return;
      }
      previousPageIds = pageIds;
    }
  }
}

/** K-way merge of ascending streams; pulls one event ahead per stream. */
async function* mergeAscending(streams: AsyncIterator<TimedEvent>[]): AsyncGenerator<TimedEvent> {
  const heads: (TimedEvent | null)[] = [];
  try {
    for (const stream of streams) {
      const next = await stream.next();
      heads.push(next.done ? null : next.value);
    }
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        if (!head) continue;
        const current = best >= 0 ? heads[best] : null;
        if (!current || byTimeThenId(head, current) < 0) best = i;
      }
      if (best < 0) return;
      const chosen = heads[best];
      const stream = streams[best];
      if (!chosen || !stream) return;
      yield chosen;
      const next = await stream.next();
      heads[best] = next.done ? null : next.value;
    }
  } finally {
    await Promise.all(streams.map((stream) => stream.return?.()));
  }
}
