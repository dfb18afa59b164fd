import { DateTime, FixedOffsetZone } from 'luxon';
import { z } from 'zod';
import { invalidData, notFound } from './error-bodies.js';
import { wordViolation } from './clock-rules.js';
import { startOfDay } from './entry-time.js';
import type { HumandSimState } from './state.js';
import type { SimEntry, SimRejectionWording } from './types.js';
import { entryToWire, userToWire } from './wire.js';

/** A request as the handlers see it: routing and transport are the server's business. */
export interface SimCall {
  readonly query: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string>>;
  /** Parsed JSON body; {@link INVALID_JSON} when the body was not JSON; undefined when there was none. */
  readonly body: unknown;
}

export interface SimAnswer {
  readonly status: number;
  readonly body: unknown;
}

export type SimHandler = (call: SimCall) => SimAnswer;

export const INVALID_JSON = Symbol('invalid-json');

/** Humand answers 400 above this page size (seen in production). */
export const MAX_LIMIT = 50;
/** Day summaries accept pages up to 500 items — and serve no more than 500 items at all (field notes, docs/reference/humand.md). */
export const DAY_SUMMARIES_MAX_LIMIT = 500;
export const DAY_SUMMARIES_CAP = 500;
const DEFAULT_LIMIT = 10;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

const clockBodySchema = z.object({
  // The spec says integer; real clients send digit strings. Both are accepted.
  employeeId: z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String),
  now: z.string().min(1),
  comment: z.string().optional(),
});

export interface HandlerOptions {
  /** Status of business-rule rejections (400 as the spec's only documented error, or 422 as older notes say). */
  readonly rejectionStatus: 400 | 422;
  /** How rule rejections are worded (default `plain`). */
  readonly rejectionWording?: SimRejectionWording;
  /** Largest day-summaries page this tenant answers (default 500; some tenants answer 400 above 50). */
  readonly daySummariesMaxLimit?: number;
}

const refusedRead = (): SimAnswer => ({ status: 400, body: invalidData('The provided data is invalid') });

export function createHandlers(state: HumandSimState, options: HandlerOptions) {
  const clock =
    (type: 'START' | 'END'): SimHandler =>
    ({ body }) => {
      if (body === INVALID_JSON || body === undefined) return { status: 400, body: invalidData('The request body must be JSON') };
      const parsed = clockBodySchema.safeParse(body);
      if (!parsed.success) {
        return { status: 400, body: invalidData('The provided data is invalid', { fields: parsed.error.issues.map((issue) => issue.path.join('.')) }) };
      }
      const outcome = state.clock(type, { employeeId: parsed.data.employeeId, now: parsed.data.now, comment: parsed.data.comment });
      if (outcome.ok) return { status: 201, body: entryToWire(outcome.entry) };
      if (outcome.kind === 'invalid-time') return { status: 400, body: invalidData(outcome.message, { fields: ['now'] }) };
      return { status: options.rejectionStatus, body: invalidData(wordViolation(outcome.violation, type, options.rejectionWording ?? 'plain')) };
    };

  const listEntries: SimHandler = ({ query }) => {
    if (state.readRefusals.entries) return refusedRead();
    const paging = readPaging(query);
    if ('error' in paging) return paging.error;
    const { employeeId, startDate, endDate } = query;
    if (!employeeId || !startDate || !endDate || !DATE_ONLY.test(startDate) || !DATE_ONLY.test(endDate)) {
      return {
        status: 400,
        body: invalidData('employeeId, startDate and endDate (YYYY-MM-DD) are required', { fields: ['employeeId', 'startDate', 'endDate'] }),
      };
    }
    const items = state.entriesBetween(employeeId, startDate, endDate).map(entryToWire);
    return { status: 200, body: paginated(items, paging) };
  };

  const daySummaries: SimHandler = ({ query }) => {
    if (state.readRefusals.daySummaries) return refusedRead();
    const paging = readPaging(query, options.daySummariesMaxLimit ?? DAY_SUMMARIES_MAX_LIMIT);
    if ('error' in paging) return paging.error;
    const { employeeIds, startDate, endDate } = query;
    if (!employeeIds || !startDate || !endDate || !DATE_ONLY.test(startDate) || !DATE_ONLY.test(endDate)) {
      return {
        status: 400,
        body: invalidData('employeeIds, startDate and endDate (YYYY-MM-DD) are required', { fields: ['employeeIds', 'startDate', 'endDate'] }),
      };
    }
    const summaries: Record<string, unknown>[] = [];
    for (const employeeId of employeeIds
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)) {
      const user = state.getUser(employeeId);
      if (!user) continue;
      const byDay = new Map<string, SimEntry[]>();
      for (const entry of state.entriesBetween(employeeId, startDate, endDate)) {
        byDay.set(entry.referenceDate, [...(byDay.get(entry.referenceDate) ?? []), entry]);
      }
      for (const [day, entries] of byDay) {
        summaries.push(daySummary(summaries.length + 1, user.id, employeeId, day, entries));
      }
    }
    // Field notes: silently capped at 500 items, still reporting totalPages 1 (nothing past the cap on any page).
    return { status: 200, body: paginated(summaries.slice(0, DAY_SUMMARIES_CAP), paging) };
  };

  const listUsers: SimHandler = ({ query }) => {
    const paging = readPaging(query);
    if ('error' in paging) return paging.error;
    const users = state.listUsers(query.search).map(userToWire);
    const page = users.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
    // Production quirk: `count` is the size of this page, not the total.
    return { status: 200, body: { count: page.length, users: page } };
  };

  const getUser: SimHandler = ({ params }) => {
    const user = state.getUser(params.employeeInternalId ?? '');
    return user ? { status: 200, body: userToWire(user) } : { status: 404, body: notFound('User not found') };
  };

  return { clockIn: clock('START'), clockOut: clock('END'), listEntries, daySummaries, listUsers, getUser };
}

