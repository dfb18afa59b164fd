import type { HikConnectionConfig } from '../config/types.js';
import { z } from 'zod';
import type { HikPerson } from '../domain/hik-person.js';
import type { AccessEventSourcePort, Clock, DoorEventQuery, PersonDirectoryPort } from '../domain/ports.js';
import { systemClock } from '../domain/clock.js';
import type { Logger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import { DOOR_EVENTS_PATH, DoorEventScan, doorEventPageSchema, MAX_PAGE_SIZE, type EventTypeQueryMode } from './door-event-scan.js';
import { DOOR_LIST_PATH, doorOf, doorPageSchema, type HikDoor } from './door-record.js';
import { isHikCentralError } from './errors.js';
import { normalisePersonRecord, personRecordSchema } from './person-record.js';
import { ArtemisTransport, type ArtemisConnectionOptions } from './transport.js';
import {
  personPageSchema,
  subscriptionViewSchema,
  type HikCentralCounters,
  type HikSubscription,
  type ProbeResult,
  type SubscribeRequest,
} from './api-shapes.js';

export const PERSON_LIST_PATH = '/artemis/api/resource/v1/person/personList';
export const PERSON_BY_ID_PATH = '/artemis/api/resource/v1/person/personId/personInfo';
export const PERSON_BY_CODE_PATH = '/artemis/api/resource/v1/person/personCode/personInfo';
export const SUBSCRIBE_PATH = '/artemis/api/eventService/v1/eventSubscriptionByEventTypes';
export const SUBSCRIPTION_VIEW_PATH = '/artemis/api/eventService/v1/eventSubscriptionView';
export const UNSUBSCRIBE_PATH = '/artemis/api/eventService/v1/eventUnSubscriptionByEventTypes';

export interface HikCentralClientOptions extends ArtemisConnectionOptions {
  /** IANA zone used to write startTime/endTime (the offset is always explicit). Default UTC. */
  readonly timeZone?: string;
  /** Records per page, 1–500. Default 500. */
  readonly pageSize?: number;
  /** How event codes become queries; see EventTypeQueryMode. Default `per-code`. */
  readonly eventTypeQuery?: EventTypeQueryMode;
  /**
   * personInfo answers meaning "no such person". No public source names the platform's code;
   * the default is the simulator's choice. Set it when a real platform answers differently.
   * An answer of code "0" with no data means "no such person" too.
   */
  readonly personNotFoundCodes?: readonly string[];
}

export const DEFAULT_PERSON_NOT_FOUND_CODES: readonly string[] = ['0x00072404'];

export type { HikCentralCounters, HikSubscription, ProbeResult, SubscribeRequest } from './api-shapes.js';

/** `data` of a call whose answer does not matter beyond its code. */
const anyData = z.unknown();

/**
 * HikCentral Professional through the Artemis OpenAPI: door events (poll), persons, event
 * subscriptions and a connectivity probe. Every failure is a typed HikCentral error.
 */
export class HikCentralClient implements AccessEventSourcePort, PersonDirectoryPort {
  /** The client for the configured connection, its times written in the site's zone. */
  static fromConfig(hik: HikConnectionConfig, context: { readonly logger: Logger; readonly clock?: Clock; readonly timeZone: string }): HikCentralClient {
    return new HikCentralClient({
      baseUrl: hik.baseUrl,
      appKey: hik.appKey,
      appSecret: hik.appSecret,
      ...(hik.userId !== null ? { userId: hik.userId } : {}),
      ...(hik.caCertPem !== null ? { caCertPem: hik.caCertPem } : {}),
      tlsInsecure: hik.tlsInsecure,
      connectTimeoutMs: hik.connectTimeoutMs,
      requestTimeoutMs: hik.requestTimeoutMs,
      logger: context.logger,
      ...(context.clock ? { clock: context.clock } : {}),
      timeZone: context.timeZone,
    });
  }

  readonly counters: HikCentralCounters = {
    doorEventRequests: 0,
    doorEventsEmitted: 0,
    doorEventDuplicates: 0,
    invalidDoorEvents: 0,
    invalidPersons: 0,
  };
  readonly #transport: ArtemisTransport;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #pageSize: number;
  readonly #eventTypeQuery: EventTypeQueryMode;
  readonly #personNotFoundCodes: ReadonlySet<string>;

  constructor(options: HikCentralClientOptions) {
    this.#transport = new ArtemisTransport(options);
    this.#logger = options.logger;
    this.#clock = options.clock ?? systemClock;
    this.#timeZone = options.timeZone ?? 'UTC';
    this.#pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)));
    this.#eventTypeQuery = options.eventTypeQuery ?? 'per-code';
    this.#personNotFoundCodes = new Set((options.personNotFoundCodes ?? DEFAULT_PERSON_NOT_FOUND_CODES).map((code) => code.toLowerCase()));
  }

  /**
   * Every event in `[startMs, endMs)` (the platform works in whole seconds, so events of the
   * boundary seconds may be included), ascending, each eventId once. Iterate once; read
   * `stats` afterwards for what was skipped.
   */
  scanDoorEvents(query: DoorEventQuery, signal?: AbortSignal): DoorEventScan {
    const counters = this.counters;
    let lastRequests = 0;
    let lastEmitted = 0;
    let lastDuplicates = 0;
    const scan: DoorEventScan = new DoorEventScan(
      query,
      async (request, pageSignal) => (await this.#transport.post(DOOR_EVENTS_PATH, request, doorEventPageSchema, pageSignal)).data,
      { pageSize: this.#pageSize, timeZone: this.#timeZone, eventTypeQuery: this.#eventTypeQuery },
      this.#logger,
      signal,
      {
        onPage: (stats) => {
          counters.doorEventRequests += stats.requests - lastRequests;
          lastRequests = stats.requests;
          counters.doorEventsEmitted += stats.emitted - lastEmitted;
          lastEmitted = stats.emitted;
          counters.doorEventDuplicates += stats.duplicates - lastDuplicates;
          lastDuplicates = stats.duplicates;
        },
        onInvalidRecord: () => {
          counters.invalidDoorEvents++;
        },
      },
    );
    return scan;
  }

  async *listPersons(signal?: AbortSignal): AsyncGenerator<HikPerson> {
    const pageSize = this.#pageSize;
    const seen = new Set<string>();
    for (let pageNo = 1; ; pageNo++) {
      signal?.throwIfAborted();
      const { data } = await this.#transport.post(PERSON_LIST_PATH, { pageNo, pageSize }, personPageSchema, signal);
      const list = data.list ?? [];
      for (const raw of list) {
        const person = this.#person(raw);
        if (!person || seen.has(person.personId)) continue;
        seen.add(person.personId);
        yield person;
      }
      if (list.length < pageSize) return;
    }
  }

  /** Every door (access point) the platform lists; readers are not listed, they show in door events only. */
  async listDoors(signal?: AbortSignal): Promise<HikDoor[]> {
    const doors: HikDoor[] = [];
    for (let pageNo = 1; ; pageNo++) {
      const { data } = await this.#transport.post(DOOR_LIST_PATH, { pageNo, pageSize: this.#pageSize }, doorPageSchema, signal);
      const list = data.list ?? [];
      for (const raw of list) {
        const door = doorOf(raw);
        if (door !== null && !doors.some((d) => d.doorIndexCode === door.doorIndexCode)) doors.push(door);
      }
      if (list.length < this.#pageSize) return doors;
    }
  }

  async getPersonById(personId: string, signal?: AbortSignal): Promise<HikPerson | null> {
    const person = await this.#personInfo(PERSON_BY_ID_PATH, { personId }, signal);
    return person !== null && person.personId === personId ? person : null;
  }

  async getPersonByCode(personCode: string, signal?: AbortSignal): Promise<HikPerson | null> {
    const person = await this.#personInfo(PERSON_BY_CODE_PATH, { personCode }, signal);
    return person !== null && person.personCode === personCode ? person : null;
  }

  async subscribe(request: SubscribeRequest, signal?: AbortSignal): Promise<void> {
    registerSecret(request.token);
    await this.#transport.post(
      SUBSCRIBE_PATH,
      {
        eventTypes: [...request.eventTypes],
        eventDest: request.eventDest,
        token: request.token,
        ...(request.passBack !== undefined ? { passBack: request.passBack ? 1 : 0 } : {}),
      },
      anyData,
      signal,
    );
    this.#logger.info({ eventTypes: request.eventTypes, eventDest: request.eventDest }, 'subscribed to HikCentral events');
  }

  async viewSubscriptions(signal?: AbortSignal): Promise<HikSubscription[]> {
    const { data } = await this.#transport.post(SUBSCRIPTION_VIEW_PATH, {}, subscriptionViewSchema, signal);
    return (data?.detail ?? []).map((entry) => ({ eventTypes: entry.eventTypes, eventDest: entry.eventDest }));
  }

  async unsubscribe(eventTypes: readonly number[], signal?: AbortSignal): Promise<void> {
    await this.#transport.post(UNSUBSCRIBE_PATH, { eventTypes: [...eventTypes] }, anyData, signal);
    this.#logger.info({ eventTypes }, 'unsubscribed from HikCentral events');
  }

  /** One cheap signed call (first person, page size 1): reachability, TLS, credentials, clock skew. */
  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const started = this.#clock.now();
    try {
      const answer = await this.#transport.post(PERSON_LIST_PATH, { pageNo: 1, pageSize: 1 }, personPageSchema, signal);
      const latencyMs = answer.receivedAt - answer.sentAt;
      const serverMs = answer.serverDate === undefined ? Number.NaN : Date.parse(answer.serverDate);
      if (Number.isNaN(serverMs)) return { ok: true, latencyMs };
      const middle = answer.sentAt + latencyMs / 2;
      // HTTP dates are truncated to the second: on average the server's clock read half a second more.
      return { ok: true, latencyMs, serverTime: new Date(serverMs).toISOString(), clockSkewMs: Math.round(serverMs + 500 - middle) };
    } catch (error) {
      if (signal?.aborted) throw error;
      const latencyMs = this.#clock.now() - started;
      if (isHikCentralError(error)) {
        return {
          ok: false,
          latencyMs,
          error: { category: error.category, reason: error.reason, message: error.message, hint: error.hint, code: error.code },
        };
      }
      return {
        ok: false,
        latencyMs,
        error: {
          category: 'transient',
          reason: 'unexpected',
          message: error instanceof Error ? error.message : String(error),
          hint: undefined,
          code: undefined,
        },
      };
    }
  }

  async close(): Promise<void> {
    await this.#transport.close();
  }

  #person(raw: unknown): HikPerson | null {
    const parsed = personRecordSchema.safeParse(raw);
    if (parsed.success) return normalisePersonRecord(parsed.data);
    this.counters.invalidPersons++;
    const personId = raw && typeof raw === 'object' && 'personId' in raw ? String((raw as { personId: unknown }).personId) : null;
    this.#logger.warn(
      { personId, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
      'skipping a HikCentral person that does not have the expected shape',
    );
    return null;
  }

  /** One personInfo call: the person, or null when the platform has nobody by that id/code. */
  async #personInfo(path: string, body: Record<string, string>, signal?: AbortSignal): Promise<HikPerson | null> {
    let data: unknown;
    try {
      ({ data } = await this.#transport.post(path, body, z.unknown(), signal, this.#personNotFoundCodes));
    } catch (error) {
      if (isHikCentralError(error) && error.artemisCode !== undefined && this.#personNotFoundCodes.has(error.artemisCode.toLowerCase())) {
        return null;
      }
      throw error;
    }
    if (data === null || data === undefined) return null;
    if (typeof data === 'object' && Object.keys(data).length === 0) return null;
    return this.#person(data);
  }
}
