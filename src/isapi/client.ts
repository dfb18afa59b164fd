import { rootCertificates } from 'node:tls';
import { DateTime, FixedOffsetZone } from 'luxon';
import { Agent, request } from 'undici';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/ports.js';
import { isAppError } from '../domain/errors.js';
import type { IsapiConfig, IsapiDeviceConfig } from '../config/isapi.js';
import type { Logger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import { digestAuthorization, parseDigestChallenge } from './digest.js';
import { credentialsRefused, deviceAnswered, deviceUnreachable, tlsRefused } from './errors.js';
import { acsEventAnswerSchema, capabilitiesSchema, xmlText, type AcsEventRecord } from './records.js';
import { errorCodesOf } from '../domain/error-codes.js';

export interface IsapiClientOptions {
  readonly device: IsapiDeviceConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** First wait after refused credentials; doubles per refusal up to `authBackoffMaxMs`. */
  readonly authBackoffMs: number;
  readonly authBackoffMaxMs: number;
  /** Zone for a device time without an offset (old firmware). */
  readonly timeZone: string;
}

export interface DeviceInfo {
  readonly model: string | null;
  readonly serialNumber: string | null;
  readonly firmwareVersion: string | null;
  readonly deviceName: string | null;
}

export interface DeviceTime {
  /** As the device wrote it, e.g. 2026-01-27T08:00:05-03:00. */
  readonly localTime: string;
  readonly ms: number;
  /** The device clock's UTC offset, to write search times the way it expects. */
  readonly offsetMinutes: number;
}

export interface EventSearch {
  readonly startMs: number;
  readonly endMs: number;
  readonly offsetMinutes: number;
  /** 0 = every major; 5 = access events. */
  readonly major: number;
  readonly minor?: number;
  /** Upper bound on the page size (the device's own limit applies too). */
  readonly maxResults?: number;
}

/** A page of a search, with where it stood. */
export interface EventPage {
  readonly records: readonly AcsEventRecord[];
  readonly status: string;
  readonly totalMatches: number | null;
}

const JSON_TYPE = 'application/json';
const DEFAULT_PAGE = 30;

/**
 * One terminal over ISAPI: digest authentication on a keep-alive pool (TLS verified, optional
 * CA), paged AcsEvent searches, device info and time. After the device refuses the
 * credentials it is not asked again before a back-off that doubles per refusal, so the
 * device's brute-force lockout (a few failures in a row) never triggers.
 */
export class IsapiClient {
  private readonly agent: Agent;
  private readonly origin: string;
  private authRefusals = 0;
  private blockedUntilMs = 0;
  private blockedLocked = false;
  private pageLimit: number | null = null;

  /** The client of one configured terminal, with the site's timeouts and login back-off. */
  static fromConfig(
    config: Pick<IsapiConfig, 'requestTimeoutMs' | 'connectTimeoutMs' | 'authBackoffMs' | 'authBackoffMaxMs'>,
    device: IsapiDeviceConfig,
    context: { readonly logger: Logger; readonly clock: Clock; readonly timeZone: string },
  ): IsapiClient {
    return new IsapiClient({
      device,
      ...context,
      requestTimeoutMs: config.requestTimeoutMs,
      connectTimeoutMs: config.connectTimeoutMs,
      authBackoffMs: config.authBackoffMs,
      authBackoffMaxMs: config.authBackoffMaxMs,
    });
  }

  constructor(private readonly options: IsapiClientOptions) {
    const { device } = options;
    registerSecret(device.password);
    this.origin = new URL(device.baseUrl).origin;
    if (device.tlsInsecure)
      options.logger.warn(
        { device: device.name },
        `TLS CERTIFICATE VERIFICATION IS DISABLED for terminal ${device.name}: anyone on the network path can impersonate it. Set caFile instead.`,
      );
    this.agent = new Agent({
      connect: {
        timeout: options.connectTimeoutMs,
        rejectUnauthorized: !device.tlsInsecure,
        ...(device.caCertPem !== null && !device.tlsInsecure ? { ca: [...rootCertificates, device.caCertPem] } : {}),
      },
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      keepAliveTimeout: 30_000,
      connections: 2,
    });
  }

  get name(): string {
    return this.options.device.name;
  }

  /** When credentials were refused: until when no request is made (0 when not waiting). */
  get authBlockedUntilMs(): number {
    return this.blockedUntilMs > this.options.clock.now() ? this.blockedUntilMs : 0;
  }

  private async send(method: string, path: string, body: string | undefined, authorization: string | undefined, signal?: AbortSignal) {
    const deadline = AbortSignal.timeout(this.options.connectTimeoutMs + this.options.requestTimeoutMs);
    try {
      const response = await request(`${this.origin}${path}`, {
        method: method as 'GET',
        headers: {
          accept: `${JSON_TYPE}, application/xml`,
          ...(body !== undefined ? { 'content-type': JSON_TYPE } : {}),
          ...(authorization ? { authorization } : {}),
        },
        ...(body !== undefined ? { body } : {}),
        dispatcher: this.agent,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
    } catch (error) {
      if (signal?.aborted) throw error;
      const code = errorCodesOf(error)[0];
      const detail = deadline.aborted ? 'no answer in time' : code !== undefined ? code : error instanceof Error ? error.message : String(error);
      if (code !== undefined && /CERT|SELF_SIGNED|ALTNAME/.test(code)) throw tlsRefused(this.name, code, error);
      throw deviceUnreachable(this.name, detail, error);
    }
  }

  /** One ISAPI call: challenge, then the digest answer. Throws a typed error unless the device answered 200. */
  async call(method: 'GET' | 'POST' | 'PUT', path: string, json?: unknown, signal?: AbortSignal): Promise<string> {
    const now = this.options.clock.now();
    if (now < this.blockedUntilMs) throw credentialsRefused(this.name, this.blockedUntilMs, this.blockedLocked);
    const body = json === undefined ? undefined : JSON.stringify(json);
    let answer = await this.send(method, path, body, undefined, signal);
    for (let round = 0; answer.status === 401 && round < 2; round++) {
      const challenge = parseDigestChallenge(answer.headers['www-authenticate']);
      if (challenge === null) throw deviceAnswered(this.name, path, 401, 'no digest challenge (is this an ISAPI device?)');
      // Credentials refused (not just a first challenge or an expired nonce): stop, and wait before the next try.
      if (round > 0 && !challenge.stale) return this.refused(answer.text);
      const { device } = this.options;
      answer = await this.send(method, path, body, digestAuthorization(challenge, { method, uri: path, user: device.user, password: device.password }), signal);
      if (answer.status === 401 && /<lockStatus>lock<\/lockStatus>/.test(answer.text)) return this.refused(answer.text);
    }
    if (answer.status === 401) return this.refused(answer.text);
    this.authRefusals = 0;
    this.blockedLocked = false;
    if (answer.status !== 200) throw deviceAnswered(this.name, path, answer.status, answer.text);
    return answer.text;
  }

  private refused(body: string): never {
    this.authRefusals++;
    const locked = /<lockStatus>lock<\/lockStatus>/.test(body);
    const unlockSeconds = Number(xmlText(body, 'unlockTime') ?? '0');
    const backoff = Math.min(this.options.authBackoffMaxMs, this.options.authBackoffMs * 2 ** (this.authRefusals - 1));
    this.blockedUntilMs = this.options.clock.now() + Math.max(backoff, locked ? unlockSeconds * 1000 + 60_000 : 0);
    this.blockedLocked = locked;
    const error = credentialsRefused(this.name, this.blockedUntilMs, locked);
    this.options.logger.error(
      { device: this.name, refusals: this.authRefusals, nextTry: new Date(this.blockedUntilMs).toISOString(), hint: error.hint },
      error.message,
    );
    throw error;
  }

  async deviceInfo(signal?: AbortSignal): Promise<DeviceInfo> {
    const xml = await this.call('GET', '/ISAPI/System/deviceInfo', undefined, signal);
    return {
      model: xmlText(xml, 'model'),
      serialNumber: xmlText(xml, 'serialNumber'),
      firmwareVersion: xmlText(xml, 'firmwareVersion'),
      deviceName: xmlText(xml, 'deviceName'),
    };
  }

  async deviceTime(signal?: AbortSignal): Promise<DeviceTime> {
    const xml = await this.call('GET', '/ISAPI/System/time', undefined, signal);
    const localTime = xmlText(xml, 'localTime');
    const parsed = localTime === null ? null : DateTime.fromISO(localTime, { setZone: true, zone: this.options.timeZone });
    if (localTime === null || parsed === null || !parsed.isValid) throw deviceAnswered(this.name, '/ISAPI/System/time', 200, `no readable localTime in ${xml}`);
    return { localTime, ms: parsed.toMillis(), offsetMinutes: parsed.offset };
  }

  /** The largest page the firmware accepts (capabilities; 30 when it does not say). */
  async maxResults(signal?: AbortSignal): Promise<number> {
    if (this.pageLimit !== null) return this.pageLimit;
    let limit = DEFAULT_PAGE;
    try {
      const parsed = capabilitiesSchema.safeParse(
        JSON.parse(await this.call('GET', '/ISAPI/AccessControl/AcsEvent/capabilities?format=json', undefined, signal)),
      );
      if (parsed.success && parsed.data.AcsEvent.AcsEventCond.maxResults !== undefined) limit = parsed.data.AcsEvent.AcsEventCond.maxResults['@max'];
    } catch (error) {
      if (isAppError(error) && error.code !== 'ISAPI_HTTP') throw error;
      this.options.logger.info({ device: this.name }, `terminal ${this.name} does not describe its AcsEvent capabilities; pages of ${DEFAULT_PAGE}`);
    }
    this.pageLimit = Math.min(limit, this.options.device.pageSize ?? limit);
    return this.pageLimit;
  }

  /** Every page of one search (a new searchID), ascending, until the device says it is not MORE. */
  async *searchEvents(search: EventSearch, signal?: AbortSignal): AsyncGenerator<EventPage> {
    const pageSize = Math.min(await this.maxResults(signal), search.maxResults ?? Number.MAX_SAFE_INTEGER);
    const searchID = randomUUID();
    // Written in the device's own offset, whole seconds, as its web page writes them.
    const zone = FixedOffsetZone.instance(search.offsetMinutes);
    const write = (ms: number) => DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
    let position = 0;
    for (let pages = 0; pages < 100_000; pages++) {
      const cond = {
        searchID,
        searchResultPosition: position,
        maxResults: pageSize,
        major: search.major,
        minor: search.minor ?? 0,
        startTime: write(search.startMs),
        endTime: write(search.endMs),
      };
      const text = await this.call('POST', '/ISAPI/AccessControl/AcsEvent?format=json', { AcsEventCond: cond }, signal);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw deviceAnswered(this.name, '/ISAPI/AccessControl/AcsEvent', 200, `not JSON: ${text}`);
      }
      const parsed = acsEventAnswerSchema.safeParse(json);
      if (!parsed.success)
        throw deviceAnswered(
          this.name,
          '/ISAPI/AccessControl/AcsEvent',
          200,
          `unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`,
        );
      const answer = parsed.data.AcsEvent;
      const records = answer.InfoList ?? [];
      yield { records, status: answer.responseStatusStrg, totalMatches: answer.totalMatches ?? null };
      if (answer.responseStatusStrg !== 'MORE') return;
      if (records.length === 0) throw deviceAnswered(this.name, '/ISAPI/AccessControl/AcsEvent', 200, 'MORE with an empty page');
      position += records.length;
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
