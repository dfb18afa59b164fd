import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConfigurationError, isAppError } from '../domain/errors.js';
import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import { PUNCH_OUTCOMES, type PunchOutcome } from '../store/punch.js';
import { basicUser, isLoopbackHost, roleOf, type AdminAuth, type BasicLogin, type DashboardRole } from './auth.js';
import { createHostAllowlist } from './host-allowlist.js';
import { loadDashboardAssets, preferredLanguage } from './dashboard-assets.js';
import type { OpsDataSource } from './data-source.js';
import type { OpsMetrics } from './metrics.js';
import { checkReadiness } from './readiness.js';
import { punchDetail, searchPunches } from './views/explorer.js';
import { buildOverview } from './views/overview.js';
import { buildProblems } from './views/problems.js';
import { buildCoverage } from './views/coverage.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { registerDecisionRoutes } from './decision-routes.js';

export interface AlertStatusSource {
  status(): readonly { readonly kind: string; readonly firing: boolean }[];
  /** Re-evaluate right away (after a re-drive, say). */
  evaluate?(): Promise<void>;
}

export interface AdminServerOptions {
  /** Default 127.0.0.1. Any other address needs `auth`. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly auth?: AdminAuth | null;
  /** A read-only HR login beside the admin one: every page, no action (403). Needs `auth`. */
  readonly hrAuth?: BasicLogin | null;
  readonly data: OpsDataSource;
  readonly metrics: OpsMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly alerts?: AlertStatusSource;
  /** /readyz fails when the last successful poll is older than this. Default 5 minutes. */
  readonly maxPollAgeMs?: number;
  /** Host names the server answers to besides loopback names and IP addresses (DASHBOARD_PUBLIC_URL's host, ADMIN_ALLOWED_HOSTS). */
  readonly allowedHosts?: readonly string[];
}

export interface AdminServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Probes stay open (orchestrators cannot log in); everything else needs credentials when configured. */
const OPEN_PATHS = new Set(['/healthz', '/readyz']);

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const READ_ONLY_REFUSAL = 'The HR login is read-only: re-drive, reprocess and "fixed in Humand" need the admin login (DASHBOARD_USER).';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const punchSearchSchema = z.object({
  employee: z.string().max(200).optional(),
  date: z.preprocess((v) => (v === '' ? undefined : v), dateSchema.optional()),
  door: z.string().max(200).optional(),
  outcome: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PUNCH_OUTCOMES as [PunchOutcome, ...PunchOutcome[]]).optional()),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  from: z.preprocess((v) => (v === '' ? undefined : v), dateSchema.optional()),
  to: z.preprocess((v) => (v === '' ? undefined : v), dateSchema.optional()),
  timeClocksOnly: z.preprocess((v) => (v === '' || v === undefined ? undefined : v === '1' || v === 'true'), z.boolean().optional()),
  offset: z.coerce.number().int().min(0).optional(),
});
const redriveSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

