import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import { matchesWords, searchWords } from './text-match.js';

/** Who a search term may mean, from the cached directories. */
export interface PeopleMatch {
  readonly employeeIds: string[];
  readonly personIds: string[];
}

/** Field names taken as a department (HikCentral custom fields, Humand profile fields). */
const DEPARTMENT_FIELD = /depart|area|área|sector|sección|seccion|division|división|team|equipo/i;

export function userName(user: HumandUser): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ');
}

export function departmentOf(fields: Readonly<Record<string, string>> | undefined): string | null {
  if (!fields) return null;
  for (const [name, value] of Object.entries(fields)) if (DEPARTMENT_FIELD.test(name) && value.trim() !== '') return value;
  return null;
}

/**
 * Persons (name, code, id, cards) and users (first and last name either way round, employee
 * id, e-mail) whose fields hold every word of `term`, without regard to case or accents.
 * The term itself is kept as an id too (an employee id or person id nobody's directory has).
 */
export function peopleMatching(term: string, persons: readonly HikPerson[], users: readonly HumandUser[], limit = 500): PeopleMatch {
  const words = searchWords(term);
  const raw = term.trim();
  const personIds = persons
    .filter((p) => matchesWords(words, p.personName, p.personCode, p.personId, ...p.cardNos))
    .slice(0, limit)
    .map((p) => p.personId);
  const employeeIds = users
    .filter((u) => matchesWords(words, u.firstName, u.lastName, u.employeeInternalId, u.email))
    .slice(0, limit)
    .map((u) => u.employeeInternalId);
  return { employeeIds: [...new Set([raw, ...employeeIds])], personIds: [...new Set([raw, ...personIds])] };
}
