import { performance } from 'node:perf_hooks';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from '../logging/logger.js';
import { createIpAllowlist, type IpAllowlist } from './ip-allowlist.js';
import type { PushIngest, RejectedInputRecorder } from './ports.js';
import { readPushNotification } from './push-batch.js';
import { createTokenCheck } from './token-check.js';

export const DEFAULT_WEBHOOK_HOST = '127.0.0.1';
export const DEFAULT_WEBHOOK_PATH = '/hik/events';
/** A busy HikCentral batch is a few KB; 1 MiB leaves room without inviting abuse. */
export const DEFAULT_WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;
/** A client must have sent its headers within this (docs/push.md). */
export const DEFAULT_WEBHOOK_HEADERS_TIMEOUT_MS = 10_000;
/** …and its whole request (headers and body) within this. */
export const DEFAULT_WEBHOOK_REQUEST_TIMEOUT_MS = 30_000;
/**
 * Node checks the two deadlines above only every `connectionsCheckingInterval` (30 s by
 * default, so a slow client was cut after up to 60–90 s); checked every second, a cut comes
 * at most a second late.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export interface WebhookServerOptions {
  /** Bind address. Loopback unless set: exposing the receiver is a deliberate choice. */
  readonly host?: string;
  /** 0 = an ephemeral port (tests). */
  readonly port: number;
  readonly path?: string;
  /** The subscription's token; HikCentral sends it back in the `token` header of every push. */
  readonly token: string;
  /** Addresses / CIDR ranges allowed to push (the HikCentral server). Empty or absent = any. */
  readonly allowedIps?: readonly string[];
  /**
   * Behind a reverse proxy, take the client address from X-Forwarded-For. Off by default:
   * trusting it without a proxy would let anyone choose their own address.
   * Same values as fastify's `trustProxy`: true, or the proxy's addresses / CIDRs.
   */
  readonly trustProxy?: boolean | string | readonly string[];
  readonly bodyLimitBytes?: number;
  /** Deadlines for a client's headers and whole request; defaults 10 s and 30 s (tests shorten them). */
  readonly timeouts?: { readonly headersMs: number; readonly requestMs: number };
  /** Serve HTTPS with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string };
  readonly logger: Logger;
  readonly ingest: PushIngest;
  /** Called after the answer went out when new punches were committed (wakes the deliverer). */
  readonly onIngested?: () => void;
  readonly recordRejectedInput?: RejectedInputRecorder;
  /** Told about every answered request (for metrics: a run of 401s means HikCentral's token and ours differ). */
  readonly onRequest?: (outcome: WebhookRequestOutcome) => void;
}

export interface WebhookRequestOutcome {
  readonly status: number;
  /** `ok`, or why it was refused: `unauthorised`, `forbidden`, `too-large`, `unsupported-type`, `malformed`, `not-found`, `store-unavailable`, `internal`. */
  readonly result: string;
  /** Events in an accepted or store-refused batch (0 otherwise). */
  readonly events: number;
  readonly inserted: number;
  readonly duplicates: number;
  readonly rejected: number;
}

export interface WebhookServer {
  /** Where the receiver listens, e.g. http://127.0.0.1:41234/hik/events */
  readonly url: string;
  /** Stops accepting; lets requests in flight finish (their commits included). */
  close(): Promise<void>;
}

interface PlatformAnswer {
  readonly code: string;
  readonly msg: string;
}

const OK: PlatformAnswer = { code: '0', msg: 'Success' };

const RESULT_BY_STATUS: Readonly<Record<number, string>> = {
  200: 'ok',
  400: 'malformed',
  401: 'unauthorised',
  403: 'forbidden',
  404: 'not-found',
  413: 'too-large',
  415: 'unsupported-type',
  503: 'store-unavailable',
};

function refuse(reply: FastifyReply, status: number, msg: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ code: String(status), msg } satisfies PlatformAnswer);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}

function reasonForParserError(error: FastifyError): { status: number; msg: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, msg: 'body too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, msg: 'content-type must be application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, msg: 'empty body' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, msg: 'content-length does not match the body' };
    default:
      break;
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return { status: 400, msg: 'malformed JSON' };
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return { status, msg: 'bad request' };
  return null;
}

function trustProxyOption(value: WebhookServerOptions['trustProxy']): boolean | string | string[] {
  if (value === undefined) return false;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  return [...value];
}

function listenUrl(app: FastifyInstance, scheme: 'http' | 'https', path: string): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('webhook server is not listening on a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${scheme}://${host}:${address.port}${path}`;
}

