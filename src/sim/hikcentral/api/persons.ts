import { z } from 'zod';
import { personName } from '../../scenario/persons.js';
import { failure, SIM_CODES, success, type Envelope } from '../codes.js';
import type { SimWorld } from '../world.js';
import { personRecord } from './records.js';
import { paginate, validateBody } from './validate.js';

const pageRequest = z.object({
  pageNo: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(500),
});

const advancedRequest = pageRequest.extend({
  personName: z.string().nullish(),
  personCode: z.string().nullish(),
  orgIndexCodes: z.array(z.string()).nullish(),
});

/** `POST .../person/personList`: every person, in personId order. */
export function personList(body: unknown, world: SimWorld): Envelope {
  const parsed = validateBody(pageRequest, body);
  if (!parsed.ok) return parsed.envelope;
  return success(paginate(world.listPersons(), parsed.value.pageNo, parsed.value.pageSize, personRecord));
}

/** `POST .../person/advance/personList`: the same, filtered by name (substring), code, organisations. */
export function advancedPersonList(body: unknown, world: SimWorld): Envelope {
  const parsed = validateBody(advancedRequest, body);
  if (!parsed.ok) return parsed.envelope;
  const { personName: name, personCode, orgIndexCodes } = parsed.value;
  const nameFilter = name?.trim().toLowerCase() || null;
  const orgs = orgIndexCodes && orgIndexCodes.length > 0 ? new Set(orgIndexCodes) : null;
  const persons = world
    .listPersons()
    .filter(
      (person) =>
        (nameFilter === null || personName(person).toLowerCase().includes(nameFilter)) &&
        (!personCode || person.personCode === personCode) &&
        (orgs === null || orgs.has(person.orgIndexCode)),
    );
  return success(paginate(persons, parsed.value.pageNo, parsed.value.pageSize, personRecord));
}

export function personById(body: unknown, world: SimWorld): Envelope {
  const parsed = validateBody(z.object({ personId: z.string().min(1) }), body);
  if (!parsed.ok) return parsed.envelope;
  const person = world.personById(parsed.value.personId);
  return person ? success(personRecord(person)) : failure(SIM_CODES.personNotFound, `Person ${parsed.value.personId} does not exist`);
}

export function personByCode(body: unknown, world: SimWorld): Envelope {
  const parsed = validateBody(z.object({ personCode: z.string().min(1) }), body);
  if (!parsed.ok) return parsed.envelope;
  const person = world.personByCode(parsed.value.personCode);
  return person ? success(personRecord(person)) : failure(SIM_CODES.personNotFound, `No person has personCode ${parsed.value.personCode}`);
}
