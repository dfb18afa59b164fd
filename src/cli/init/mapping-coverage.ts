import type { MappingStrategy } from '../../config/types.js';
import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import { INIT_EN, type InitWords } from './init-words.js';

export interface StrategyCoverage {
  readonly strategy: MappingStrategy;
  /** For customField: the HikCentral custom field. */
  readonly customField: string | null;
  /** Active Humand users matched by exactly one HikCentral person. */
  readonly matchedEmployees: number;
  readonly activeEmployees: number;
  /** Persons whose key names no ACTIVE user (visitors and contractors are normal here). */
  readonly unmatchedPersons: number;
  readonly label: string;
}

function keysOf(person: HikPerson, strategy: MappingStrategy, field: string | null): string[] {
  const clean = (values: readonly (string | null | undefined)[]) => values.map((v) => v?.trim() ?? '').filter((v) => v !== '');
  if (strategy === 'personCode') return clean([person.personCode]);
  if (strategy === 'cardNo') return clean(person.cardNos);
  if (strategy === 'customField' && field !== null) return clean([person.customFields[field]]);
  return [];
}

/**
 * Tries each way of mapping a HikCentral person to a Humand employee against the real lists:
 * personCode, cardNo and every custom field the persons carry, each keyed to Humand's
 * employeeInternalId. Best first (most active employees matched).
 */
export function mappingCoverage(persons: readonly HikPerson[], users: readonly HumandUser[], w: InitWords = INIT_EN): StrategyCoverage[] {
  const active = users.filter((u) => u.status === 'ACTIVE');
  const activeIds = new Set(active.map((u) => u.employeeInternalId.trim()));
  const customFields = [...new Set(persons.flatMap((p) => Object.keys(p.customFields)))].sort();
  const candidates: Array<{ strategy: MappingStrategy; field: string | null }> = [
    { strategy: 'personCode', field: null },
    { strategy: 'cardNo', field: null },
    ...customFields.map((field) => ({ strategy: 'customField' as const, field })),
  ];
  return candidates
    .map(({ strategy, field }) => {
      const matched = new Set<string>();
      let unmatched = 0;
      for (const person of persons) {
        const hit = keysOf(person, strategy, field).find((key) => activeIds.has(key));
        if (hit === undefined) unmatched += 1;
        else matched.add(hit);
      }
      return {
        strategy,
        customField: field,
        matchedEmployees: matched.size,
        activeEmployees: active.length,
        unmatchedPersons: unmatched,
        label: w.coverage(strategy, strategy === 'customField' ? field : null, matched.size, active.length),
      };
    })
    .sort((a, b) => b.matchedEmployees - a.matchedEmployees);
}
