import type { HikPerson } from '../domain/hik-person.js';
import type { HumandUser } from '../domain/humand.js';
import type { MappingConfig } from '../config/types.js';
import { chooseActiveUser, mappingKeyOf } from '../pipeline/decisions/mapping.js';
import type { MappingCoverage } from './types.js';

/** Which HikCentral persons map to exactly one ACTIVE Humand user, and who is left over. */
export function computeCoverage(
  persons: readonly HikPerson[],
  users: readonly HumandUser[],
  mapping: MappingConfig,
  csv: ReadonlyMap<string, string> | null,
  refreshed: { personsRefreshedMs: number | null; usersRefreshedMs: number | null },
): MappingCoverage {
  const byId = new Map<string, HumandUser[]>();
  const byField = new Map<string, HumandUser[]>();
  const field = mapping.strategy === 'csv' ? null : mapping.humandField;
  for (const user of users) {
    byId.set(user.employeeInternalId, [...(byId.get(user.employeeInternalId) ?? []), user]);
    const value = field === null ? undefined : user.fields[field];
    if (value !== undefined) byField.set(value, [...(byField.get(value) ?? []), user]);
  }
  const mappedUsers = new Set<string>();
  const unmappedPersons: MappingCoverage['unmappedPersons'][number][] = [];
  for (const person of persons) {
    const key = mappingKeyOf({ personId: person.personId, personCode: null, cardNo: null }, person, mapping, csv);
    if (!key.ok) {
      unmappedPersons.push({ personId: person.personId, personCode: person.personCode, personName: person.personName, reason: key.reason });
      continue;
    }
    const candidates = (field === null ? byId.get(key.key) : byField.get(key.key)) ?? [];
    const choice = chooseActiveUser(key.key, candidates, field);
    if (choice.ok) mappedUsers.add(choice.user.employeeInternalId);
    else unmappedPersons.push({ personId: person.personId, personCode: person.personCode, personName: person.personName, reason: choice.reason });
  }
  const active = users.filter((u) => u.status === 'ACTIVE');
  return {
    ...refreshed,
    hikPersons: persons.length,
    activeHumandUsers: active.length,
    mapped: persons.length - unmappedPersons.length,
    unmappedPersons,
    usersWithoutPerson: active
      .filter((u) => !mappedUsers.has(u.employeeInternalId))
      .map((u) => ({ employeeInternalId: u.employeeInternalId, name: [u.firstName, u.lastName].filter(Boolean).join(' '), status: u.status })),
  };
}
