import { describe, expect, it } from 'vitest';
import { chooseActiveUser, mappingKeyOf, parseMappingCsv, type MappingFacts } from '../../../src/pipeline/decisions/mapping.js';
import type { MappingConfig } from '../../../src/config/types.js';
import type { HikPerson } from '../../../src/domain/hik-person.js';
import type { HumandUser } from '../../../src/domain/humand.js';

const person: HikPerson = { personId: 'p1', personCode: '20123', personName: 'Ana', cardNos: ['777'], customFields: { Legajo: 'L-9' } };
const facts: MappingFacts = { personId: 'p1', personCode: null, cardNo: null };
const strategy = (s: Partial<MappingConfig>): MappingConfig => ({ strategy: 'personCode', customField: null, csvFile: null, humandField: null, ...s });

function user(id: string, status = 'ACTIVE'): HumandUser {
  return { id: 1, employeeInternalId: id, email: null, firstName: null, lastName: null, status, fields: {} };
}

describe('who is it? (mapping key)', () => {
  it.each<[string, MappingFacts, HikPerson | null, MappingConfig, Map<string, string> | null, string]>([
    ['personCode from the HikCentral person', facts, person, strategy({}), null, 'key 20123'],
    ['personCode from a push when the person is not cached', { ...facts, personCode: '555' }, null, strategy({}), null, 'key 555'],
    ['unknown person', facts, null, strategy({}), null, 'unmapped: person p1 is unknown to HikCentral'],
    ['person without personCode', facts, { ...person, personCode: null }, strategy({}), null, 'unmapped: person p1 has no personCode'],
    ['card number from the event', { ...facts, cardNo: '888' }, person, strategy({ strategy: 'cardNo' }), null, 'key 888'],
    ['card number from the person (face-only event)', facts, person, strategy({ strategy: 'cardNo' }), null, 'key 777'],
    ['face-only person with no card', facts, { ...person, cardNos: [] }, strategy({ strategy: 'cardNo' }), null, 'unmapped: person p1 has no card number'],
    ['custom field', facts, person, strategy({ strategy: 'customField', customField: 'Legajo' }), null, 'key L-9'],
    [
      'custom field missing',
      facts,
      person,
      strategy({ strategy: 'customField', customField: 'Payroll' }),
      null,
      'unmapped: person p1 has no custom field "Payroll"',
    ],
    ['csv by personCode', facts, person, strategy({ strategy: 'csv' }), new Map([['20123', 'X-1']]), 'key X-1'],
    ['csv by personId', facts, person, strategy({ strategy: 'csv' }), new Map([['p1', 'X-2']]), 'key X-2'],
    ['csv without the person', facts, person, strategy({ strategy: 'csv' }), new Map(), 'unmapped: personCode 20123 / personId p1 is not in the mapping file'],
  ])('%s', (_name, f, p, config, csv, expected) => {
    const result = mappingKeyOf(f, p, config, csv);
    expect(result.ok ? `key ${result.key}` : result.reason).toBe(expected);
  });
});

describe('only ACTIVE Humand users count as mapped', () => {
  it.each<[string, HumandUser[], string]>([
    ['one active', [user('20123')], 'mapped 20123'],
    ['deactivated', [user('20123', 'DEACTIVATED')], 'unmapped: the Humand user with employeeInternalId 20123 is DEACTIVATED, not ACTIVE'],
    ['unclaimed', [user('20123', 'UNCLAIMED')], 'unmapped: the Humand user with employeeInternalId 20123 is UNCLAIMED, not ACTIVE'],
    ['none', [], 'unmapped: no Humand user has employeeInternalId 20123'],
    ['an inactive and an active one', [user('a', 'DEACTIVATED'), user('b')], 'mapped b'],
    ['ambiguous', [user('a'), user('b')], 'unmapped: 2 ACTIVE Humand users have employeeInternalId 20123 (a, b)'],
  ])('%s', (_name, candidates, expected) => {
    const choice = chooseActiveUser('20123', candidates, null);
    expect(choice.ok ? `mapped ${choice.user.employeeInternalId}` : choice.reason).toBe(expected);
  });
});

describe('mapping file', () => {
  it('reads personCode/employeeInternalId pairs, quoted cells and comments, and lists bad lines', () => {
    const { map, problems } = parseMappingCsv('# comment\npersonCode,employeeInternalId\n20123,30111222\n"2,0",X\n77,\n');
    expect([...map.entries()]).toEqual([
      ['20123', '30111222'],
      ['2,0', 'X'],
    ]);
    expect(problems).toEqual(['line 4: "77," lacks a personcode or employeeInternalId']);
  });
  it('refuses a header without the needed columns', () => {
    expect(parseMappingCsv('a,b\n1,2').problems[0]).toMatch(/must name personCode/);
  });
});
