import type { HumandDay, HumandResult } from '../../domain/humand.js';
import type { PipelineContext } from '../context.js';
import type { HumandGateway } from './humand-gateway.js';
import type { RequestPriority } from './rate-budget.js';

export interface DayRange {
  readonly startDate: string;
  readonly endDate: string;
}

/** Humand's days of one employee as read at `readAtMs`. */
export interface ReadDays {
  readonly days: readonly HumandDay[];
  readonly readAtMs: number;
}

/** A bulk read: answered from one made meanwhile with others (no request), or made now (with whom). */
export type DayRead =
  | ({ readonly kind: 'cached' } & ReadDays)
  | { readonly kind: 'read'; readonly result: HumandResult<HumandDay[]>; readonly employeeIds: readonly string[]; readonly readAtMs: number };

interface CachedRead extends ReadDays {
  readonly range: DayRange;
}

/** How long a bulk read stands in for a fresh one. */
const DEFAULT_TTL_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

function daysIn(range: DayRange): number {
  return Math.round((Date.parse(`${range.endDate}T00:00:00Z`) - Date.parse(`${range.startDate}T00:00:00Z`)) / DAY_MS) + 1;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The days of a wider read that a read of `range` would have returned. */
function within(days: readonly HumandDay[], range: DayRange): HumandDay[] {
  return days.filter((day) => day.date >= range.startDate && day.date <= range.endDate);
}

function covers(outer: DayRange, inner: DayRange): boolean {
  return outer.startDate <= inner.startDate && outer.endDate >= inner.endDate;
}

/**
 * Reads Humand's day for one employee together with the other employees whose punches wait
 * for delivery, in the one request Humand's day summaries allow (up to 200 employees), and
 * answers their own reads from it for a few minutes. On a backlog most such reads are for
 * different employees (a lone clock-out whose clock-in was made in the app), so each cost a
 * request of the rate budget; read together, they cost one.
 *
 * A cached read answers only for a punch older than the read (it saw everything up to that
 * tap) and only before anything refused us for that employee: a refusal reads afresh.
 * Entries we delivered after the read are ours to add (see EmployeeDay.humandTimeline).
 */
export class HumandDayPrefetch {
  private readonly cache = new Map<string, CachedRead>();
  /** The bulk read in flight (or the last one), which the next waits for. */
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: PipelineContext,
    private readonly gateway: HumandGateway,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  /** A bulk read that may stand in for a fresh read of this employee's range for a punch at `eventMs`. */
  cached(employeeId: string, range: DayRange, eventMs: number): ReadDays | null {
    const hit = this.cache.get(employeeId);
    if (hit === undefined) return null;
    const fresh = this.context.clock.now() - hit.readAtMs < this.ttlMs;
    return fresh && hit.readAtMs >= eventMs && covers(hit.range, range) ? { readAtMs: hit.readAtMs, days: within(hit.days, range) } : null;
  }

  /** Forgets what was read for an employee (Humand disagreed with it). */
  forget(employeeId: string): void {
    this.cache.delete(employeeId);
  }

  /**
   * Reads the employee's range, with as many other waiting employees as the same request
   * covers. One such read at a time: the workers that need a read together would each read the
   * others' days too; waiting for the one in flight, most find their day in it.
   */
  async read(
    employeeId: string,
    range: DayRange,
    eventMs: number,
    rangeAt: (ms: number) => DayRange,
    priority: RequestPriority,
    signal?: AbortSignal,
  ): Promise<DayRead> {
    const previous = this.current;
    let done!: () => void;
    this.current = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      const hit = this.cached(employeeId, range, eventMs);
      if (hit !== null) return { kind: 'cached', ...hit };
      return await this.readNow(employeeId, range, rangeAt, priority, signal);
    } finally {
      done();
    }
  }

  private async readNow(
    employeeId: string,
    range: DayRange,
    rangeAt: (ms: number) => DayRange,
    priority: RequestPriority,
    signal?: AbortSignal,
  ): Promise<DayRead & { readonly kind: 'read' }> {
    // A day wider on each side, so that the others' punches of the same days fall inside it.
    const wide = { startDate: shiftDate(range.startDate, -1), endDate: shiftDate(range.endDate, 1) };
    const batching = this.gateway.employeesPerDaysRead(daysIn(wide)) > 1;
    const read = batching ? wide : range;
    const employeeIds = batching ? await this.companions(employeeId, read, rangeAt) : [employeeId];
    // What the read can show is as of when it was asked (an entry delivered meanwhile may be missing).
    const readAtMs = this.context.clock.now();
    const result = await this.gateway.readDays(employeeIds, read.startDate, read.endDate, priority, signal);
    if (!result.ok) return { kind: 'read', result, employeeIds, readAtMs };
    this.prune(readAtMs);
    for (const id of employeeIds) {
      this.cache.set(id, { range: read, readAtMs, days: result.value.filter((day) => day.employeeId === id) });
    }
    return {
      kind: 'read',
      result: {
        ...result,
        value: within(
          result.value.filter((day) => day.employeeId === employeeId),
          range,
        ),
      },
      employeeIds,
      readAtMs,
    };
  }

  /**
   * The employee first, then others whose next waiting punch would read a range this one
   * covers, as many as one request reads.
   */
  private async companions(employeeId: string, range: DayRange, rangeAt: (ms: number) => DayRange): Promise<string[]> {
    const room = this.gateway.employeesPerDaysRead(daysIn(range));
    const ids = new Set([employeeId]);
    for (const head of await this.context.store.deliveryHeads()) {
      if (ids.size >= room) break;
      if (head.employeeId === null || head.eventMs === null || ids.has(head.employeeId)) continue;
      const theirs = rangeAt(head.eventMs);
      if (!covers(range, theirs) || this.cached(head.employeeId, theirs, head.eventMs) !== null) continue;
      ids.add(head.employeeId);
    }
    return [...ids];
  }

  private prune(nowMs: number): void {
    for (const [id, read] of this.cache) if (nowMs - read.readAtMs >= this.ttlMs) this.cache.delete(id);
  }
}
