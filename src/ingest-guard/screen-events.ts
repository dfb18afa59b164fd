import type { AccessEvent } from '../domain/access-event.js';
import { boundJson } from './bound-json.js';
import { eventTimeProblem } from './event-time-bounds.js';
import type { InputLimits } from './limits.js';

/** An event refused at the edge: kept only in the bounded list of unreadable inputs. */
export interface RefusedEvent {
  readonly eventId: string;
  readonly raw: unknown;
  readonly reason: string;
}

export interface ScreenedEvents {
  /** Ready for the ledger: raw event and text fields within the limits (a cut raw event says so). */
  readonly accepted: AccessEvent[];
  readonly refused: RefusedEvent[];
}

/** Key under which a cut raw event records what was cut. */
export const CUT_KEY = '_hik2humandCut';

const TEXT_FIELDS = ['eventId', 'personId', 'personCode', 'personName', 'cardNo', 'doorIndexCode', 'doorName', 'readerIndexCode', 'readerName'] as const;

/**
 * The same bounds for every source (poll, push, backfill), applied before anything is stored:
 * an event whose time no real punch can have is refused with a plain reason; an event that is
 * merely huge is kept, cut to the limits and marked, so one odd record never fails its batch.
 */
export function screenEvents(events: readonly AccessEvent[], nowMs: number, limits: InputLimits): ScreenedEvents {
  const accepted: AccessEvent[] = [];
  const refused: RefusedEvent[] = [];
  for (const event of events) {
    const bounded = boundEvent(event, limits);
    const problem = eventTimeProblem(bounded.eventTime, nowMs, limits.maxEventAgeMs, limits.maxOffsetMinutes);
    if (problem === null) accepted.push(bounded);
    else refused.push({ eventId: bounded.eventId, raw: bounded.raw, reason: `eventId ${bounded.eventId}: ${problem}` });
  }
  return { accepted, refused };
}

function boundEvent(event: AccessEvent, limits: InputLimits): AccessEvent {
  const { value, cuts } = boundJson(event.raw, limits.maxJsonDepth, limits.maxStringLength);
  const texts: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
  for (const field of TEXT_FIELDS) {
    const text = event[field];
    if (text !== null && text.length > limits.maxStringLength) texts[field] = text.slice(0, limits.maxStringLength);
  }
  const eventTime = event.eventTime.length > 64 ? event.eventTime.slice(0, 64) : event.eventTime;
  if (cuts.length === 0 && Object.keys(texts).length === 0 && eventTime === event.eventTime) return event;
  const raw = cuts.length === 0 ? value : markCut(value, cuts);
  return { ...event, ...texts, eventTime, raw };
}

function markCut(value: unknown, cuts: readonly string[]): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ...value, [CUT_KEY]: cuts.join('; ') };
  return { [CUT_KEY]: cuts.join('; '), value };
}
