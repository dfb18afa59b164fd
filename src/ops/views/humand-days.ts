import type { HumandDay, TimeTrackingEntry } from '../../domain/humand.js';
import type { Clock, TimeTrackingPort } from '../../domain/ports.js';

/** What Humand has for one employee's date, as read (every source). */
export interface HumandDayEntries {
  readonly entries: readonly TimeTrackingEntry[];
  readonly readMs: number;
}

export type HumandDaysAnswer =
  | { readonly state: 'read'; readonly days: ReadonlyMap<string, HumandDayEntries> }
  /** Not read: the reason a person can act on ("rate budget kept for deliveries", Humand's answer). */
  | { readonly state: 'unavailable'; readonly reason: string };

/**
 * The seam the attendance view reads "what Humand has for that day" through. Keys of `days`
 * are `employeeId|YYYY-MM-DD`; a date Humand has nothing for is absent from a `read` answer.
 */
export interface HumandDaySource {
  days(employeeIds: readonly string[], from: string, to: string): Promise<HumandDaysAnswer>;
}

export function humandDayKey(employeeId: string, date: string): string {
  return `${employeeId}|${date}`;
}

export interface CachedHumandDaysOptions {
  readonly port: Pick<TimeTrackingPort, 'readDays'>;
  readonly clock: Clock;
  /** How long a read stays good. Default 5 minutes. */
  readonly ttlMs?: number;
  /** Employees per request (Humand's day summaries take several). Default 50. */
  readonly batchSize?: number;
  /**
   * Asked before each request: false keeps the request for deliveries (the dashboard must never
   * starve them of Humand's 50 requests a minute). Default: always allowed.
   */
  readonly mayRequest?: () => boolean;
  /** Requests one view may make at most; the rest of the page shows "not read". Default 4. */
  readonly maxRequestsPerView?: number;
}

interface CachedRange {
  readonly readMs: number;
  readonly days: Map<string, HumandDayEntries>;
}

/**
 * Reads Humand's days in bulk (many employees per request), caches them per employee and range
 * for `ttlMs`, and spends a request only while `mayRequest` allows.
 */
export function cachedHumandDays(options: CachedHumandDaysOptions): HumandDaySource {
  const ttlMs = options.ttlMs ?? 300_000;
  const batchSize = Math.max(1, options.batchSize ?? 50);
  const maxRequests = options.maxRequestsPerView ?? 4;
  const cache = new Map<string, CachedRange>();
  const rangeKey = (employeeId: string, from: string, to: string) => `${employeeId}|${from}|${to}`;

  return {
    async days(employeeIds, from, to) {
      const now = options.clock.now();
      const days = new Map<string, HumandDayEntries>();
      const missing: string[] = [];
      for (const employeeId of new Set(employeeIds)) {
        const hit = cache.get(rangeKey(employeeId, from, to));
        if (hit && now - hit.readMs < ttlMs) for (const [key, value] of hit.days) days.set(key, value);
        else missing.push(employeeId);
      }
      let requests = 0;
      for (let i = 0; i < missing.length; i += batchSize) {
        if (requests >= maxRequests || (options.mayRequest && !options.mayRequest())) {
          return { state: 'unavailable', reason: 'rate budget kept for deliveries: try again in a minute' };
        }
        const batch = missing.slice(i, i + batchSize);
        requests++;
        const result = await options.port.readDays(batch, from, to);
        if (!result.ok) return { state: 'unavailable', reason: `Humand answered ${result.failure.status ?? 'nothing'}: ${result.failure.message}` };
        const readMs = options.clock.now();
        const perEmployee = new Map<string, Map<string, HumandDayEntries>>(batch.map((e) => [e, new Map()]));
        for (const day of result.value as readonly HumandDay[]) {
          const entry = { entries: day.entries, readMs };
          perEmployee.get(day.employeeId)?.set(humandDayKey(day.employeeId, day.date), entry);
          days.set(humandDayKey(day.employeeId, day.date), entry);
        }
        for (const [employeeId, read] of perEmployee) cache.set(rangeKey(employeeId, from, to), { readMs, days: read });
      }
      return { state: 'read', days };
    },
  };
}
