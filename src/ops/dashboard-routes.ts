import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Clock } from '../domain/ports.js';
import { PUNCH_OUTCOMES, type PunchOutcome } from '../store/punch.js';
import type { OpsDataSource } from './data-source.js';
import { buildAttendance, MAX_ATTENDANCE_DAYS, type AttendanceQuery } from './views/attendance.js';
import { allPunches } from './views/explorer.js';
import { toCsv, toXlsx, type ExportLanguage, type ExportTable } from './views/export-files.js';
import { attendanceTable, punchTable } from './views/exports.js';
import { hourlyPunches } from './views/hourly.js';
import { problemTotals } from './views/problem-totals.js';
import { todayIn } from './views/overview.js';

/** Rows one export holds at most; a larger one is refused with the count (never cut silently). */
export const MAX_EXPORT_ROWS = 200_000;

const blank = (v: unknown) => (v === '' ? undefined : v);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((v) => DateTime.fromISO(v).isValid, 'not a calendar date');
const flag = z.preprocess((v) => (v === '' || v === undefined ? undefined : v === '1' || v === 'true'), z.boolean().optional());
const text = z.preprocess(blank, z.string().max(200).optional());
const lang = z.enum(['en', 'es']).default('en');
const format = z.enum(['csv', 'xlsx']);

const attendanceSchema = z
  .object({
    from: z.preprocess(blank, date.optional()),
    to: z.preprocess(blank, date.optional()),
    employee: text,
    door: text,
    department: text,
    timeClocksOnly: flag,
    humand: flag,
    offset: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || DateTime.fromISO(q.to).diff(DateTime.fromISO(q.from), 'days').days < MAX_ATTENDANCE_DAYS, {
    message: `at most ${MAX_ATTENDANCE_DAYS} days`,
    path: ['to'],
  });

const punchExportSchema = z.object({
  employee: text,
  date: z.preprocess(blank, date.optional()),
  from: z.preprocess(blank, date.optional()),
  to: z.preprocess(blank, date.optional()),
  door: text,
  outcome: z.preprocess(blank, z.enum(PUNCH_OUTCOMES as [PunchOutcome, ...PunchOutcome[]]).optional()),
  timeClocksOnly: flag,
  format,
  lang,
});

function badInput(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const issue = error.issues[0];
  return reply.code(400).send({ error: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}` });
}

async function sendTable(reply: FastifyReply, table: ExportTable, name: string, as: 'csv' | 'xlsx', language: ExportLanguage): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${name}.${as}"`);
  if (as === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(toCsv(table, language));
  return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table, language));
}

/** Without dates: this week so far (Monday to today, the site's dates). */
function attendanceQuery(q: z.infer<typeof attendanceSchema>, zone: string, nowMs: number): AttendanceQuery {
  const today = DateTime.fromMillis(nowMs, { zone });
  const from = q.from ?? (q.to ? DateTime.fromISO(q.to).startOf('week').toISODate()! : today.startOf('week').toISODate()!);
  return {
    from,
    to: q.to ?? (from > today.toISODate()! ? from : today.toISODate()!),
    ...(q.employee ? { employee: q.employee } : {}),
    ...(q.door ? { door: q.door } : {}),
    ...(q.department ? { department: q.department } : {}),
    timeClocksOnly: q.timeClocksOnly ?? true,
    compareWithHumand: q.humand ?? false,
  };
}

/** The attendance view, the clock-punches chart and the exports (CSV, Excel) under /api. */
export function registerDashboardRoutes(app: FastifyInstance, data: OpsDataSource, clock: Clock): void {
  app.get('/api/attendance', async (request, reply) => {
    const parsed = attendanceSchema.safeParse(request.query);
    if (!parsed.success) return badInput(reply, parsed.error);
    const q = parsed.data;
    const view = await buildAttendance(data, { ...attendanceQuery(q, data.timezone, clock.now()), offset: q.offset ?? 0, limit: q.limit ?? 50 }, clock.now());
    return reply.header('cache-control', 'no-store').send(view);
  });

  app.get('/api/export/attendance', async (request, reply) => {
    const parsed = attendanceSchema.and(z.object({ format, lang })).safeParse(request.query);
    if (!parsed.success) return badInput(reply, parsed.error);
    const q = parsed.data;
    const view = await buildAttendance(data, { ...attendanceQuery(q, data.timezone, clock.now()), offset: 0, limit: MAX_EXPORT_ROWS }, clock.now());
    const name = `${q.lang === 'es' ? 'asistencia' : 'attendance'}-${view.from}-${view.to}`;
    return sendTable(reply, attendanceTable(view, q.lang), name, q.format, q.lang);
  });

  app.get('/api/export/punches', async (request, reply) => {
    const parsed = punchExportSchema.safeParse(request.query);
    if (!parsed.success) return badInput(reply, parsed.error);
    const { format: as, lang: language, ...search } = parsed.data;
    const { punches, total } = await allPunches(data, search, MAX_EXPORT_ROWS);
    if (total > MAX_EXPORT_ROWS) {
      return reply.code(413).send({ error: `${total} punches match; an export holds at most ${MAX_EXPORT_ROWS}: narrow the dates or filters` });
    }
    const name = `${language === 'es' ? 'fichadas' : 'punches'}-${search.date ?? search.from ?? 'all'}`;
    return sendTable(reply, punchTable(punches, language, data.timezone), name, as, language);
  });

  app.get('/api/problems/totals', async (_request, reply) => reply.header('cache-control', 'no-store').send(await problemTotals(data)));

  app.get('/api/hourly', async (request, reply) => {
    const parsed = z.object({ date: z.preprocess(blank, date.optional()) }).safeParse(request.query);
    if (!parsed.success) return badInput(reply, parsed.error);
    const day = parsed.data.date ?? todayIn(data.timezone, clock.now());
    return reply.header('cache-control', 'no-store').send(await hourlyPunches(data, day));
  });
}
