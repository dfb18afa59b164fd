import { z } from 'zod';
import type { AccessEvent } from '../domain/access-event.js';
import { isoDateTime, optionalInteger, optionalText, requiredInteger } from './door-event-record.js';

/**
 * The `OnEventNotify` body HikCentral POSTs to a subscription's `eventDest`, and its
 * normalisation into an AccessEvent. Shared by the webhook receiver; see docs/reference/artemis.md.
 */

const pushEventDataSchema = z.looseObject({
  personId: optionalText,
  personCode: optionalText,
  personName: optionalText,
  cardNo: optionalText,
  checkInAndOutType: optionalInteger,
  inAndOutType: optionalInteger,
  readerIndexCode: optionalText,
  readerName: optionalText,
  picUri: optionalText,
  // [ISC] names for the same facts, used only when the HCP names are absent.
  ExtEventPersonNo: optionalText,
  ExtEventCardNo: optionalText,
  ExtEventInOut: optionalInteger,
});

/** One entry of `params.events`. */
export const pushEventSchema = z.looseObject({
  eventId: z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .pipe(z.string().min(1)),
  eventType: requiredInteger,
  happenTime: isoDateTime,
  srcIndex: optionalText,
  srcName: optionalText,
  srcType: optionalText,
  status: optionalInteger,
  timeout: optionalInteger,
  data: pushEventDataSchema.nullish().transform((data) => data ?? pushEventDataSchema.parse({})),
});

export type PushEvent = z.output<typeof pushEventSchema>;

/** The whole body, every event validated: one bad event rejects the body. */
export const pushBodySchema = z.looseObject({
  method: z.literal('OnEventNotify'),
  params: z.looseObject({
    ability: optionalText,
    sendTime: optionalText,
    events: z.array(pushEventSchema),
  }),
});

export type PushBody = z.output<typeof pushBodySchema>;

/** The body with events left unvalidated, so a receiver can keep the good ones of a mixed batch. */
export const pushEnvelopeSchema = z.looseObject({
  method: z.literal('OnEventNotify'),
  params: z.looseObject({
    ability: optionalText,
    sendTime: optionalText,
    events: z.array(z.unknown()),
  }),
});

export function normalisePushEvent(event: PushEvent, raw: unknown = event): AccessEvent {
  const { data } = event;
  const isDoor = event.srcType === null || event.srcType.toLowerCase() === 'door';
  return {
    eventId: event.eventId,
    eventCode: event.eventType,
    eventTime: event.happenTime,
    personId: data.personId ?? data.ExtEventPersonNo,
    personCode: data.personCode,
    personName: data.personName,
    cardNo: data.cardNo ?? data.ExtEventCardNo,
    doorIndexCode: isDoor ? event.srcIndex : null,
    doorName: isDoor ? event.srcName : null,
    readerIndexCode: data.readerIndexCode,
    readerName: data.readerName,
    checkInAndOutType: data.checkInAndOutType,
    inAndOutType: data.inAndOutType ?? data.ExtEventInOut,
    raw,
  };
}

export interface ParsedPush {
  readonly ability: string | null;
  readonly sendTime: string | null;
  readonly events: AccessEvent[];
  /** Events that failed validation: skipped, reported for a warning and a counter. */
  readonly invalid: { readonly index: number; readonly eventId: string | null; readonly issues: string[] }[];
}

/**
 * Parses a push body leniently: the envelope must be right (else null), each event is validated
 * on its own so one malformed event does not lose the others.
 */
export function parsePushBody(body: unknown): ParsedPush | null {
  const envelope = pushEnvelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const events: AccessEvent[] = [];
  const invalid: ParsedPush['invalid'][number][] = [];
  envelope.data.params.events.forEach((raw, index) => {
    const parsed = pushEventSchema.safeParse(raw);
    if (parsed.success) {
      events.push(normalisePushEvent(parsed.data, raw));
      return;
    }
    const id = raw && typeof raw === 'object' && 'eventId' in raw ? (raw as { eventId: unknown }).eventId : null;
    invalid.push({
      index,
      eventId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  });
  return { ability: envelope.data.params.ability, sendTime: envelope.data.params.sendTime, events, invalid };
}
