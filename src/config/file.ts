import { z } from 'zod';
import { durationSchema, integerSchema } from './parse-values.js';
import { isapiFileSchema } from './isapi.js';

const eventCodeList = z.array(z.number().int().positive({ message: 'an event code is a positive number, e.g. 196893' }));

const timeClockSchema = z
  .object({
    door: z.string().min(1).optional(),
    reader: z.string().min(1).optional(),
    mode: z.enum(['door', 'device', 'alternate'], { message: 'mode must be door, device or alternate' }).default('door'),
    direction: z.enum(['in', 'out'], { message: 'direction must be in or out' }).optional(),
    debounce: durationSchema('60s').optional(),
    label: z.string().optional(),
  })
  .strict()
  .superRefine((clock, ctx) => {
    if (clock.door === undefined && clock.reader === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a time clock needs a door or a reader (index code or name), e.g. reader: "Facial Entrada"' });
    }
    if (clock.mode === 'door' && clock.direction === undefined) {
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'door mode needs a direction — use in or out' });
    }
  });

/** The config file (YAML or JSON): time clocks, mapping, event codes and policies. */
export const configFileSchema = z
  .object({
    timeClocks: z.array(timeClockSchema).default([]),
    eventCodes: z.object({ granted: eventCodeList.optional(), refused: eventCodeList.optional(), doorState: eventCodeList.optional() }).strict().default({}),
    mapping: z
      .object({
        strategy: z
          .enum(['personCode', 'cardNo', 'customField', 'csv'], { message: 'strategy must be personCode, cardNo, customField or csv' })
          .default('personCode'),
        customField: z.string().min(1).optional(),
        csvFile: z.string().min(1).optional(),
        humandField: z.string().min(1).optional(),
      })
      .strict()
      .default({ strategy: 'personCode' })
      .superRefine((mapping, ctx) => {
        if (mapping.strategy === 'customField' && mapping.customField === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['customField'],
            message: 'the customField strategy needs the HikCentral field name, e.g. customField: Legajo',
          });
        }
        if (mapping.strategy === 'csv' && mapping.csvFile === undefined) {
          ctx.addIssue({ code: 'custom', path: ['csvFile'], message: 'the csv strategy needs a file, e.g. csvFile: ./mapping.csv' });
        }
      }),
    debounce: durationSchema('60s').optional(),
    settleDelay: durationSchema('5s').optional(),
    dayBoundaryHour: integerSchema(0, 23, '4').optional(),
    alternation: z.enum(['suppress', 'send'], { message: 'alternation must be suppress or send' }).optional(),
    maxOpenShift: durationSchema('16h').optional(),
    minShift: durationSchema('10m').optional(),
    futureTolerance: durationSchema('2m').optional(),
    comment: z.string().optional(),
    siteTimezone: z.string().optional(),
    poll: z
      .object({
        doors: z.array(z.string().min(1)).optional(),
        eventTypes: z.enum(['all', 'granted'], { message: 'eventTypes must be all or granted' }).optional(),
      })
      .strict()
      .default({}),
    /** Hikvision terminals read directly (ISAPI), see src/config/isapi.ts and docs/isapi.md. */
    isapi: isapiFileSchema.optional(),
  })
  .strict();

export type ConfigFile = z.output<typeof configFileSchema>;
