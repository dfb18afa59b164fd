import type { AccessEvent } from './access-event.js';
import type { HikPerson } from './hik-person.js';
import type { ClockRequest, EntryType, HumandDay, HumandResult, HumandUser, TimeTrackingEntry } from './humand.js';

/**
 * Ports the pipeline depends on. Adapters (HikCentral client, Humand client, store)
 * implement them; the pipeline never sees HTTP.
 */

export interface DoorEventQuery {
  /** Inclusive start, exclusive end (epoch ms). */
  readonly startMs: number;
  readonly endMs: number;
  /** Door index codes to ask for; empty = all doors. */
  readonly doorIndexCodes: readonly string[];
  /** Event codes to ask for; empty = all. */
  readonly eventCodes: readonly number[];
}

export interface AccessEventSourcePort {
  /** Streams every event in the window, ascending, de-duplicated by eventId within the scan. */
  scanDoorEvents(query: DoorEventQuery, signal?: AbortSignal): AsyncIterable<AccessEvent>;
}

export interface PersonDirectoryPort {
  listPersons(signal?: AbortSignal): AsyncIterable<HikPerson>;
  getPersonById(personId: string): Promise<HikPerson | null>;
  getPersonByCode(personCode: string): Promise<HikPerson | null>;
}

export interface TimeTrackingPort {
  clock(type: EntryType, request: ClockRequest, signal?: AbortSignal): Promise<HumandResult<TimeTrackingEntry>>;
  /** Entries of one employee between two dates (YYYY-MM-DD, inclusive), all pages. */
  listEntries(employeeId: string, startDate: string, endDate: string, signal?: AbortSignal): Promise<HumandResult<TimeTrackingEntry[]>>;
  /**
   * Several employees' days between two dates (YYYY-MM-DD, inclusive), every source, read in bulk
   * where Humand allows it (day summaries) and per employee otherwise. Days without entries are
   * left out.
   */
  readDays(employeeIds: readonly string[], startDate: string, endDate: string, signal?: AbortSignal): Promise<HumandResult<HumandDay[]>>;
  /** How many employees one `readDays` request covers over `days` dates (1 where it reads per employee). */
  employeesPerDaysRead?(days: number): number;
  /** All users, all pages. */
  listUsers(signal?: AbortSignal): Promise<HumandResult<HumandUser[]>>;
  getUser(employeeInternalId: string, signal?: AbortSignal): Promise<HumandResult<HumandUser>>;
}

/** Injected clock so no test depends on wall time. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
