import { describe, expect, it } from 'vitest';
import { normalisePushEvent, parsePushBody, pushBodySchema, pushEventSchema } from '../../src/hikcentral/push-event.js';

function pushEvent(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: 'evt-1',
    eventType: 196893,
    happenTime: '2026-01-27T08:01:02-03:00',
    srcIndex: 'door-7',
    srcName: 'Facial Entrada',
    srcType: 'door',
    status: 0,
    timeout: 0,
    data: {
      personId: '42',
      personCode: 'E-0042',
      cardNo: '',
      checkInAndOutType: 1,
      readerIndexCode: 'reader-7-1',
      readerName: 'Reader 1',
      picUri: '',
      ...data,
    },
    ...overrides,
  };
}

function body(events: unknown[]): unknown {
  return { method: 'OnEventNotify', params: { ability: 'event_acs', sendTime: '2026-01-27T08:01:05-03:00', events } };
}

describe('OnEventNotify push body', () => {
  it('normalises an event, keeping the time offset and turning empty strings into null', () => {
    const raw = pushEvent();
    const event = normalisePushEvent(pushEventSchema.parse(raw), raw);
    expect(event).toEqual({
      eventId: 'evt-1',
      eventCode: 196893,
      eventTime: '2026-01-27T08:01:02-03:00',
      personId: '42',
      personCode: 'E-0042',
      personName: null,
      cardNo: null,
      doorIndexCode: 'door-7',
      doorName: 'Facial Entrada',
      readerIndexCode: 'reader-7-1',
      readerName: 'Reader 1',
      checkInAndOutType: 1,
      inAndOutType: null,
      raw,
    });
  });

  it('accepts numbers where the platform sends them as strings and vice versa', () => {
    const event = normalisePushEvent(pushEventSchema.parse(pushEvent({ eventId: 981, eventType: '198914' }, { checkInAndOutType: '2', personId: 7 })));
    expect(event.eventId).toBe('981');
    expect(event.eventCode).toBe(198914);
    expect(event.checkInAndOutType).toBe(2);
    expect(event.personId).toBe('7');
  });

  it('does not take a non-door source for a door', () => {
    const event = normalisePushEvent(pushEventSchema.parse(pushEvent({ srcType: 'acsDevice' })));
    expect(event.doorIndexCode).toBeNull();
    expect(event.doorName).toBeNull();
  });

  it('validates the whole body strictly with pushBodySchema', () => {
    expect(pushBodySchema.safeParse(body([pushEvent()])).success).toBe(true);
    expect(pushBodySchema.safeParse(body([pushEvent({ happenTime: 'yesterday' })])).success).toBe(false);
    expect(pushBodySchema.safeParse({ method: 'Other', params: { events: [] } }).success).toBe(false);
  });

  it('keeps the good events of a mixed batch and reports the bad ones', () => {
    const parsed = parsePushBody(body([pushEvent(), pushEvent({ eventId: 'evt-2', happenTime: 'not a time' }), pushEvent({ eventId: 'evt-3' })]));
    expect(parsed?.events.map((event) => event.eventId)).toEqual(['evt-1', 'evt-3']);
    expect(parsed?.invalid).toHaveLength(1);
    expect(parsed?.invalid[0]?.eventId).toBe('evt-2');
    expect(parsed?.invalid[0]?.issues.join()).toMatch(/happenTime/);
  });

  it('rejects a body that is not an OnEventNotify at all', () => {
    expect(parsePushBody({ hello: 'world' })).toBeNull();
  });
});
