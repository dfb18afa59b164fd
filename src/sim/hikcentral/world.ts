import { BadInputError } from '../../domain/errors.js';
import type { HikScenario, SimDoor, SimEvent, SimPerson, SimReader } from '../scenario/types.js';

/** An event to add: arrival defaults to the event time (no upload delay), optional fields to none. */
export interface SimEventInput {
  readonly eventId: string;
  readonly eventType: number;
  readonly eventTime: number;
  readonly arrivalTime?: number;
  readonly personId?: string | null;
  readonly doorIndexCode: string;
  readonly readerIndexCode?: string | null;
  readonly checkInAndOutType?: number;
  readonly cardNo?: string | null;
  readonly picUri?: string | null;
}

export const DEFAULT_SITE_TIMEZONE = 'America/Argentina/Buenos_Aires';

/** The site's persons, doors and events as the simulated platform holds them. */
export class SimWorld {
  timezone: string;
  /** Readers whose devices write times in another zone (HikScenario.site.readerTimeZones). */
  readerTimeZones: Readonly<Record<string, string>> | undefined;
  private persons = new Map<string, SimPerson>();
  private personIdByCode = new Map<string, string>();
  private doors = new Map<string, SimDoor>();
  private readers = new Map<string, SimReader>();
  private events: SimEvent[] = [];
  private eventIds = new Set<string>();

  constructor(scenario: HikScenario | undefined) {
    this.timezone = scenario?.site.timezone ?? DEFAULT_SITE_TIMEZONE;
    this.readerTimeZones = scenario?.site.readerTimeZones;
    if (scenario) this.load(scenario);
  }

  load(scenario: HikScenario): void {
    this.timezone = scenario.site.timezone;
    this.readerTimeZones = scenario.site.readerTimeZones;
    this.persons = new Map();
    this.personIdByCode = new Map();
    this.doors = new Map();
    this.readers = new Map();
    this.events = [];
    this.eventIds = new Set();
    this.addPersons(scenario.persons);
    this.addDoors(scenario.doors);
    this.addEvents(scenario.events);
  }

  /** Adds persons, replacing any with the same personId. */
  addPersons(persons: readonly SimPerson[]): void {
    for (const person of persons) {
      const previous = this.persons.get(person.personId);
      if (previous) this.personIdByCode.delete(previous.personCode);
      this.persons.set(person.personId, person);
      this.personIdByCode.set(person.personCode, person.personId);
    }
  }

  removePerson(personId: string): boolean {
    const person = this.persons.get(personId);
    if (!person) return false;
    this.persons.delete(personId);
    this.personIdByCode.delete(person.personCode);
    return true;
  }

  /** Persons in personId order (numeric ids in numeric order). */
  listPersons(): SimPerson[] {
    return [...this.persons.values()].sort((a, b) => compareIds(a.personId, b.personId));
  }

  personById(personId: string): SimPerson | undefined {
    return this.persons.get(personId);
  }

  personByCode(personCode: string): SimPerson | undefined {
    const personId = this.personIdByCode.get(personCode);
    return personId === undefined ? undefined : this.persons.get(personId);
  }

  /** Adds doors, replacing any with the same doorIndexCode. */
  addDoors(doors: readonly SimDoor[]): void {
    for (const door of doors) {
      this.doors.set(door.doorIndexCode, door);
      for (const reader of door.readers) this.readers.set(reader.readerIndexCode, reader);
    }
  }

  listDoors(): SimDoor[] {
    return [...this.doors.values()];
  }

  door(doorIndexCode: string): SimDoor | undefined {
    return this.doors.get(doorIndexCode);
  }

  reader(readerIndexCode: string): SimReader | undefined {
    return this.readers.get(readerIndexCode);
  }

  /** Adds events (replacing any with the same eventId); they stay invisible until their arrivalTime. */
  addEvents(inputs: readonly SimEventInput[]): SimEvent[] {
    const added = inputs.map(normaliseEvent);
    const replaced = new Set(added.map((event) => event.eventId).filter((id) => this.eventIds.has(id)));
    if (replaced.size > 0) this.events = this.events.filter((event) => !replaced.has(event.eventId));
    for (const event of added) this.eventIds.add(event.eventId);
    this.events.push(...added);
    this.events.sort(byEventTime);
    return added;
  }

  /** Every event, visible or not, in eventTime order. */
  listEvents(): readonly SimEvent[] {
    return this.events;
  }

  /** Events the platform has received by `nowMs` (arrival reached), in eventTime order. */
  visibleEvents(nowMs: number): SimEvent[] {
    return this.events.filter((event) => event.arrivalTime <= nowMs);
  }
}

function normaliseEvent(input: SimEventInput): SimEvent {
  const arrivalTime = input.arrivalTime ?? input.eventTime;
  if (!Number.isFinite(input.eventTime) || !Number.isFinite(arrivalTime)) {
    throw new BadInputError(`event ${input.eventId}: eventTime and arrivalTime must be epoch milliseconds`);
  }
  if (arrivalTime < input.eventTime) {
    throw new BadInputError(`event ${input.eventId}: arrivalTime is before eventTime`, { hint: 'An event cannot reach the platform before it happened.' });
  }
  return {
    eventId: input.eventId,
    eventType: input.eventType,
    eventTime: input.eventTime,
    arrivalTime,
    personId: input.personId ?? null,
    doorIndexCode: input.doorIndexCode,
    readerIndexCode: input.readerIndexCode ?? null,
    checkInAndOutType: input.checkInAndOutType ?? 0,
    cardNo: input.cardNo ?? null,
    picUri: input.picUri ?? null,
  };
}

function byEventTime(a: SimEvent, b: SimEvent): number {
  return a.eventTime - b.eventTime || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
