import { z } from 'zod';
import { success, type Envelope } from '../codes.js';
import type { SimWorld } from '../world.js';
import { paginate, validateBody } from './validate.js';

const pageRequest = z.object({
  pageNo: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(500),
});

/**
 * `POST .../acsDoor/acsDoorList`: every access point (door), in the order the site lists them.
 * The platform lists doors, not their readers: readers show only in the door events.
 */
export function doorList(body: unknown, world: SimWorld): Envelope {
  const parsed = validateBody(pageRequest, body);
  if (!parsed.ok) return parsed.envelope;
  return success(
    paginate(world.listDoors(), parsed.value.pageNo, parsed.value.pageSize, (door) => ({
      doorIndexCode: door.doorIndexCode,
      doorName: door.doorName,
      regionIndexCode: '1',
    })),
  );
}