function badInput(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const issue = error.issues[0];
  return reply.code(400).send({ error: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}` });
}

/**
 * The admin HTTP server: /healthz, /readyz, /metrics, the dashboard page and its JSON API
 * under /api. Separate from the webhook receiver, which faces HikCentral.
 */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const host = options.host ?? '127.0.0.1';
  const auth = options.auth ?? null;
  if (!auth && !isLoopbackHost(host)) {
    throw new ConfigurationError(`the admin server would listen on ${host} without credentials`, {
      code: 'ADMIN_AUTH_REQUIRED',
      hint: 'set DASHBOARD_PASSWORD (with DASHBOARD_USER) or DASHBOARD_TOKEN, or bind ADMIN_HOST to 127.0.0.1',
    });
  }
  const hrAuth = options.hrAuth ?? null;
  if (hrAuth !== null && auth === null)
    throw new ConfigurationError('a read-only HR login without an admin login protects nothing', {
      code: 'ADMIN_HR_WITHOUT_ADMIN',
      hint: 'set DASHBOARD_PASSWORD or DASHBOARD_TOKEN as well',
    });
  if (auth) registerSecret('token' in auth ? auth.token : auth.password);
  if (hrAuth) registerSecret(hrAuth.password);
  const roles = new WeakMap<FastifyRequest, DashboardRole>();
  const { data, metrics, logger, clock } = options;
  const maxPollAgeMs = options.maxPollAgeMs ?? 300_000;
  const assets = await loadDashboardAssets();
  const unsubscribe = data.subscribe?.((event) => metrics.record(event));

  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  const hosts = createHostAllowlist(options.allowedHosts ?? []);

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    const path = request.url.split('?')[0] ?? '';
    // Before anything else (DNS rebinding): a page of another site reaches us only under its own name.
    // Probes stay open to any name: orchestrators address them by service names, and they reveal nothing.
    if (!OPEN_PATHS.has(path) && !hosts.allowsHost(request.headers.host)) {
      logger.warn(
        { path, ip: request.ip, host: request.headers.host?.slice(0, 100) },
        'admin request refused: Host is not a loopback name, an IP address or an allowed name (ADMIN_ALLOWED_HOSTS, DASHBOARD_PUBLIC_URL)',
      );
      return reply.code(421).send({ error: 'unknown host name; add it to ADMIN_ALLOWED_HOSTS' });
    }
    if (OPEN_PATHS.has(path)) return;
    const role = roleOf(auth, hrAuth, request.headers.authorization);
    if (role === null) {
      logger.info({ path, ip: request.ip }, 'admin request refused: missing or wrong credentials');
      return reply.code(401).header('www-authenticate', 'Basic realm="hik2humand", charset="UTF-8"').send({ error: 'credentials required' });
    }
    roles.set(request, role);
    // The HR login reads every page; anything that changes something is the admin's.
    if (role === 'hr' && request.method !== 'GET' && request.method !== 'HEAD') {
      logger.info({ path, method: request.method, ip: request.ip }, 'admin request refused: the HR login is read-only');
      return reply.code(403).send({ error: READ_ONLY_REFUSAL, role });
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const path = request.url.split('?')[0];
    if (isAppError(error)) {
      logger.warn({ err: error, path }, 'admin request failed');
      const status = error.category === 'bad-input' ? 400 : 503;
      return reply.code(status).send({ error: error.message, hint: error.hint ?? null });
    }
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    if (status >= 500) logger.error({ err: error, path }, 'admin request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal error (see the service log)' : (error as Error).message });
  });

  // The page asks who it is talking to, to hide the actions from the HR login.
  app.get('/api/me', async (request, reply) => {
    const role = roles.get(request) ?? 'admin';
    return reply
      .header('cache-control', 'no-store')
      .send({ role, user: auth === null ? null : basicUser(request.headers.authorization), readOnly: role === 'hr' });
  });

  app.get('/healthz', async () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));

  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(data, clock.now(), { maxPollAgeMs });
    return reply
      .code(readiness.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(readiness);
  });

  app.get('/metrics', async (_request, reply) => {
    try {
      metrics.observe(await data.status(), clock.now());
    } catch (error) {
      // Counters are still worth serving; the gauges keep their last values.
      logger.warn({ err: error }, 'metrics: status unreadable');
    }
    return reply
      .header('content-type', metrics.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.render());
  });

  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const lang = preferredLanguage(request.headers['accept-language']);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(assets.page.replace('{{lang}}', lang));
  };
  app.get('/', sendPage);
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.get('/index.html', sendPage);
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const file = assets.files.get(request.params.name);
    if (!file) return reply.code(404).send({ error: 'no such asset' });
    return reply.header('content-type', file.type).header('cache-control', 'no-cache').send(file.body);
  });

  const alertStatus = () => options.alerts?.status() ?? [];

  app.get('/api/overview', async (_request, reply) => {
    const status = await data.status();
    return reply.header('cache-control', 'no-store').send(await buildOverview(data, status, clock.now(), alertStatus()));
  });

  app.get('/api/punches', async (request, reply) => {
    const parsed = punchSearchSchema.safeParse(request.query);
    if (!parsed.success) return badInput(reply, parsed.error);
    return reply.header('cache-control', 'no-store').send(await searchPunches(data, parsed.data));
  });

  app.get<{ Params: { id: string } }>('/api/punches/:id', async (request, reply) => {
    const id = z.coerce.number().int().positive().safeParse(request.params.id);
    if (!id.success) return badInput(reply, id.error);
    const detail = await punchDetail(data, id.data);
    if (!detail) return reply.code(404).send({ error: `no punch ${id.data}` });
    return reply.header('cache-control', 'no-store').send(detail);
  });

  registerDashboardRoutes(app, data, clock);

  app.get('/api/problems', async (_request, reply) => reply.header('cache-control', 'no-store').send(await buildProblems(data)));

  app.get('/api/coverage', async (_request, reply) => reply.header('cache-control', 'no-store').send(await buildCoverage(data)));

  // A browser holding basic-auth credentials must not be made to post from another site: only
  // JSON from an allowed origin is accepted (a cross-site JSON post needs a preflight we never
  // grant). Compared with the allowlist, not with Host: a rebound name makes both the same.
  const refuseUnsafePost = (request: FastifyRequest, reply: FastifyReply): FastifyReply | null => {
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.allowsOrigin(origin)) return reply.code(403).send({ error: 'cross-origin request refused' });
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return reply.code(415).send({ error: 'send application/json' });
    return null;
  };
  registerDecisionRoutes(app, data, logger, refuseUnsafePost);

  app.post('/api/redrive', async (request, reply) => {
    const refused = refuseUnsafePost(request, reply);
    if (refused !== null) return refused;
    const parsed = redriveSchema.safeParse(request.body);
    if (!parsed.success) return badInput(reply, parsed.error);
    const redriven = await data.redrive(parsed.data);
    logger.info({ selection: 'all' in parsed.data ? 'all' : parsed.data.ids, redriven }, 'dead punches re-driven from the dashboard');
    void options.alerts?.evaluate?.();
    return reply.send({ redriven });
  });

  try {
    await app.listen({ host, port: options.port });
  } catch (error) {
    unsubscribe?.();
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  logger.info({ url, auth: auth ? ('token' in auth ? 'token' : 'basic') : 'none (loopback)', allowedHosts: hosts.names }, 'admin server listening');

  return {
    url,
    async close() {
      unsubscribe?.();
      await app.close();
    },
  };
}
