import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Logger } from '../logging/logger.js';
import type { OpsDataSource } from './data-source.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const fixedSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000), by: z.string().trim().min(1).max(120).optional() }).strict();
const reprocessSchema = z
  .object({ from: day, to: day, dryRun: z.boolean() })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'to is before from', path: ['to'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 62 * 86_400_000, { message: 'at most 62 days at once', path: ['to'] });

type Guard = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

function badInput(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const issue = error.issues[0];
  return reply.code(400).send({ error: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}` });
}

/** Who acted, for the punch's reason: the basic-auth user when there is one. */
function actor(request: FastifyRequest, given: string | undefined): string {
  const header = request.headers.authorization ?? '';
  const user = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0] : undefined;
  return [given, user ? `dashboard user ${user}` : 'the dashboard'].filter(Boolean).join(', ');
}

/**
 * The decision model's actions on the dashboard (issue #9): close a problem fixed by hand in
 * Humand, and decide a range of days again under the current rules (a dry run first).
 */
export function registerDecisionRoutes(app: FastifyInstance, data: OpsDataSource, logger: Logger, refuseUnsafePost: Guard): void {
  app.post('/api/problems/fixed', async (request, reply) => {
    const refused = refuseUnsafePost(request, reply);
    if (refused !== null) return refused;
    if (!data.markFixed) return reply.code(501).send({ error: 'not available here' });
    const parsed = fixedSchema.safeParse(request.body);
    if (!parsed.success) return badInput(reply, parsed.error);
    const closed = await data.markFixed(parsed.data.ids, actor(request, parsed.data.by));
    logger.info({ ids: parsed.data.ids, closed }, 'problems marked fixed in Humand from the dashboard');
    return reply.send({ closed });
  });

  app.post('/api/reprocess', async (request, reply) => {
    const refused = refuseUnsafePost(request, reply);
    if (refused !== null) return refused;
    if (!data.reprocess) return reply.code(501).send({ error: 'not available here' });
    const parsed = reprocessSchema.safeParse(request.body);
    if (!parsed.success) return badInput(reply, parsed.error);
    const result = await data.reprocess(parsed.data);
    logger.info({ ...parsed.data, changed: result.changes.length, nowQueued: result.nowQueued }, 'reprocess from the dashboard');
    return reply.send({ ...result, changes: result.changes.slice(0, 200) });
  });
}
