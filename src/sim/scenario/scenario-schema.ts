import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import type { HikScenario } from './types.js';

/** An instant as epoch ms, or ISO 8601 with an explicit offset (how scenario files write it). */
const instant = z.union([
  z.number().int().nonnegative(),
  z.string().transform((text, ctx) => {
    if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" has no UTC offset (write e.g. 2026-01-27T08:00:00-03:00)` });
      return z.NEVER;
    }
    const parsed = DateTime.fromISO(text, { setZone: true });
    if (!parsed.isValid) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO 8601 date-time` });
      return z.NEVER;
    }
    return parsed.toMillis();
  }),
]);

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
    }),
    persons: z.array(person).default([]),
    doors: z.array(door).default([]),
    events: z.array(event).default([]),
  })
  .superRefine((scenario, ctx) => {
    reportDuplicates(scenario.persons.map((p) => p.personId), 'persons', 'personId', ctx);
    reportDuplicates(scenario.persons.map((p) => p.personCode), 'persons', 'personCode', ctx);
    reportDuplicates(scenario.doors.map((d) => d.doorIndexCode), 'doors', 'doorIndexCode', ctx);
    reportDuplicates(scenario.events.map((e) => e.eventId), 'events', 'eventId', ctx);
    const readersByDoor = new Map(scenario.doors.map((d) => [d.doorIndexCode, new Set(d.readers.map((r) => r.readerIndexCode))]));
    scenario.events.forEach((e, index) => {
      const readers = readersByDoor.get(e.doorIndexCode);
      if (readers === undefined) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'doorIndexCode'], message: `door "${e.doorIndexCode}" is not in doors` });
      } else if (e.readerIndexCode !== null && !readers.has(e.readerIndexCode)) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'readerIndexCode'], message: `reader "${e.readerIndexCode}" is not a reader of door "${e.doorIndexCode}"` });
      }
      if (e.arrivalTime < e.eventTime) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'arrivalTime'], message: 'must not be before eventTime' });
      }
    });
  });

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

function reportDuplicates(values: string[], list: string, field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [list, index, field], message: `duplicate ${field} "${value}"` });
    seen.add(value);
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}
