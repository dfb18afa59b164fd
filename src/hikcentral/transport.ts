import { RepeatedLine } from '../logging/repeated-line.js';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import { z } from 'zod';
import type { Clock } from '../domain/ports.js';
import { systemClock } from '../domain/clock.js';
import type { Logger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import { errorForArtemisCode, ARTEMIS_CODES } from './artemis-codes.js';
import { HikCentralError, isHikCentralError } from './errors.js';
import { buildStringToSign, createArtemisHeaders } from './signing.js';
import { classifyNetworkError } from './network-errors.js';

export interface ArtemisConnectionOptions {
  /** e.g. `https://hcp.example.local:443` (a path prefix, if any, is kept and signed). */
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  /** Sent (and signed) as the `userId` header when the platform requires one. */
  readonly userId?: string;
  /** PEM text of the CA (or the self-signed certificate) the platform's certificate chains to. */
  readonly caCertPem?: string;
  /** Disables certificate verification. Logged loudly. Never the right answer in production. */
  readonly tlsInsecure?: boolean;
  readonly connectTimeoutMs: number;
  /** Time allowed for the platform to answer (headers) and between body chunks. */
  readonly requestTimeoutMs: number;
  readonly logger: Logger;
  /** Source of `x-ca-timestamp` and of latency measurements. */
  readonly clock?: Clock;
}

export interface ArtemisAnswer<T> {
  readonly data: T;
  /** The HTTP `Date` header, if the platform sent one. */
  readonly serverDate: string | undefined;
  /** Client clock when the request was sent and when the answer was read (epoch ms). */
  readonly sentAt: number;
  readonly receivedAt: number;
}

const envelopeSchema = z.object({
  code: z.union([z.string(), z.number()]).transform((code) => String(code)),
  msg: z.string().nullish(),
  data: z.unknown().optional(),
});

const ACCEPT = 'application/json';
const CONTENT_TYPE = 'application/json;charset=UTF-8';

function looksLikePem(text: string): boolean {
  return /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(text);
}

/**
 * Signs and sends Artemis calls over one keep-alive connection pool, and turns every way a
 * call can fail into a typed HikCentral error. Knows nothing about what the calls mean.
 */
export class ArtemisTransport {
  readonly #options: ArtemisConnectionOptions;
  readonly #origin: string;
  readonly #basePath: string;
  readonly #agent: Agent;
  readonly #clock: Clock;
  readonly #logger: Logger;
  /** The same failure every poll is logged once, then once per 5 minutes with its count. */
  readonly #failures = new RepeatedLine();

  constructor(options: ArtemisConnectionOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger;
    registerSecret(options.appSecret);
    if (options.appKey.trim() === '') {
      throw new HikCentralError('HIK_APP_KEY is empty', {
        reason: 'app-key-missing',
        hint: 'Set HIK_APP_KEY to the app key of the partner app in HikCentral (System > Open API).',
      });
    }
    if (options.appSecret.trim() === '') {
      throw new HikCentralError('HIK_SECRET is empty', {
        reason: 'signature-invalid',
        hint: 'Set HIK_SECRET to the app secret of the partner app in HikCentral (System > Open API).',
      });
    }

    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch (cause) {
      throw new HikCentralError(`HIKVISION_HOST is not a URL`, {
        reason: 'endpoint-not-found',
        hint: 'Set HIKVISION_HOST to the platform address, e.g. https://hcp.example.local:443',
        cause,
      });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new HikCentralError(`HIKVISION_HOST must be an https:// address, got ${url.protocol}`, {
        reason: 'endpoint-not-found',
        hint: 'Set HIKVISION_HOST to the platform address, e.g. https://hcp.example.local:443',
      });
    }
    this.#origin = url.origin;
    this.#basePath = url.pathname.replace(/\/+$/, '');
    if (url.protocol === 'http:') {
      this.#logger.warn(
        { baseUrl: url.origin },
        'HIKVISION_HOST uses plain HTTP: a real HikCentral refuses it (0x0240103c) and the traffic is readable on the network',
      );
    }

    if (options.caCertPem !== undefined && !looksLikePem(options.caCertPem)) {
      throw new HikCentralError('HIK_CA_CERT does not contain a PEM certificate', {
        reason: 'tls-untrusted',
        hint: 'HIK_CA_CERT must point to a PEM file (-----BEGIN CERTIFICATE-----) with the CA or the self-signed certificate of the HikCentral server.',
      });
    }
    const insecure = options.tlsInsecure === true;
    if (insecure) {
      this.#logger.warn(
        { baseUrl: url.origin, tlsInsecure: true },
        'TLS CERTIFICATE VERIFICATION IS DISABLED for HikCentral (HIK_TLS_INSECURE): anyone on the network path can impersonate the platform and read the API secret-signed traffic. Set HIK_CA_CERT to the server certificate instead.',
      );
    }
    this.#agent = new Agent({
      connect: {
        timeout: options.connectTimeoutMs,
        rejectUnauthorized: !insecure,
        // The given CA is trusted in addition to the public roots, so a platform certificate
        // issued by a public CA keeps working when HIK_CA_CERT is set too.
        ...(options.caCertPem !== undefined && !insecure ? { ca: [...rootCertificates, options.caCertPem] } : {}),
      },
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      keepAliveTimeout: 30_000,
      connections: 4,
    });
  }

  /**
   * POSTs a JSON body to an Artemis path and returns `data` validated by `schema`.
   * `expectedCodes`: non-"0" codes the caller handles as a normal answer (still thrown, logged at debug only).
   */
  async post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    signal?: AbortSignal,
    expectedCodes?: ReadonlySet<string>,
  ): Promise<ArtemisAnswer<z.output<S>>> {
    const fullPath = `${this.#basePath}${path}`;
    const sentAt = this.#clock.now();
    const headers = createArtemisHeaders({
      method: 'POST',
      path: fullPath,
      appKey: this.#options.appKey,
      appSecret: this.#options.appSecret,
      accept: ACCEPT,
      contentType: CONTENT_TYPE,
      timestampMs: sentAt,
      ...(this.#options.userId !== undefined && this.#options.userId !== '' ? { userId: this.#options.userId } : {}),
    });
    const ourStringToSign = buildStringToSign({
      method: 'POST',
      path: fullPath,
      headers,
      extraSignedHeaders: headers.userid !== undefined ? ['userid'] : [],
    }).stringToSign;

    const deadline = AbortSignal.timeout(this.#options.connectTimeoutMs + this.#options.requestTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      const response = await request(`${this.#origin}${fullPath}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        dispatcher: this.#agent,
        signal: combined,
      });
      const text = await response.body.text();
      const receivedAt = this.#clock.now();
      const serverDate = typeof response.headers.date === 'string' ? response.headers.date : undefined;
      const data = this.#readEnvelope(path, response.statusCode, text, schema, ourStringToSign);
      this.#logger.debug({ path, status: response.statusCode, ms: receivedAt - sentAt }, 'hikcentral call ok');
      const ended = this.#failures.end();
      if (ended !== null && ended.count > 1)
        this.#logger.info({ path, failedRequests: ended.count, sinceMs: ended.sinceMs }, `HikCentral answers again after ${ended.count} failed requests`);
      return { data, serverDate, sentAt, receivedAt };
    } catch (error) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : error;
      const typed: HikCentralError = isHikCentralError(error)
        ? error
        : classifyNetworkError(error, { path, timedOut: deadline.aborted, baseUrl: this.#origin });
      const expected = typed.artemisCode !== undefined && expectedCodes?.has(typed.artemisCode.toLowerCase()) === true;
      const repeat = expected ? null : this.#failures.note(`${typed.reason}|${path}|${typed.message}`, this.#clock.now());
      this.#logger[expected || repeat?.log === false ? 'debug' : 'warn'](
        {
          path,
          reason: typed.reason,
          category: typed.category,
          artemisCode: typed.artemisCode,
          hint: typed.hint,
          ms: this.#clock.now() - sentAt,
          ...(repeat !== null && repeat.count > 1 ? { repeated: repeat.count, sinceMs: repeat.sinceMs } : {}),
        },
        repeat !== null && repeat.count > 1
          ? `${typed.message} (${repeat.count} times in a row since ${new Date(repeat.sinceMs).toISOString()})`
          : typed.message,
      );
      throw typed;
    }
  }

  #readEnvelope<S extends z.ZodType>(path: string, status: number, text: string, schema: S, ourStringToSign: string): z.output<S> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      if (status !== 200) throw httpStatusError(path, status);
      throw new HikCentralError(`HikCentral answered ${path} with a body that is not JSON`, {
        reason: 'malformed-response',
        path,
        hint: 'The platform (or a proxy in front of it) answered with something other than JSON; this is retried. If it persists, check HIKVISION_HOST points at the HikCentral OpenAPI gateway.',
        cause,
      });
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      if (status !== 200) throw httpStatusError(path, status);
      throw new HikCentralError(`HikCentral answered ${path} without the {code, msg, data} envelope`, {
        reason: 'malformed-response',
        path,
        hint: 'Check HIKVISION_HOST points at the HikCentral OpenAPI gateway (paths start with /artemis).',
      });
    }
    const { code, msg } = envelope.data;
    if (code !== ARTEMIS_CODES.success) {
      throw errorForArtemisCode(code, msg ?? '', { path, appKey: this.#options.appKey, ourStringToSign });
    }
    if (status !== 200) throw httpStatusError(path, status);
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) {
      throw new HikCentralError(`HikCentral answered ${path} with data of an unexpected shape: ${z.prettifyError(data.error).slice(0, 500)}`, {
        reason: 'malformed-response',
        path,
        hint: 'The platform version may answer differently than this client expects; it will be retried. Report the HikCentral version if it persists.',
      });
    }
    return data.data;
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

function httpStatusError(path: string, status: number): HikCentralError {
  if (status === 404) {
    return new HikCentralError(`HikCentral has no ${path} (HTTP 404)`, {
      reason: 'endpoint-not-found',
      path,
      hint: 'Check HIKVISION_HOST (scheme, host, port of the OpenAPI gateway) and that this HikCentral version offers the API.',
    });
  }
  if (status === 401 || status === 403) {
    return new HikCentralError(`HikCentral refused ${path} (HTTP ${status})`, {
      reason: 'http-refused',
      path,
      hint: 'Check HIK_APP_KEY / HIK_SECRET and that the partner app is allowed to call this API.',
    });
  }
  return new HikCentralError(`HikCentral answered ${path} with HTTP ${status}`, {
    reason: 'http-status',
    path,
    hint: 'The platform is failing or overloaded; this is retried.',
  });
}
