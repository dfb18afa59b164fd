import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/ports.js';
import { accessDenied, errorBody, invalidCredentials, notFound, rateLimitExceeded, unexpectedError } from './error-bodies.js';
import type { HumandFaults } from './faults.js';
import { createHandlers, INVALID_JSON, type SimHandler } from './handlers.js';
import { FixedWindowRateLimiter } from './rate-limiter.js';
import type { HumandSimState } from './state.js';
import type { SimRejectionWording, SimRequestRecord } from './types.js';

export const SIM_API_PREFIX = '/public/api/v1';

export interface SimServerOptions {
  readonly apiKey: string;
  readonly host: string;
  readonly port: number;
  readonly rateLimit: { readonly limit: number; readonly windowMs: number };
  readonly rejectionStatus: 400 | 422;
  readonly rejectionWording: SimRejectionWording;
  readonly daySummariesMaxLimit: number | undefined;
  readonly clock: Clock;
  readonly logger: Logger | undefined;
  readonly state: HumandSimState;
  readonly faults: HumandFaults;
}

export interface RunningSimServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The HTTP face of the simulator. Every request goes through {@link serve}, in this order:
 * reset fault → rate limit (headers on every answer from here on) → slow fault → key check →
 * forbidden switch → 5xx fault → handler → lose-answer fault.
 */
export async function startSimServer(options: SimServerOptions): Promise<RunningSimServer> {
  const { state, faults, clock } = options;
  const limiter = new FixedWindowRateLimiter(options.rateLimit.limit, options.rateLimit.windowMs, clock);
  const handlers = createHandlers(state, {
    rejectionStatus: options.rejectionStatus,
    rejectionWording: options.rejectionWording,
    ...(options.daySummariesMaxLimit === undefined ? {} : { daySummariesMaxLimit: options.daySummariesMaxLimit }),
  });
  const pendingDelays = new Set<() => void>();
  let closing = false;

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger.child({ component: 'humand-sim' }) } : { logger: false }),
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
    bodyLimit: 1024 * 1024,
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(null, INVALID_JSON);
    }
  });

  const delay = (ms: number): Promise<'elapsed' | 'closed'> =>
    new Promise((resolve) => {
      const finish = (result: 'elapsed' | 'closed') => {
        clearTimeout(timer);
        pendingDelays.delete(cancel);
        resolve(result);
      };
      const cancel = () => finish('closed');
      const timer = setTimeout(() => finish('elapsed'), ms);
      pendingDelays.add(cancel);
    });

  const ALLOWED_IPS_PATH = '/api-keys/allowed-ips';
  const expectedKey = options.apiKey;
  const isAuthorised = (header: string | undefined): boolean => {
    const match = /^basic\s+(.+)$/i.exec(header?.trim() ?? '');
    return match?.[1]?.trim() === expectedKey;
  };

  const drop = (request: FastifyRequest, reply: FastifyReply, record: SimRequestRecord, outcome: SimRequestRecord['outcome']) => {
    record.outcome = outcome;
    reply.hijack();
    request.raw.socket.destroy();
    return reply;
  };

  async function serve(request: FastifyRequest, reply: FastifyReply, handler: SimHandler | null): Promise<FastifyReply> {
    const query = firstValues(request.query);
    const record = state.recordRequest({
      at: clock.now(),
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      query,
      body: request.body === INVALID_JSON ? '<invalid JSON>' : request.body,
      status: null,
      outcome: 'answered',
    });
    const answer = (status: number, body: unknown) => {
      record.status = status;
      return reply.code(status).send(body);
    };

    if (faults.takeReset()) return drop(request, reply, record, 'reset');

    const decision = limiter.take(request.headers.authorization ?? '');
    reply.header('RateLimit-Policy', `${decision.limit};w=${decision.windowSeconds}`);
    reply.header('RateLimit', `limit=${decision.limit}, remaining=${decision.remaining}, reset=${decision.resetSeconds}`);
    if (!decision.allowed) {
      reply.header('Retry-After', String(decision.resetSeconds));
      return answer(429, rateLimitExceeded());
    }

    const slowMs = faults.takeSlow();
    if (slowMs > 0 && (await delay(slowMs)) === 'closed') return drop(request, reply, record, 'dropped');
    if (closing) return drop(request, reply, record, 'dropped');

    if (!isAuthorised(request.headers.authorization)) return answer(401, invalidCredentials());
    // The reference lists no 403 for reading the key's own allowlist: it stays readable, which is how a 403 gets explained.
    if (state.forbidden && record.path !== `${SIM_API_PREFIX}${ALLOWED_IPS_PATH}`) return answer(403, accessDenied());
    if (faults.takeFail5xx()) return answer(500, unexpectedError());
    if (record.path.includes('/time-tracking/entries/clock') && faults.failsClockOf(request.body)) return answer(500, unexpectedError());

    const params = (request.params ?? {}) as Record<string, string>;
    const result = handler ? handler({ query, params, body: request.body }) : { status: 404, body: notFound() };
    if (faults.takeLoseAnswer()) {
      record.status = result.status;
      return drop(request, reply, record, 'lost-answer');
    }
    return answer(result.status, result.body);
  }

  const route = (method: 'GET' | 'POST', path: string, handler: SimHandler) =>
    app.route({ method, url: `${SIM_API_PREFIX}${path}`, handler: (request, reply) => serve(request, reply, handler) });

  route('POST', '/time-tracking/entries/clockIn', handlers.clockIn);
  route('POST', '/time-tracking/entries/clockOut', handlers.clockOut);
  route('GET', '/time-tracking/entries', handlers.listEntries);
  route('GET', '/time-tracking/day-summaries', handlers.daySummaries);
  route('GET', '/users', handlers.listUsers);
  route('GET', '/users/:employeeInternalId', handlers.getUser);
  route('GET', ALLOWED_IPS_PATH, () => ({ status: 200, body: { allowedIps: [...state.allowedIps] } }));
  app.setNotFoundHandler((request, reply) => serve(request, reply, null));
  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send(status < 500 ? errorBody('INVALID_DATA', 'The provided data is invalid') : unexpectedError());
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('Humand simulator did not get a TCP address');
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostForUrl}:${address.port}${SIM_API_PREFIX}`,
    close: async () => {
      closing = true;
      for (const cancel of [...pendingDelays]) cancel();
      await app.close();
    },
  };
}

function firstValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (query === null || typeof query !== 'object') return out;
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}
