import { z } from 'zod';
import { personName } from '../../scenario/persons.js';
import { failure, SIM_CODES, success, type Envelope } from '../codes.js';
import { parseTimeWithOffset } from '../site-time.js';
import type { SimWorld } from '../world.js';
import { doorEventRecord } from './records.js';
import { paginate, validateBody } from './validate.js';

const MAX_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;

const doorEventsRequest = z.object({
  startTime: z.string(),
  endTime: z.string(),
  pageNo: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(500),
  eventType: z.number().int().nullish(),
  personName: z.string().nullish(),
  doorIndexCodes: z.array(z.string()).max(10, 'at most 10 door index codes per request').nullish(),
  sortField: z.literal('SwipeTime').nullish(),
  orderType: z.union([z.literal(0), z.literal(1)]).nullish(),
});

export interface DoorEventsContext {
  readonly world: SimWorld;
  readonly now: number;
  /** Some platform versions demand eventType or personName; then neither → 0x00072001. */
  readonly requireEventTypeOrPersonName: boolean;
}

/**
 * `POST /artemis/api/acs/v1/door/events`: events received by now (arrival ≤ now) whose eventTime
 * is in [startTime, endTime), filtered by doors / eventType / personName (case-insensitive
 * substring), ordered by eventTime (eventId breaks ties) — descending unless orderType is 0.
 */
export function doorEvents(body: unknown, context: DoorEventsContext): Envelope {
  const parsed = validateBody(doorEventsRequest, body);
  if (!parsed.ok) return parsed.envelope;
  const request = parsed.value;
  const start = parseTimeWithOffset(request.startTime);
  const end = parseTimeWithOffset(request.endTime);
  if (start === null) return failure(SIM_CODES.parameterInvalid, `Parameter startTime is invalid: "${request.startTime}" is not ISO 8601 with an offset`);
  if (end === null) return failure(SIM_CODES.parameterInvalid, `Parameter endTime is invalid: "${request.endTime}" is not ISO 8601 with an offset`);
  if (end <= start) return failure(SIM_CODES.parameterInvalid, 'Parameter endTime is invalid: must be after startTime');
  if (end - start > MAX_WINDOW_MS) return failure(SIM_CODES.parameterInvalid, 'startTime and endTime are more than 31 days apart');
  const nameFilter = request.personName?.trim().toLowerCase() || null;
  const eventType = request.eventType ?? null;
  if (context.requireEventTypeOrPersonName && eventType === null && nameFilter === null) {
    return failure(SIM_CODES.parameterMissing, 'Parameter eventType or personName is required');
  }
  const doors = request.doorIndexCodes && request.doorIndexCodes.length > 0 ? new Set(request.doorIndexCodes) : null;

  const matching = context.world.visibleEvents(context.now).filter((event) => {
    if (event.eventTime < start || event.eventTime >= end) return false;
    if (doors && !doors.has(event.doorIndexCode)) return false;
    if (eventType !== null && event.eventType !== eventType) return false;
    if (nameFilter !== null) {
      const person = event.personId === null ? undefined : context.world.personById(event.personId);
      if (!person || !personName(person).toLowerCase().includes(nameFilter)) return false;
    }
    return true;
  });
  if ((request.orderType ?? 1) === 1) matching.reverse();
  return success(paginate(matching, request.pageNo, request.pageSize, (event) => doorEventRecord(event, context.world)));
}
