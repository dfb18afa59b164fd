import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import type { MappingConfig } from '../../config/types.js';

export interface MappingFacts {
  readonly personId: string | null;
  /** From a push event, when it carried one. */
  readonly personCode: string | null;
  readonly cardNo: string | null;
}

export type MappingKey = { readonly ok: true; readonly key: string; readonly via: string } | { readonly ok: false; readonly reason: string };

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value.trim() !== '';
}

/**
 * Who is it? Turns a HikCentral person into the key that identifies a Humand user under
 * the configured strategy. `person` is the HikCentral person (cached); null when unknown.
 */
export function mappingKeyOf(facts: MappingFacts, person: HikPerson | null, mapping: MappingConfig, csv: ReadonlyMap<string, string> | null): MappingKey {
  const personCode = present(person?.personCode) ? person.personCode : facts.personCode;
  switch (mapping.strategy) {
    case 'personCode':
      if (present(personCode)) return { ok: true, key: personCode.trim(), via: 'personCode' };
      return {
        ok: false,
        reason:
          person === null ? `unmapped: person ${facts.personId ?? '?'} is unknown to HikCentral` : `unmapped: person ${person.personId} has no personCode`,
      };
    case 'cardNo': {
      const card = present(facts.cardNo) ? facts.cardNo : person?.cardNos.find(present);
      if (present(card)) return { ok: true, key: card.trim(), via: 'cardNo' };
      return { ok: false, reason: `unmapped: person ${facts.personId ?? '?'} has no card number` };
    }
    case 'customField': {
      const field = mapping.customField ?? '';
      const value = person?.customFields[field];
      if (present(value)) return { ok: true, key: value.trim(), via: `custom field ${field}` };
      return {
        ok: false,
        reason:
          person === null
            ? `unmapped: person ${facts.personId ?? '?'} is unknown to HikCentral`
            : `unmapped: person ${person.personId} has no custom field "${field}"`,
      };
    }
    case 'csv': {
      const byCode = present(personCode) ? csv?.get(personCode.trim()) : undefined;
      const byId = present(facts.personId) ? csv?.get(facts.personId) : undefined;
      const key = byCode ?? byId;
      if (present(key)) return { ok: true, key: key.trim(), via: 'mapping file' };
      return { ok: false, reason: `unmapped: personCode ${personCode ?? '?'} / personId ${facts.personId ?? '?'} is not in the mapping file` };
    }
  }
}

export type UserChoice = { readonly ok: true; readonly user: HumandUser } | { readonly ok: false; readonly reason: string };

/** Only an ACTIVE Humand user counts as mapped; several matches are ambiguous and need a person. */
export function chooseActiveUser(key: string, candidates: readonly HumandUser[], field: string | null): UserChoice {
  const target = field === null ? `employeeInternalId ${key}` : `${field} = ${key}`;
  const active = candidates.filter((user) => user.status === 'ACTIVE');
  if (active.length === 1) return { ok: true, user: active[0]! };
  if (active.length > 1) {
    return { ok: false, reason: `unmapped: ${active.length} ACTIVE Humand users have ${target} (${active.map((u) => u.employeeInternalId).join(', ')})` };
  }
  if (candidates.length > 0) return { ok: false, reason: `unmapped: the Humand user with ${target} is ${candidates[0]!.status}, not ACTIVE` };
  return { ok: false, reason: `unmapped: no Humand user has ${target}` };
}

/** Parses a mapping file: a header naming `personCode` or `personId`, and `employeeInternalId`. */
export function parseMappingCsv(text: string): { map: Map<string, string>; problems: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const problems: string[] = [];
  const map = new Map<string, string>();
  const header = lines.shift();
  if (header === undefined) return { map, problems: ['the file is empty (expected a header "personCode,employeeInternalId")'] };
  const columns = splitCsvLine(header).map((c) => c.toLowerCase());
  const keyColumn = columns.findIndex((c) => c === 'personcode' || c === 'personid');
  const valueColumn = columns.indexOf('employeeinternalid');
  if (keyColumn < 0 || valueColumn < 0) {
    return { map, problems: [`header "${header}" must name personCode (or personId) and employeeInternalId, e.g. "personCode,employeeInternalId"`] };
  }
  lines.forEach((line, index) => {
    const cells = splitCsvLine(line);
    const key = cells[keyColumn]?.trim();
    const value = cells[valueColumn]?.trim();
    if (!key || !value) problems.push(`line ${index + 2}: "${line}" lacks a ${columns[keyColumn]} or employeeInternalId`);
    else map.set(key, value);
  });
  return { map, problems };
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}