function readPaging(query: Readonly<Record<string, string>>, maxLimit = MAX_LIMIT): { page: number; limit: number } | { error: SimAnswer } {
  const page = query.page === undefined ? 1 : Number(query.page);
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (!Number.isInteger(page) || page < 1) return { error: { status: 400, body: invalidData('page must be a positive integer', { fields: ['page'] }) } };
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return { error: { status: 400, body: invalidData(`limit must be an integer between 1 and ${maxLimit}`, { fields: ['limit'] }) } };
  }
  return { page, limit };
}

/** Production quirk: `totalPages` is always 1 and `count` is the size of this page. */
function paginated(all: readonly unknown[], paging: { page: number; limit: number }): Record<string, unknown> {
  const items = all.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
  return { page: paging.page, limit: paging.limit, totalPages: 1, count: items.length, items };
}

function daySummary(id: number, userId: number, employeeId: string, day: string, entries: readonly SimEntry[]): Record<string, unknown> {
  const offset = entries[0]?.offsetMinutes ?? 0;
  const slots: { startTime: string; endTime: string }[] = [];
  let workedMs = 0;
  let open: SimEntry | undefined;
  for (const entry of entries) {
    if (entry.type === 'START') open = entry;
    else if (open) {
      workedMs += entry.instantMs - open.instantMs;
      slots.push({ startTime: localHourMinute(open), endTime: localHourMinute(entry) });
      open = undefined;
    }
  }
  const weekday = WEEKDAYS[DateTime.fromISO(day, { zone: FixedOffsetZone.instance(offset) }).weekday - 1];
  return {
    id,
    date: startOfDay(day, offset),
    referenceDate: day,
    employeeId,
    userId,
    isWorkday: true,
    hasSchedule: false,
    weekday,
    hours: { worked: Math.round((workedMs / 3_600_000) * 100) / 100, scheduled: 0 },
    holidays: [],
    timeOffRequests: [],
    timeSlots: slots,
    // Field notes: entries within a day are not guaranteed in time order; served newest-written first, so a client must sort.
    entries: [...entries].sort((a, b) => b.id - a.id).map(entryToWire),
    incidences: entries.some((entry) => entry.source === 'AUTO_CLOSE') ? ['AUTO_CLOSE'] : [],
  };
}

function localHourMinute(entry: SimEntry): string {
  return DateTime.fromMillis(entry.instantMs, { zone: FixedOffsetZone.instance(entry.offsetMinutes) }).toFormat('HH:mm');
}
