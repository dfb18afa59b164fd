import type { HikPerson } from '../domain/hik-person.js';
import type { PersonDirectoryPort } from '../domain/ports.js';

/** Terminal events name their person `isapi:<employeeNo>` (src/isapi/event-mapping.ts). */
export const TERMINAL_PERSON_PREFIX = 'isapi:';

/**
 * On a site with HikCentral and terminals, a terminal's person is looked up in HikCentral by
 * employee number (= personCode), so every mapping strategy (custom field included) works for
 * terminal punches too; HikCentral is never asked for the made-up personId itself.
 */
export function withTerminalPersons(inner: PersonDirectoryPort | null): PersonDirectoryPort | null {
  if (inner === null) return null;
  return {
    listPersons: (signal) => inner.listPersons(signal),
    getPersonByCode: (personCode) => inner.getPersonByCode(personCode),
    async getPersonById(personId: string): Promise<HikPerson | null> {
      if (!personId.startsWith(TERMINAL_PERSON_PREFIX)) return inner.getPersonById(personId);
      const person = await inner.getPersonByCode(personId.slice(TERMINAL_PERSON_PREFIX.length));
      // Cached under the terminal's id, so the next punch of this person finds it.
      return person === null ? null : { ...person, personId };
    },
  };
}
