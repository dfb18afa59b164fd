import { z } from 'zod';

/** What the terminal answers, validated at the edge. Unknown fields are kept (raw) but not read. */

const optionalText = z.union([z.string(), z.number()]).transform(String).optional();
const optionalInt = z.coerce.number().int().optional();

export const acsEventRecordSchema = z.looseObject({
  major: z.coerce.number().int(),
  minor: z.coerce.number().int(),
  time: z.string().min(1),
  serialNo: z.coerce.number().int(),
  employeeNoString: optionalText,
  /** Older firmware: a numeric employee number instead of employeeNoString. */
  employeeNo: optionalText,
  cardNo: optionalText,
  name: optionalText,
  cardReaderNo: optionalInt,
  doorNo: optionalInt,
  currentVerifyMode: optionalText,
  attendanceStatus: optionalText,
});

export type AcsEventRecord = z.output<typeof acsEventRecordSchema>;

export const acsEventAnswerSchema = z.object({
  AcsEvent: z.object({
    searchID: z.string().optional(),
    responseStatusStrg: z.string(),
    numOfMatches: z.coerce.number().int().optional(),
    totalMatches: z.coerce.number().int().optional(),
    InfoList: z.array(acsEventRecordSchema).optional(),
  }),
});

export const capabilitiesSchema = z.object({
  AcsEvent: z.object({
    AcsEventCond: z.looseObject({
      maxResults: z.object({ '@max': z.coerce.number().int().positive() }).optional(),
    }),
  }),
});

/** The push's `event_log` JSON. Heartbeats and other event types pass validation and are skipped by type. */
export const eventLogSchema = z.looseObject({
  eventType: z.string(),
  dateTime: z.string().optional(),
  ipAddress: z.string().optional(),
  AccessControllerEvent: z
    .looseObject({
      majorEventType: z.coerce.number().int(),
      subEventType: z.coerce.number().int(),
      serialNo: z.coerce.number().int(),
      employeeNoString: optionalText,
      employeeNo: optionalText,
      cardNo: optionalText,
      name: optionalText,
      cardReaderNo: optionalInt,
      doorNo: optionalInt,
      currentVerifyMode: optionalText,
      attendanceStatus: optionalText,
    })
    .optional(),
});

export type EventLog = z.output<typeof eventLogSchema>;

/** The text of a flat XML element (`<model>DS-K1T341</model>`), or null. ISAPI answers deviceInfo and time in XML. */
export function xmlText(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  return match === null ? null : match[1]!.trim();
}
