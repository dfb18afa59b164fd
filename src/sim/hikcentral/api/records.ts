import { personName } from '../../scenario/persons.js';
import type { SimEvent, SimPerson } from '../../scenario/types.js';
import { formatDeviceTime, formatSiteTime } from '../site-time.js';
import type { SimWorld } from '../world.js';

/*
 * Absent values are written as empty strings (cardNo of a face-only person, personId of a
 * door-state event): what HikCentral's JSON is believed to carry; not confirmed publicly.
 */

/** A `door/events` record: exactly the reference's fields plus receiveTime. */
export function doorEventRecord(event: SimEvent, world: SimWorld): Record<string, unknown> {
  const person = event.personId === null ? undefined : world.personById(event.personId);
  const time = formatDeviceTime(event.eventTime, world.timezone, event.readerIndexCode, world.readerTimeZones);
  return {
    eventId: event.eventId,
    eventType: event.eventType,
    eventTime: time,
    deviceTime: time,
    personId: event.personId ?? '',
    personName: person ? personName(person) : '',
    doorName: world.door(event.doorIndexCode)?.doorName ?? '',
    doorIndexCode: event.doorIndexCode,
    cardNo: event.cardNo ?? '',
    checkInAndOutType: event.checkInAndOutType,
    readerIndexCode: event.readerIndexCode ?? '',
    readerName: event.readerIndexCode === null ? '' : (world.reader(event.readerIndexCode)?.readerName ?? ''),
    picUri: event.picUri ?? '',
    receiveTime: formatSiteTime(event.arrivalTime, world.timezone),
  };
}

/** One entry of an OnEventNotify push; `eventId` may differ from the stored event's (re-pushes). */
export function pushEventRecord(event: SimEvent, eventId: string, world: SimWorld): Record<string, unknown> {
  const person = event.personId === null ? undefined : world.personById(event.personId);
  return {
    eventId,
    eventType: event.eventType,
    happenTime: formatDeviceTime(event.eventTime, world.timezone, event.readerIndexCode, world.readerTimeZones),
    srcIndex: event.doorIndexCode,
    srcName: world.door(event.doorIndexCode)?.doorName ?? '',
    srcType: 'door',
    status: 0,
    timeout: 0,
    data: {
      personId: event.personId ?? '',
      personCode: person?.personCode ?? '',
      personName: person ? personName(person) : '',
      cardNo: event.cardNo ?? '',
      checkInAndOutType: event.checkInAndOutType,
      readerIndexCode: event.readerIndexCode ?? '',
      readerName: event.readerIndexCode === null ? '' : (world.reader(event.readerIndexCode)?.readerName ?? ''),
      picUri: event.picUri ?? '',
    },
  };
}

export function personRecord(person: SimPerson): Record<string, unknown> {
  return {
    personId: person.personId,
    personCode: person.personCode,
    personName: personName(person),
    personFamilyName: person.personFamilyName,
    personGivenName: person.personGivenName,
    orgIndexCode: person.orgIndexCode,
    phoneNo: person.phoneNo,
    email: person.email,
    cards: person.cardNos.map((cardNo) => ({ cardNo })),
    customFieldList: Object.entries(person.customFields).map(([customFiledName, customFieldValue]) => ({ customFiledName, customFieldValue })),
  };
}
