import type { Server, Socket } from 'node:net';
import { setTimeout as wait } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../../../domain/ports.js';
import { findRoute, type ApiContext } from '../api/router.js';
import { failure, SIM_CODES, type Envelope } from '../codes.js';
import type { FaultSwitchboard } from '../faults.js';
import type { RequestLog } from '../request-log.js';
import type { TlsMaterial } from '../tls.js';
import { authenticate, type AuthSettings } from './authenticate.js';

export interface GatewaySettings {
  readonly transport: 'https' | 'http';
  /** Plain-HTTP listener answering every request with 0x0240103c, as the platform does. */
  readonly refuseAsPlainHttp: boolean;
  readonly tls: TlsMaterial | null;
  readonly host: string;
  readonly port: number;
  readonly faults: FaultSwitchboard;
  readonly requestLog: RequestLog;
  readonly auth: AuthSettings;
  readonly api: ApiContext;
  /** Scenario clock, for request-log timestamps. */
  readonly clock: Clock;
  readonly logger: Logger;
  /** Aborted when the simulator closes: held (slow) answers give up. */
  readonly closing: AbortSignal;
}

export interface RunningGateway {
  readonly port: number;
  close(): Promise<void>;
}

/** Answer a body the client cannot parse (cut in the middle, as a dropped proxy stream would). */
const MALFORMED_BODY = '{"code":"0","msg":"Success","data":{"total":12,"list":[{"eventId":"';

/** One listener of the simulated Artemis gateway: every request is answered HTTP 200 with a code. */
export async function startGateway(settings: GatewaySettings): Promise<RunningGateway> {
  const options = { logger: false, forceCloseConnections: true, bodyLimit: 8 * 1024 * 1024 } as const;
  // The https and http instances differ only in their server type; handle both as one.
  const app = (settings.tls
    ? Fastify({ ...options, https: { key: settings.tls.keyPem, cert: settings.tls.certPem } })
    : Fastify(options)) as unknown as FastifyInstance;

  const sockets = new Set<Socket>();
  const server: Server = app.server;
  server.prependListener('connection', (socket: Socket) => {
    if (settings.faults.refusesConnections()) {
      settings.requestLog.recordRefusedConnection();
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Connections kept alive from before the fault was switched on are cut too.
  const unsubscribe = settings.faults.onRefuseConnections(() => {
    for (const socket of sockets) socket.destroy();
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const handler = (request: FastifyRequest, reply: FastifyReply) => handle(request, reply, settings);
  app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/*', handler });
  app.setNotFoundHandler(handler);

  await app.listen({ host: settings.host, port: settings.port });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  return {
    port,
    close: async () => {
      unsubscribe();
      await app.close();
    },
  };
}

async function handle(request: FastifyRequest, reply: FastifyReply, settings: GatewaySettings): Promise<FastifyReply | undefined> {
  const path = new URL(request.url, 'http://gateway').pathname;
  const method = request.method.toUpperCase();
  const record = (code: string) => settings.requestLog.record({ at: settings.clock.now(), transport: settings.transport, method, path, code });

  if (settings.faults.refusesConnections()) {
    settings.requestLog.recordRefusedConnection();
    request.raw.socket.destroy();
    return reply.hijack();
  }
  const delayMs = settings.faults.delayFor(path);
  if (delayMs > 0 && !(await holdAnswer(delayMs, reply, settings.closing))) {
    request.raw.socket.destroy();
    return reply.hijack();
  }
  if (settings.faults.takeMalformed(path)) {
    record('malformed');
    return reply.code(200).header('content-type', 'application/json;charset=UTF-8').send(MALFORMED_BODY);
  }
  const envelope = answer(request, path, method, settings);
  record(envelope.code);
  settings.logger.debug({ transport: settings.transport, method, path, code: envelope.code }, 'artemis request');
  return reply.code(200).header('content-type', 'application/json;charset=UTF-8').send(JSON.stringify(envelope));
}

function answer(request: FastifyRequest, path: string, method: string, settings: GatewaySettings): Envelope {
  const forced = settings.faults.takeForcedCode(path);
  if (forced) return failure(forced.code, forced.msg);
  if (settings.refuseAsPlainHttp) return failure(SIM_CODES.plainHttpRefused, 'HTTP is not supported: use HTTPS');

  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const headers = lowerCaseHeaders(request.headers);
  const contentType = headers['content-type'] ?? '';
  const isForm = contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
  const form = isForm ? Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) : {};
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(request.url, 'http://gateway').searchParams) if (!(key in query)) query[key] = value;
  const auth = authenticate({ method, path, headers, params: { ...query, ...form } }, settings.auth);
  if (!auth.ok) return auth.envelope;

  const route = findRoute(method, path);
  if (!route) return failure(SIM_CODES.apiNotFound, `No API at ${method} ${path}`);
  let body: unknown = isForm ? form : {};
  if (!isForm && raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return failure(SIM_CODES.parameterInvalid, 'The request body is not valid JSON');
    }
  }
  return route.handle(body, settings.api);
}

/** Waits before answering; false when the client left or the simulator is closing. */
async function holdAnswer(ms: number, reply: FastifyReply, closing: AbortSignal): Promise<boolean> {
  const clientGone = new AbortController();
  const onClose = () => clientGone.abort();
  reply.raw.once('close', onClose);
  try {
    await wait(ms, undefined, { signal: AbortSignal.any([closing, clientGone.signal]) });
    return true;
  } catch {
    return false;
  } finally {
    reply.raw.off('close', onClose);
  }
}

function lowerCaseHeaders(headers: FastifyRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}
