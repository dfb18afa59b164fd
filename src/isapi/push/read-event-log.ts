import type { AccessEvent } from '../../domain/access-event.js';
import { eventLogSchema } from '../records.js';
import { toAccessEvent } from '../event-mapping.js';

export type EventLogReading =
  | { readonly kind: 'event'; readonly event: AccessEvent }
  /** Heartbeats and event types that are not access events: answered 200, nothing recorded. */
  | { readonly kind: 'skip'; readonly eventType: string }
  | { readonly kind: 'bad'; readonly reason: string };

/** A terminal's `event_log` JSON as the pipeline's AccessEvent, for the device it came from. */
export function readEventLog(text: string, device: string, timeZone: string): EventLogReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'bad', reason: 'event_log is not JSON' };
  }
  const parsed = eventLogSchema.safeParse(json);
  if (!parsed.success) return { kind: 'bad', reason: `event_log has an unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})` };
  const log = parsed.data;
  if (log.eventType !== 'AccessControllerEvent') return { kind: 'skip', eventType: log.eventType };
  const access = log.AccessControllerEvent;
  if (access === undefined || log.dateTime === undefined)
    return { kind: 'bad', reason: 'an AccessControllerEvent without its AccessControllerEvent object or dateTime' };
  const { majorEventType, subEventType, ...fields } = access;
  return { kind: 'event', event: toAccessEvent(device, { ...fields, major: majorEventType, minor: subEventType, time: log.dateTime }, json, timeZone) };
}
