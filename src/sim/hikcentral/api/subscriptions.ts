import { z } from 'zod';
import { failure, SIM_CODES, success, type Envelope } from '../codes.js';
import type { SubscriptionRegistry } from '../push/subscriptions.js';
import { validateBody } from './validate.js';

const subscribeRequest = z.object({
  eventTypes: z.array(z.number().int()).min(1, 'name at least one event type'),
  eventDest: z.string().min(1),
  token: z.string().nullish(),
  passBack: z.number().int().nullish(),
});

const unsubscribeRequest = z.object({
  eventTypes: z.array(z.number().int()).min(1, 'name at least one event type'),
});

/**
 * `POST .../eventSubscriptionByEventTypes`. `passBack` is stored and shown but changes nothing:
 * its semantics are not publicly documented.
 */
export function subscribe(body: unknown, subscriptions: SubscriptionRegistry, now: number): Envelope {
  const parsed = validateBody(subscribeRequest, body);
  if (!parsed.ok) return parsed.envelope;
  const { eventTypes, eventDest, token, passBack } = parsed.value;
  if (!isHttpUrl(eventDest)) return failure(SIM_CODES.parameterInvalid, `Parameter eventDest is invalid: "${eventDest}" is not an http(s) URL`);
  subscriptions.subscribe(eventTypes, eventDest, token ?? null, passBack ?? null, now);
  return success(null);
}

export function viewSubscriptions(subscriptions: SubscriptionRegistry): Envelope {
  return success({ detail: subscriptions.view() });
}

export function unsubscribe(body: unknown, subscriptions: SubscriptionRegistry): Envelope {
  const parsed = validateBody(unsubscribeRequest, body);
  if (!parsed.ok) return parsed.envelope;
  subscriptions.unsubscribe(parsed.value.eventTypes);
  return success(null);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
