import { HUMAND_CONNECTION_DEFAULTS } from '../config/defaults.js';
import type { HumandConnectionConfig } from '../config/types.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import { systemClock } from '../domain/clock.js';
import type { ClockRequest, EntryType, HumandDay, HumandResult, HumandUser, RateLimitInfo, TimeTrackingEntry } from '../domain/humand.js';
import type { Clock, TimeTrackingPort } from '../domain/ports.js';
import { silentLogger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import { toDomainEntry, toDomainUser } from './map-to-domain.js';
import { HUMAND_MAX_PAGE_SIZE, normaliseAuth, normaliseBaseUrl, positiveInteger, type HumandClientOptions } from './options.js';
import { groupEntriesByDay } from './day-grouping.js';
import { entriesPageSchema, entrySchema, userSchema, usersPageSchema } from './response-schemas.js';
import { isHumandTime } from './time-format.js';
import { HumandTransport } from './transport.js';
import { HumandExchanger, type Exchange } from './exchanger.js';
import { parseDaySummaries, summaryIdentity, type DaySummaryEntries } from './day-summaries-page.js';
import { isRefusedReadPath, issuePaths, localRejection } from './parse-helpers.js';
import { describeProbeFailure, type HumandProbeResult } from './probe-result.js';

export type { HumandProbeResult, HumandProbeStatus } from './probe-result.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Humand serves at most this many day summaries per request, silently (docs/reference/humand.md). */
const DAY_SUMMARIES_CAP = 500;
/** A refused read path is tried again after this long (a tenant's setting may change). */
const READ_PATH_RETRY_MS = 3_600_000;

const clockRequestSchema = z.object({
  employeeId: z.string().trim().min(1, 'employeeId is empty'),
  now: z.string().refine(isHumandTime, 'now must look like 2026-01-27T08:12:45.123-03:00 (milliseconds and a numeric offset; use formatHumandTime)'),
  comment: z.string(),
});

/**
 * Humand public API client. Every method resolves (never rejects) to a {@link HumandResult}:
 * a value, or a classified {@link HumandFailure}, both with the rate-limit state Humand reported.
 * No automatic retries of writes: the pipeline owns scheduling and the shared rate budget.
 */
export class HumandClient implements TimeTrackingPort {
  /** The client for the configured connection: one way to build it for the App, doctor and the dashboard. */
  static fromConfig(humand: HumandConnectionConfig, context: { readonly logger?: Logger; readonly clock?: Clock }): HumandClient {
    return new HumandClient({
      baseUrl: humand.baseUrl,
      auth: humand.auth,
      requestTimeoutMs: humand.requestTimeoutMs,
      connectTimeoutMs: humand.connectTimeoutMs,
      ...(context.logger ? { logger: context.logger } : {}),
      ...(context.clock ? { clock: context.clock } : {}),
    });
  }

  readonly baseUrl: string;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #pageSize: number;
  readonly #wire: HumandExchanger;
  /** Employee-days per day-summaries request (under the cap with room to spare) and employees (a short URL). */
  readonly #summaryMaxItems: number;
  readonly #summaryMaxEmployees: number;
  /** Page size for day summaries: 500, or 50 once a tenant refused 500. */
  #summaryPageSize = DAY_SUMMARIES_CAP;
  /** Until then, day summaries are not asked (the tenant refused them). */
  #summariesRefusedUntilMs = 0;
  /** A day-summaries read has been answered since it was last refused. */
  #summariesAnswered = false;

  constructor(options: HumandClientOptions) {
    const { key, header } = normaliseAuth(options.auth);
    registerSecret(key);
    registerSecret(header);
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.#logger = (options.logger ?? silentLogger()).child({ component: 'humand-client' });
    this.#clock = options.clock ?? systemClock;
    this.#pageSize = Math.min(positiveInteger(options.pageSize, HUMAND_MAX_PAGE_SIZE, 'pageSize'), HUMAND_MAX_PAGE_SIZE);
    this.#summaryMaxItems = positiveInteger(options.daySummariesMaxItems, 450, 'daySummariesMaxItems');
    this.#summaryMaxEmployees = positiveInteger(options.daySummariesMaxEmployees, 200, 'daySummariesMaxEmployees');
    const transport = new HumandTransport({
      baseUrl: this.baseUrl,
      authorization: header,
      requestTimeoutMs: positiveInteger(options.requestTimeoutMs, HUMAND_CONNECTION_DEFAULTS.requestTimeoutMs, 'requestTimeoutMs'),
      connectTimeoutMs: positiveInteger(options.connectTimeoutMs, HUMAND_CONNECTION_DEFAULTS.connectTimeoutMs, 'connectTimeoutMs'),
      ...(options.tls === undefined ? {} : { tls: options.tls }),
    });
    this.#wire = new HumandExchanger({
      transport,
      logger: this.#logger,
      clock: this.#clock,
      pageSize: this.#pageSize,
      maxPages: positiveInteger(options.maxPages, 2000, 'maxPages'),
      pagingWaitMaxMs: Math.max(0, options.pagingRateLimitWaitMaxMs ?? 65_000),
    });
  }

  /** START → POST /time-tracking/entries/clockIn, END → …/clockOut. */
  async clock(type: EntryType, request: ClockRequest, signal?: AbortSignal): Promise<HumandResult<TimeTrackingEntry>> {
    const checked = clockRequestSchema.safeParse(request);
    if (!checked.success) {
      return localRejection(checked.error.issues.map((issue) => issue.message).join('; '));
    }
    const body = { employeeId: checked.data.employeeId, now: checked.data.now, comment: checked.data.comment };
    const path = type === 'START' ? '/time-tracking/entries/clockIn' : '/time-tracking/entries/clockOut';
    return this.#wire.exchange({ method: 'POST', pathAndQuery: path, label: path, body }, signal, (json) => {
      const parsed = entrySchema.safeParse(json);
      if (!parsed.success) return { ok: false, message: `unexpected entry shape: ${issuePaths(parsed.error)}` };
      const entry = toDomainEntry(parsed.data, { employeeInternalId: body.employeeId, time: body.now, type });
      return entry ? { ok: true, value: entry } : { ok: false, message: 'entry without time' };
    });
  }

  /** Every entry of one employee between two dates (inclusive), following pages of 50 until a short page. */
  async listEntries(employeeId: string, startDate: string, endDate: string, signal?: AbortSignal): Promise<HumandResult<TimeTrackingEntry[]>> {
    if (employeeId.trim() === '') return localRejection('employeeId is empty');
    if (!DATE_ONLY.test(startDate) || !DATE_ONLY.test(endDate) || startDate > endDate) {
      return localRejection(`startDate/endDate must be YYYY-MM-DD with startDate <= endDate (got ${startDate}..${endDate})`);
    }
    const query = (page: number) =>
      new URLSearchParams({ employeeId: employeeId.trim(), startDate, endDate, page: String(page), limit: String(this.#pageSize) }).toString();
    return this.#wire.readAllPages(
      (page) => ({ method: 'GET', pathAndQuery: `/time-tracking/entries?${query(page)}`, label: '/time-tracking/entries' }),
      (json) => {
        const parsed = entriesPageSchema.safeParse(json);
        if (!parsed.success) return { ok: false, message: `unexpected entries page: ${issuePaths(parsed.error)}` };
        const entries: TimeTrackingEntry[] = [];
        for (const wire of parsed.data.items) {
          const entry = toDomainEntry(wire, { employeeInternalId: employeeId });
          // A dropped entry could cause a duplicate punch downstream: fail the read instead.
          if (!entry) return { ok: false, message: `entry ${String(wire.id)} has no time` };
          entries.push(entry);
        }
        return { ok: true, value: entries };
      },
      (entry) => String(entry.id),
      signal,
    );
  }

  /**
   * Several employees' days, from every source (app, kiosk, AUTO_CLOSE, ours).
   * `GET /time-tracking/day-summaries` first: many employees per request, in groups small enough
   * that Humand's silent cap (500 items, `totalPages` still 1) cannot hide a day — a group that
   * comes back at the cap is split and read again. When that endpoint is refused (400/404: some
   * tenants refuse one read path or the other) it is not asked again for an hour, and the days are
   * read with one `listEntries` per employee instead. Rate-limit, auth and transient failures are
   * returned as they are. Each request counts against the caller's rate budget: one per group
   * (⌈employees / min(200, ⌊450 / days⌋)⌉), or one per employee and page on the fallback.
   */
  async readDays(employeeIds: readonly string[], startDate: string, endDate: string, signal?: AbortSignal): Promise<HumandResult<HumandDay[]>> {
    const ids = [...new Set(employeeIds.map((id) => id.trim()).filter((id) => id !== ''))];
    if (ids.length === 0) return localRejection('no employeeIds');
    if (!DATE_ONLY.test(startDate) || !DATE_ONLY.test(endDate) || startDate > endDate) {
      return localRejection(`startDate/endDate must be YYYY-MM-DD with startDate <= endDate (got ${startDate}..${endDate})`);
    }
    if (this.#clock.now() >= this.#summariesRefusedUntilMs) {
      const bulk = await this.#readDaySummaries(ids, startDate, endDate, signal);
      if (bulk.ok) this.#summariesAnswered = true;
      if (bulk.ok || !isRefusedReadPath(bulk.failure)) return bulk;
      this.#summariesAnswered = false;
      this.#summariesRefusedUntilMs = this.#clock.now() + READ_PATH_RETRY_MS;
      this.#logger.info(
        { status: bulk.failure.status, message: bulk.failure.message },
        'Humand refused day summaries; reading entries per employee instead (for the next hour)',
      );
    }
    const entries: TimeTrackingEntry[] = [];
    let last: HumandResult<TimeTrackingEntry[]> | null = null;
    for (const id of ids) {
      last = await this.listEntries(id, startDate, endDate, signal);
      if (!last.ok) return last;
      entries.push(...last.value);
    }
    return { ok: true, value: groupEntriesByDay(entries), status: last?.ok === true ? last.status : 200, rateLimit: last?.rateLimit ?? null };
  }

  /**
   * How many employees one request reads over `days` dates: one group that fits one page (the
   * 500-item page most tenants allow, 50 where a tenant refuses it), or 1 where day summaries
   * are refused and entries are read per employee.
   */
  employeesPerDaysRead(days: number): number {
    // Until a day-summaries read has worked, a refusal would turn a group into one read per employee.
    if (!this.#summariesAnswered || this.#clock.now() < this.#summariesRefusedUntilMs) return 1;
    const perPage = Math.min(this.#summaryMaxItems, this.#summaryPageSize - 1);
    return Math.max(1, Math.min(this.#summaryMaxEmployees, Math.floor(perPage / Math.max(1, days))));
  }

  async #readDaySummaries(ids: readonly string[], startDate: string, endDate: string, signal: AbortSignal | undefined): Promise<HumandResult<HumandDay[]>> {
    const days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
    const groupSize = Math.max(1, Math.min(this.#summaryMaxEmployees, Math.floor(this.#summaryMaxItems / days)));
    const pending: string[][] = [];
    for (let i = 0; i < ids.length; i += groupSize) pending.push(ids.slice(i, i + groupSize));
    const entries: TimeTrackingEntry[] = [];
    let status = 200;
    let rateLimit: RateLimitInfo | null = null;
    for (let group = pending.shift(); group !== undefined; group = pending.shift()) {
      const read = await this.#readSummaryGroup(group, startDate, endDate, signal);
      if (!read.ok) return read;
      status = read.status;
      rateLimit = read.rateLimit ?? rateLimit;
      if (read.value.length >= DAY_SUMMARIES_CAP) {
        // At the cap: days may be missing with nothing saying so. Read the group again in halves.
        if (group.length === 1) {
          return {
            ok: false,
            failure: {
              kind: 'transient',
              status: read.status,
              message: `Humand day summaries for one employee reached the ${DAY_SUMMARIES_CAP}-item cap (${startDate}..${endDate}): read a shorter range`,
            },
            rateLimit,
          };
        }
        const half = Math.ceil(group.length / 2);
        pending.unshift(group.slice(0, half), group.slice(half));
        continue;
      }
      for (const summary of read.value) entries.push(...summary.entries);
    }
    return { ok: true, value: groupEntriesByDay(entries), status, rateLimit };
  }

  /** One group's day summaries (each as its entries): one page of up to 500, or pages of 50 where a tenant refuses big pages. */
  async #readSummaryGroup(
    ids: readonly string[],
    startDate: string,
    endDate: string,
    signal: AbortSignal | undefined,
  ): Promise<HumandResult<DaySummaryEntries[]>> {
    const exchangeFor = (page: number, limit: number): Exchange => ({
      method: 'GET',
      pathAndQuery: `/time-tracking/day-summaries?${new URLSearchParams({ employeeIds: ids.join(','), startDate, endDate, page: String(page), limit: String(limit) }).toString()}`,
      label: '/time-tracking/day-summaries',
    });
    if (this.#summaryPageSize > HUMAND_MAX_PAGE_SIZE) {
      const big = await this.#wire.exchange(exchangeFor(1, this.#summaryPageSize), signal, parseDaySummaries);
      if (big.ok || big.failure.kind !== 'bad-request') return big;
      this.#summaryPageSize = HUMAND_MAX_PAGE_SIZE;
      const small = await this.#wire.readAllPages((page) => exchangeFor(page, HUMAND_MAX_PAGE_SIZE), parseDaySummaries, summaryIdentity, signal);
      // Refused at any page size: the path is refused, not the size (asked again at 500 next time).
      if (!small.ok && isRefusedReadPath(small.failure)) this.#summaryPageSize = DAY_SUMMARIES_CAP;
      else this.#logger.info({ status: big.failure.status }, 'Humand refused day-summaries pages of 500; reading pages of 50');
      return small;
    }
    return this.#wire.readAllPages((page) => exchangeFor(page, HUMAND_MAX_PAGE_SIZE), parseDaySummaries, summaryIdentity, signal);
  }

  /** Every user (all statuses: there is no status filter), pages of 50 until a short page. */
  async listUsers(signal?: AbortSignal): Promise<HumandResult<HumandUser[]>> {
    return this.#wire.readAllPages(
      (page) => ({ method: 'GET', pathAndQuery: `/users?page=${page}&limit=${this.#pageSize}`, label: '/users' }),
      (json) => {
        const parsed = usersPageSchema.safeParse(json);
        if (!parsed.success) return { ok: false, message: `unexpected users page: ${issuePaths(parsed.error)}` };
        const users: HumandUser[] = [];
        const skipped: string[] = [];
        parsed.data.users.forEach((raw, index) => {
          const user = userSchema.safeParse(raw);
          if (user.success) users.push(toDomainUser(user.data));
          else skipped.push(`#${index}: ${issuePaths(user.error)}`);
        });
        if (skipped.length > 0) {
          this.#logger.warn({ skipped }, 'Humand returned user records we cannot read; they are left out of the directory');
        }
        // Paging is decided on what Humand sent, not on what we could read.
        return { ok: true, value: users, pageLength: parsed.data.users.length };
      },
      (user) => String(user.id),
      signal,
    );
  }

  /** GET /users/{employeeInternalId}; an unknown employee is a `not-found` failure. */
  async getUser(employeeInternalId: string, signal?: AbortSignal): Promise<HumandResult<HumandUser>> {
    const id = employeeInternalId.trim();
    if (id === '') return localRejection('employeeInternalId is empty');
    return this.#wire.exchange({ method: 'GET', pathAndQuery: `/users/${encodeURIComponent(id)}`, label: '/users/:employeeInternalId' }, signal, (json) => {
      const parsed = userSchema.safeParse(json);
      return parsed.success ? { ok: true, value: toDomainUser(parsed.data) } : { ok: false, message: `unexpected user shape: ${issuePaths(parsed.error)}` };
    });
  }

  /** One cheap authenticated read (`GET /users?limit=10`) that tells `doctor` whether Humand can be used. */
  async probe(signal?: AbortSignal): Promise<HumandProbeResult> {
    const started = this.#clock.now();
    const result = await this.#wire.exchange({ method: 'GET', pathAndQuery: '/users?page=1&limit=10', label: '/users' }, signal, (json) => {
      const parsed = usersPageSchema.safeParse(json);
      return parsed.success ? { ok: true, value: parsed.data.users.length } : { ok: false, message: 'unexpected users page' };
    });
    const elapsedMs = Math.max(0, this.#clock.now() - started);
    if (result.ok) {
      return { status: 'ok', httpStatus: result.status, message: `Humand answered (${this.baseUrl})`, hint: null, rateLimit: result.rateLimit, elapsedMs };
    }
    return { ...describeProbeFailure(result.failure, this.baseUrl), rateLimit: result.rateLimit, elapsedMs };
  }

  async close(): Promise<void> {
    await this.#wire.close();
  }
}
