import { describe, expect, it } from 'vitest';
import { DEFAULT_DOOR_STATE_EVENT_CODES, DEFAULT_GRANTED_EVENT_CODES, DEFAULT_REFUSED_EVENT_CODES } from '../../src/config/event-codes.js';
import { toAccessEvent } from '../../src/isapi/event-mapping.js';
import { readEventLog } from '../../src/isapi/push/read-event-log.js';
import { SITE_TZ } from './support.js';

const record = {
  major: 5,
  minor: 75,
  time: '2026-01-27T08:00:05-03:00',
  serialNo: 1834,
  employeeNoString: '20123456',
  name: 'Ana',
  cardReaderNo: 1,
  doorNo: 1,
  currentVerifyMode: 'face',
};

describe('a terminal event as an AccessEvent', () => {
  it.each([
    ['checkIn', 1],
    ['checkOut', 2],
    ['breakOut', 3],
    ['breakIn', 4],
    ['overtimeIn', 5],
    ['overtimeOut', 6],
    ['undefined', 0],
  ])('attendanceStatus %s → checkInAndOutType %i (what the device direction mode reads)', (status, code) => {
    expect(toAccessEvent('entrada', { ...record, attendanceStatus: status }, {}, SITE_TZ).checkInAndOutType).toBe(code);
  });

  it('names the person by employee number, the door and reader by device, and keeps the device time as given', () => {
    expect(toAccessEvent('entrada', record, record, SITE_TZ)).toMatchObject({
      eventId: 'isapi:entrada:1834@1769511605',
      eventCode: 500075,
      eventTime: '2026-01-27T08:00:05-03:00',
      personId: 'isapi:20123456',
      personCode: '20123456',
      doorIndexCode: 'entrada/door-1',
      readerIndexCode: 'entrada/reader-1',
      checkInAndOutType: null,
    });
    // A door event names nobody.
    expect(toAccessEvent('entrada', { major: 5, minor: 0x19, time: record.time, serialNo: 1835, doorNo: 1 }, {}, SITE_TZ)).toMatchObject({
      personId: null,
      readerIndexCode: null,
      eventCode: 500025,
    });
  });

  it('gives a pushed event_log the same id as the polled record (so push + poll collapse), whatever else the push carries', () => {
    const log = {
      ipAddress: '10.0.0.21',
      dateTime: record.time,
      eventType: 'AccessControllerEvent',
      AccessControllerEvent: {
        majorEventType: 5,
        subEventType: 75,
        serialNo: 1834,
        employeeNoString: '20123456',
        cardReaderNo: 1,
        doorNo: 1,
        picturesNumber: 1,
      },
    };
    const reading = readEventLog(JSON.stringify(log), 'entrada', SITE_TZ);
    expect(reading.kind).toBe('event');
    expect(reading.kind === 'event' && reading.event.eventId).toBe(toAccessEvent('entrada', record, {}, SITE_TZ).eventId);
    expect(readEventLog(JSON.stringify({ eventType: 'heartBeat' }), 'entrada', SITE_TZ)).toEqual({ kind: 'skip', eventType: 'heartBeat' });
    expect(readEventLog('{"eventType": "AccessControllerEvent"}', 'entrada', SITE_TZ).kind).toBe('bad');
  });

  it('face, card and fingerprint passes are granted, their failures refused, door states nobody', () => {
    for (const minor of [0x4b, 0x01, 0x26]) expect(DEFAULT_GRANTED_EVENT_CODES).toContain(500000 + minor);
    for (const minor of [0x4c, 0x09, 0x06, 0x27]) expect(DEFAULT_REFUSED_EVENT_CODES).toContain(500000 + minor);
    for (const minor of [0x15, 0x17, 0x19, 0x1b]) expect(DEFAULT_DOOR_STATE_EVENT_CODES).toContain(500000 + minor);
  });
});
