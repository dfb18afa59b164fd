import { parsePushBody, pushEnvelopeSchema } from '../hikcentral/push-event.js';
import type { AccessEvent } from '../domain/access-event.js';

export interface RejectedPushEvent {
  readonly raw: unknown;
  readonly reason: string;
}

export type PushBatch =
  { readonly ok: true; readonly events: AccessEvent[]; readonly rejected: RejectedPushEvent[] } | { readonly ok: false; readonly reason: string };

const MAX_REASON = 160;

function short(text: string): string {
  return text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1)}…`;
}

/** Why a body is not an OnEventNotify envelope, short enough for a 400 answer. */
function envelopeReason(body: unknown): string {
  const result = pushEnvelopeSchema.safeParse(body);
  if (result.success) return 'not an OnEventNotify body';
  const first = result.error.issues[0];
  if (!first) return 'not an OnEventNotify body';
  const where = first.path.length > 0 ? first.path.join('.') : 'body';
  return short(`not an OnEventNotify body: ${where}: ${first.message}`);
}

/**
 * Splits a pushed body into events ready for the ledger and events that could not be read.
 * The envelope must be right (else the whole body is refused); each event stands on its own.
 */
export function readPushNotification(body: unknown): PushBatch {
  const parsed = parsePushBody(body);
  if (parsed === null) return { ok: false, reason: envelopeReason(body) };
  const rawEvents = pushEnvelopeSchema.parse(body).params.events;
  const rejected = parsed.invalid.map((bad) => ({
    raw: rawEvents[bad.index],
    reason: short(`event ${bad.index}${bad.eventId === null ? '' : ` (eventId ${bad.eventId})`}: ${bad.issues.join('; ')}`),
  }));
  return { ok: true, events: parsed.events, rejected };
}
