import { Agent, request } from 'undici';
import type { HeaderBag } from './rate-limit-headers.js';
import { describeNetworkFailure, type NetworkFailure } from './network-failure.js';

export interface TransportOptions {
  /** Normalised base URL ending in /public/api/v1 (no trailing slash). */
  readonly baseUrl: string;
  /** Full header value, `Basic <key>`. */
  readonly authorization: string;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly tls?: { readonly ca?: string | Buffer; readonly rejectUnauthorized?: boolean };
}

export type TransportOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly headers: HeaderBag; readonly text: string; readonly elapsedMs: number }
  | { readonly kind: 'no-answer'; readonly failure: NetworkFailure; readonly elapsedMs: number };

/** One keep-alive connection pool to Humand; turns every exchange into an answer or a described network failure. */
export class HumandTransport {
  readonly #options: TransportOptions;
  readonly #agent: Agent;
  readonly #origin: string;

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#origin = new URL(options.baseUrl).origin;
    this.#agent = new Agent({
      connect: {
        timeout: options.connectTimeoutMs,
        ...(options.tls?.ca === undefined ? {} : { ca: options.tls.ca }),
        ...(options.tls?.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: options.tls.rejectUnauthorized }),
      },
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      connections: 8,
    });
  }

  /** @param pathAndQuery relative to the base URL, starting with `/` */
  async send(method: 'GET' | 'POST', pathAndQuery: string, body?: unknown, signal?: AbortSignal): Promise<TransportOutcome> {
    const started = performance.now();
    const deadline = AbortSignal.timeout(this.#options.requestTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      const response = await request(`${this.#options.baseUrl}${pathAndQuery}`, {
        method,
        dispatcher: this.#agent,
        signal: combined,
        headers: {
          authorization: this.#options.authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.body.text();
      return {
        kind: 'answer',
        status: response.statusCode,
        headers: response.headers,
        text,
        elapsedMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      return {
        kind: 'no-answer',
        failure: describeNetworkFailure(error, {
          origin: this.#origin,
          timedOut: deadline.aborted,
          callerAborted: signal?.aborted === true && !deadline.aborted,
        }),
        elapsedMs: Math.round(performance.now() - started),
      };
    }
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}