/**
 * The receiver HikCentral pushes `OnEventNotify` batches to. A batch is answered 200 only
 * after its events are committed to the ledger; anything that cannot be committed is answered
 * 503 so the platform sends it again. Decisions and delivery happen after the answer.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const path = options.path ?? DEFAULT_WEBHOOK_PATH;
  if (!path.startsWith('/')) throw new Error(`webhook path must start with "/": ${path}`);
  if (options.token.length === 0) throw new Error('webhook token must not be empty');
  const logger = options.logger.child({ component: 'webhook' });
  const tokenMatches = createTokenCheck(options.token);
  const allowlist: IpAllowlist | null = options.allowedIps && options.allowedIps.length > 0 ? createIpAllowlist(options.allowedIps) : null;
  const { ingest, onIngested, recordRejectedInput, onRequest } = options;
  // Rejected inputs are recorded one batch at a time across requests: a recorder that reads, appends
  // and writes back (the App's unreadable-input list does) would otherwise lose entries under concurrency.
  let rejectedChain: Promise<void> = Promise.resolve();
  const recordRejected = (inputs: readonly { raw: unknown; reason: string }[]): Promise<void> => {
    if (!recordRejectedInput) return Promise.resolve();
    const next = rejectedChain.then(() => recordRejectedInput(inputs));
    rejectedChain = next.catch(() => undefined);
    return next;
  };
  const batchCounts = new WeakMap<FastifyRequest, Omit<WebhookRequestOutcome, 'status' | 'result'>>();
  const timeouts = options.timeouts ?? { headersMs: DEFAULT_WEBHOOK_HEADERS_TIMEOUT_MS, requestMs: DEFAULT_WEBHOOK_REQUEST_TIMEOUT_MS };
  const serverTimeouts = {
    headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, Math.max(50, Math.floor(timeouts.headersMs / 2))),
  };

  const common = {
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_WEBHOOK_BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(options.trustProxy),
    // A client that trickles its headers or body must not hold a connection (and a commit slot) for ever.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: 60_000,
    keepAliveTimeout: 65_000,
    return503OnClosing: true,
    onProtoPoisoning: 'error' as const,
    onConstructorPoisoning: 'error' as const,
  };
  // The HTTPS and HTTP instances differ only in their raw server type, which nothing below touches.
  const app = (options.tls
    ? Fastify({ ...common, https: { key: options.tls.key, cert: options.tls.cert, ...serverTimeouts } })
    : Fastify({ ...common, http: serverTimeouts })) as unknown as FastifyInstance;

  // Only JSON is an OnEventNotify body; anything else is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');

  // Authorise before the body is read: an unauthorised sender never gets a parser.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (allowlist !== null && !allowlist.allows(request.ip)) {
      logger.warn({ remoteAddress: request.ip, url: request.url }, 'webhook request from an address outside WEBHOOK_ALLOWED_IPS refused');
      return refuse(reply, 403, 'source address not allowed');
    }
    if (!tokenMatches(headerValue(request.headers.token))) {
      const missing = request.headers.token === undefined;
      logger.warn(
        { remoteAddress: request.ip, url: request.url, tokenPresent: !missing },
        missing ? 'webhook request without token refused' : 'webhook request with a wrong token refused',
      );
      return refuse(reply, 401, missing ? 'missing token' : 'wrong token');
    }
    return undefined;
  });

  if (onRequest) {
    app.addHook('onResponse', async (request, reply) => {
      const counts = batchCounts.get(request) ?? { events: 0, inserted: 0, duplicates: 0, rejected: 0 };
      try {
        onRequest({ status: reply.statusCode, result: RESULT_BY_STATUS[reply.statusCode] ?? (reply.statusCode >= 500 ? 'internal' : 'refused'), ...counts });
      } catch (error) {
        logger.error({ err: error }, 'webhook outcome listener failed');
      }
    });
  }

  app.setNotFoundHandler((_request, reply) => refuse(reply, 404, 'not found'));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = reasonForParserError(error);
    if (known !== null) {
      logger.warn({ remoteAddress: request.ip, status: known.status, reason: known.msg, code: error.code }, 'webhook request refused');
      return refuse(reply, known.status, known.msg);
    }
    logger.error({ err: error, remoteAddress: request.ip }, 'webhook request failed unexpectedly; answering 500 so the platform re-sends');
    return refuse(reply, 500, 'internal error');
  });

  app.post(path, async (request, reply) => {
    const started = performance.now();
    const batch = readPushNotification(request.body);
    if (!batch.ok) {
      logger.warn({ remoteAddress: request.ip, reason: batch.reason }, 'webhook body is not an OnEventNotify batch; refused');
      return refuse(reply, 400, batch.reason);
    }
    let inserted = 0;
    let duplicates = 0;
    let refused = 0;
    const events = batch.events.length + batch.rejected.length;
    batchCounts.set(request, { events, inserted: 0, duplicates: 0, rejected: 0 });
    try {
      if (batch.events.length > 0) ({ inserted, duplicates, refused = 0 } = await ingest(batch.events, 'push'));
      // One grouped record (and log line) per batch, however many of its events were unreadable.
      if (batch.rejected.length > 0) await recordRejected(batch.rejected);
    } catch (error) {
      logger.error(
        { err: error, events: batch.events.length, rejected: batch.rejected.length },
        'could not commit pushed events to the ledger; answering 503 so the platform re-sends',
      );
      return refuse(reply, 503, 'store unavailable, send again later');
    }
    const rejected = batch.rejected.length + refused;
    batchCounts.set(request, { events, inserted, duplicates, rejected });
    void reply.code(200).send(OK);
    logger.info({ received: events, inserted, duplicates, rejected, ms: Math.round((performance.now() - started) * 10) / 10 }, 'push batch committed');
    if (inserted > 0 && onIngested) {
      setImmediate(() => {
        try {
          onIngested();
        } catch (error) {
          logger.error({ err: error }, 'waking the deliverer after a push failed');
        }
      });
    }
    return reply;
  });

  await app.listen({ host: options.host ?? DEFAULT_WEBHOOK_HOST, port: options.port });
  const url = listenUrl(app, options.tls ? 'https' : 'http', path);
  logger.info({ url, allowlist: allowlist?.rules ?? null, trustProxy: common.trustProxy !== false }, 'webhook receiver listening');
  let closing: Promise<void> | null = null;
  return {
    url,
    close() {
      closing ??= app.close().then(() => undefined);
      return closing;
    },
  };
}
