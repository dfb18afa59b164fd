import { z } from 'zod';
import { optionalText } from './door-event-record.js';

export const DOOR_LIST_PATH = '/artemis/api/resource/v1/acsDoor/acsDoorList';

/** A door (access point) as HikCentral lists it: what a time clock's `door` names, by code or name. */
export interface HikDoor {
  readonly doorIndexCode: string;
  readonly doorName: string | null;
}

/** One record of `acsDoor/acsDoorList` `data.list`; some versions say `indexCode`/`name`. */
const doorRecordSchema = z.looseObject({
  doorIndexCode: optionalText,
  indexCode: optionalText,
  doorName: optionalText,
  name: optionalText,
});

export const doorPageSchema = z.object({
  total: z.coerce.number().int().nonnegative().nullish(),
  list: z.array(z.unknown()).nullish(),
});

/** The door in a raw record, or null when it carries no index code. */
export function doorOf(raw: unknown): HikDoor | null {
  const parsed = doorRecordSchema.safeParse(raw);
  if (!parsed.success) return null;
  const code = parsed.data.doorIndexCode ?? parsed.data.indexCode;
  return code === null ? null : { doorIndexCode: code, doorName: parsed.data.doorName ?? parsed.data.name };
}
