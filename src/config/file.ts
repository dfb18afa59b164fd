import { z } from 'zod';
import { durationSchema, integerSchema } from './parse-values.js';
import { isapiFileSchemaFor } from './isapi.js';
import { CONFIG_EN, type ConfigWords } from './words/config-words.js';

/** The config file's schema, its problems worded in `w`'s language. */
export function configFileSchemaFor(w: ConfigWords) {
  const eventCodeList = z.array(z.number().int().positive({ message: w.eventCodePositive }));

  const timeClockSchema = z
    .object({
      door: z.string().min(1).optional(),
      reader: z.string().min(1).optional(),
      mode: z.enum(['door', 'device', 'alternate'], { message: w.clockModeEnum }).default('door'),
      direction: z.enum(['in', 'out'], { message: w.directionEnum }).optional(),
      debounce: durationSchema('60s', 0, w).optional(),
      label: z.string().optional(),
    })
    .strict()
    .superRefine((clock, ctx) => {
      if (clock.door === undefined && clock.reader === undefined) {
        ctx.addIssue({ code: 'custom', message: w.needsDoorOrReader });
      }
      if (clock.mode === 'door' && clock.direction === undefined) {
        ctx.addIssue({ code: 'custom', path: ['direction'], message: w.doorNeedsDirection });
      }
    });

  /** The config file (YAML or JSON): time clocks, mapping, event codes and policies. */
  return z
    .object({
      timeClocks: z.array(timeClockSchema).default([]),
      eventCodes: z.object({ granted: eventCodeList.optional(), refused: eventCodeList.optional(), doorState: eventCodeList.optional() }).strict().default({}),
      mapping: z
        .object({
          strategy: z.enum(['personCode', 'cardNo', 'customField', 'csv'], { message: w.strategyEnum }).default('personCode'),
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
              message: w.customFieldNeeded,
            });
          }
          if (mapping.strategy === 'csv' && mapping.csvFile === undefined) {
            ctx.addIssue({ code: 'custom', path: ['csvFile'], message: w.csvNeeded });
          }
        }),
      debounce: durationSchema('60s', 0, w).optional(),
      settleDelay: durationSchema('5s', 0, w).optional(),
      dayBoundaryHour: integerSchema(0, 23, '4', w).optional(),
      alternation: z.enum(['suppress', 'send'], { message: w.alternationEnum }).optional(),
      maxOpenShift: durationSchema('16h', 0, w).optional(),
      minShift: durationSchema('10m', 0, w).optional(),
      futureTolerance: durationSchema('2m', 0, w).optional(),
      comment: z.string().optional(),
      siteTimezone: z.string().optional(),
      poll: z
        .object({
          doors: z.array(z.string().min(1)).optional(),
          eventTypes: z.enum(['all', 'granted'], { message: w.eventTypesEnum }).optional(),
        })
        .strict()
        .default({}),
      /** Hikvision terminals read directly (ISAPI), see src/config/isapi.ts and docs/isapi.md. */
      isapi: isapiFileSchemaFor(w).optional(),
    })
    .strict();
}

export const configFileSchema = configFileSchemaFor(CONFIG_EN);

export type ConfigFile = z.output<typeof configFileSchema>;
