import type { Logger } from 'pino';
import type { HumandResult, RateLimitInfo } from '../domain/humand.js';
import type { Clock } from '../domain/ports.js';
import { redactText } from '../logging/redact.js';
import { classifyHumandFailure } from './classify-failure.js';
import { parseJson, redactFailure, type Parsed } from './parse-helpers.js';
import { parseRateLimitHeaders, parseRetryAfterMs } from './rate-limit-headers.js';
import type { HumandTransport } from './transport.js';

export interface Exchange {
  readonly method: 'GET' | 'POST';
  readonly pathAndQuery: string;
  /** Route template for logs: never carries employee ids or dates. */
  readonly label: string;
  readonly body?: unknown;
}

export interface ExchangerOptions {
  readonly transport: HumandTransport;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly pageSize: number;
  readonly maxPages: number;
  readonly pagingWaitMaxMs: number;
}

/**
 * One request to Humand turned into a {@link HumandResult} (classified failure, rate-limit
 * headers read, secrets redacted), and paged listings read to their end.
 */
export class HumandExchanger {
  readonly #transport: HumandTransport;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #pageSize: number;
  readonly #maxPages: number;
  readonly #pagingWaitMaxMs: number;

  constructor(options: ExchangerOptions) {
    this.#transport = options.transport;
    this.#logger = options.logger;
    this.#clock = options.clock;
    this.#pageSize = options.pageSize;
    this.#maxPages = options.maxPages;
    this.#pagingWaitMaxMs = options.pagingWaitMaxMs;
  }

  async exchange<T>(exchange: Exchange, signal: AbortSignal | undefined, parse: (json: unknown) => Parsed<T>): Promise<HumandResult<T>> {
    const outcome = await this.#transport.send(exchange.method, exchange.pathAndQuery, exchange.body, signal);
    const observedAt = this.#clock.now();
    if (outcome.kind === 'no-answer') {
      this.#logger.warn({ method: exchange.method, route: exchange.label, reason: outcome.failure.reason, ms: outcome.elapsedMs }, 'Humand call got no answer');
      return { ok: false, failure: { kind: 'transient', status: null, message: redactText(outcome.failure.message) }, rateLimit: null };
    }
    const rateLimit = parseRateLimitHeaders(outcome.headers, observedAt);
    const json = parseJson(outcome.text);
    const logFields = {
      method: exchange.method,
      route: exchange.label,
      status: outcome.status,
      ms: outcome.elapsedMs,
      remaining: rateLimit?.remaining ?? null,
    };

    if (outcome.status >= 200 && outcome.status < 300) {
      const parsed: Parsed<T> = json === undefined ? { ok: false, message: 'body is not JSON' } : parse(json);
      if (parsed.ok) {
        this.#logger.debug(logFields, 'Humand call succeeded');
        return { ok: true, value: parsed.value, status: outcome.status, rateLimit };
      }
      // The request may well have been processed (a 201 whose body we cannot read): transient, so the caller reconciles.
      this.#logger.warn({ ...logFields, problem: parsed.message }, 'Humand answered success with a body we cannot read');
      return {
        ok: false,
        failure: { kind: 'transient', status: outcome.status, message: `Humand answered ${outcome.status} with an unreadable body: ${parsed.message}` },
        rateLimit,
      };
    }

    const failure = classifyHumandFailure({
      status: outcome.status,
      json: json ?? null,
      text: outcome.text,
      retryAfterMs: parseRetryAfterMs(outcome.headers['retry-after'], Date.now()),
      rateLimit,
    });
    this.#logger.debug({ ...logFields, kind: failure.kind, code: 'code' in failure ? failure.code : null }, 'Humand call failed');
    return { ok: false, failure: redactFailure(failure), rateLimit };
  }

  /**
   * Pages 1, 2, … until a page comes back shorter than the page size. Humand's `totalPages`
   * and `count` are not trusted (production has reported totalPages=1 and count=page size).
   */
  async readAllPages<T>(
    exchangeFor: (page: number) => Exchange,
    parse: (json: unknown) => Parsed<T[]> & { readonly pageLength?: number },
    identity: (item: T) => string,
    signal: AbortSignal | undefined,
  ): Promise<HumandResult<T[]>> {
    const all: T[] = [];
    let previousPageKey: string | null = null;
    let waitedMs = 0;
    let lastRateLimit: RateLimitInfo | null = null;
    let lastStatus = 200;
    for (let page = 1; page <= this.#maxPages;) {
      let pageLength = 0;
      const result = await this.exchange(exchangeFor(page), signal, (json) => {
        const parsed = parse(json);
        if (parsed.ok) pageLength = parsed.pageLength ?? parsed.value.length;
        return parsed;
      });
      lastRateLimit = result.rateLimit ?? lastRateLimit;
      if (!result.ok) {
        const failure = result.failure;
        if (failure.kind === 'rate-limited' && waitedMs + failure.retryAfterMs <= this.#pagingWaitMaxMs && signal?.aborted !== true) {
          this.#logger.info({ page, retryAfterMs: failure.retryAfterMs }, 'Humand rate limit reached mid-listing; waiting, then continuing with the same page');
          waitedMs += failure.retryAfterMs;
          try {
            await this.#clock.sleep(failure.retryAfterMs, signal);
          } catch {
            return result;
          }
          continue;
        }
        return result;
      }
      const pageKey = result.value.map(identity).join(',');
      if (pageLength > 0 && pageKey === previousPageKey) {
        return {
          ok: false,
          failure: { kind: 'transient', status: result.status, message: `Humand returned page ${page} identical to page ${page - 1}: paging is being ignored` },
          rateLimit: lastRateLimit,
        };
      }
      previousPageKey = pageKey;
      all.push(...result.value);
      lastStatus = result.status;
      if (pageLength < this.#pageSize) return { ok: true, value: all, status: lastStatus, rateLimit: lastRateLimit };
      page += 1;
    }
    return {
      ok: false,
      failure: { kind: 'transient', status: null, message: `Humand listing did not end after ${this.#maxPages} full pages` },
      rateLimit: lastRateLimit,
    };
  }

  close(): Promise<void> {
    return this.#transport.close();
  }
}
