import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import type { HikScenario } from './types.js';

/** An instant as epoch ms, or ISO 8601 with an explicit offset (how scenario files write it). */
const instant = z.unknown().transform((value, ctx): number => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string') {
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" has no UTC offset (write e.g. 2026-01-27T08:00:00-03:00)` });
      return z.NEVER;
    }
    const parsed = DateTime.fromISO(value, { setZone: true });
    if (parsed.isValid) return parsed.toMillis();
  }
  ctx.addIssue({
    code: 'custom',
    message: value === undefined ? 'is required' : `${JSON.stringify(value)} is neither epoch milliseconds nor ISO 8601 with an offset`,
  });
  return z.NEVER;
});

const person = z.object({
  personId: z.string().min(1),
  personCode: z.string().min(1),
  personGivenName: z.string(),
  personFamilyName: z.string().default(''),
  orgIndexCode: z.string().default('1'),
  phoneNo: z.string().default(''),
  email: z.string().default(''),
  cardNos: z.array(z.string().min(1)).default([]),
  customFields: z.record(z.string(), z.string()).default({}),
});

const door = z.object({
  doorIndexCode: z.string().min(1),
  doorName: z.string(),
  readers: z.array(z.object({ readerIndexCode: z.string().min(1), readerName: z.string() })).default([]),
});

const event = z
  .object({
    eventId: z.string().min(1),
    eventType: z.number().int(),
    eventTime: instant,
    arrivalTime: instant.optional(),
    personId: z.string().min(1).nullable().default(null),
    doorIndexCode: z.string().min(1),
    readerIndexCode: z.string().min(1).nullable().default(null),
    checkInAndOutType: z.number().int().min(0).max(6).default(0),
    cardNo: z.string().min(1).nullable().default(null),
    picUri: z.string().nullable().default(null),
  })
  .transform((value) => ({ ...value, arrivalTime: value.arrivalTime ?? value.eventTime }));

export const scenarioSchema = z
  .object({
    site: z.object({
      timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'is not an IANA timezone (e.g. America/Argentina/Buenos_Aires)' }),
      readerTimeZones: z
        .record(
          z.string(),
          z.string().refine((zone) => /^(utc|z)$/i.test(zone) || DateTime.now().setZone(zone).isValid, {
            message: 'is not UTC, a fixed zone such as UTC+1, or an IANA zone',
          }),
        )
        .optional(),
    }),
    persons: z.array(person).default([]),
    doors: z.array(door).default([]),
    events: z.array(event).default([]),
  })
  // Runs even when fields above failed, so one error lists every problem; reads defensively.
  .superRefine((scenario, ctx) => crossCheck(scenario as unknown, ctx), { when: () => true });

export type ScenarioInput = z.input<typeof scenarioSchema>;

/** Validates an untrusted scenario; every problem is reported with its path. */
export function parseScenario(value: unknown): { ok: true; scenario: HikScenario } | { ok: false; problems: string[] } {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return { ok: true, scenario: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
  };
}

function crossCheck(value: unknown, ctx: z.RefinementCtx): void {
  const root = asRecord(value);
  const persons = asArray(root.persons).map(asRecord);
  const doors = asArray(root.doors).map(asRecord);
  const events = asArray(root.events).map(asRecord);
  reportDuplicates(
    persons.map((p) => p.personId),
    'persons',
    'personId',
    ctx,
  );
  reportDuplicates(
    persons.map((p) => p.personCode),
    'persons',
    'personCode',
    ctx,
  );
  reportDuplicates(
    doors.map((d) => d.doorIndexCode),
    'doors',
    'doorIndexCode',
    ctx,
  );
  reportDuplicates(
    events.map((e) => e.eventId),
    'events',
    'eventId',
    ctx,
  );
  const readersByDoor = new Map(doors.map((d) => [d.doorIndexCode, new Set(asArray(d.readers).map((r) => asRecord(r).readerIndexCode))]));
  events.forEach((e, index) => {
    const readers = readersByDoor.get(e.doorIndexCode);
    const reader = e.readerIndexCode ?? null;
    if (typeof e.doorIndexCode === 'string' && readers === undefined) {
      ctx.addIssue({ code: 'custom', path: ['events', index, 'doorIndexCode'], message: `door "${e.doorIndexCode}" is not in doors` });
    } else if (readers !== undefined && typeof reader === 'string' && !readers.has(reader)) {
      ctx.addIssue({
        code: 'custom',
        path: ['events', index, 'readerIndexCode'],
        message: `reader "${reader}" is not a reader of door "${String(e.doorIndexCode)}"`,
      });
    }
    if (typeof e.eventTime === 'number' && typeof e.arrivalTime === 'number' && e.arrivalTime < e.eventTime) {
      ctx.addIssue({ code: 'custom', path: ['events', index, 'arrivalTime'], message: 'must not be before eventTime' });
    }
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function reportDuplicates(values: unknown[], list: string, field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<unknown>();
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [list, index, field], message: `duplicate ${field} "${value}"` });
    seen.add(value);
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}
