import { z } from 'zod';

/**
 * Shapes of Humand's answers (test/fixtures/humand-openapi.json), lenient where the spec is
 * silent or wrong in practice: ids may be numbers or digit strings, nothing is `required` in
 * the spec so only what we cannot do without is required here.
 */

const idSchema = z.union([z.number(), z.string().min(1)]);
const idAsString = z.union([z.string(), z.number()]).transform((value) => String(value));

export const entrySchema = z.object({
  id: idSchema,
  userId: idSchema.nullish(),
  employeeInternalId: idAsString.nullish(),
  date: z.string().nullish(),
  referenceDate: z.string().nullish(),
  time: z.string().nullish(),
  type: z.enum(['START', 'END']),
  source: z.string().nullish(),
  comment: z.string().nullish(),
});
export type EntryWire = z.infer<typeof entrySchema>;

export const entriesPageSchema = z.object({
  page: z.number().nullish(),
  limit: z.number().nullish(),
  totalPages: z.number().nullish(),
  count: z.number().nullish(),
  items: z.array(entrySchema),
});

/** One employee's day as `GET /time-tracking/day-summaries` returns it; only what we read is required. */
export const daySummarySchema = z.object({
  id: idSchema.nullish(),
  employeeId: idAsString.nullish(),
  employeeInternalId: idAsString.nullish(),
  referenceDate: z.string().nullish(),
  entries: z.array(entrySchema).nullish(),
});

export const daySummariesPageSchema = z.object({
  page: z.number().nullish(),
  limit: z.number().nullish(),
  totalPages: z.number().nullish(),
  count: z.number().nullish(),
  items: z.array(daySummarySchema),
});

const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])), z.null()]);

const fieldSchema = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  name: z.string().nullish(),
  value: fieldValueSchema.optional(),
});

export const userSchema = z.object({
  id: idSchema,
  employeeInternalId: idAsString.pipe(z.string().min(1)),
  email: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  status: z.string().nullish(),
  // The spec says an array of {id, name, value}; tolerate a plain name → value object too.
  fields: z.union([z.array(fieldSchema), z.record(z.string(), fieldValueSchema)]).nullish(),
});
export type UserWire = z.infer<typeof userSchema>;

/** Users are checked one by one (see client): a single odd record must not hide the whole directory. */
export const usersPageSchema = z.object({
  count: z.number().nullish(),
  users: z.array(z.unknown()),
});
