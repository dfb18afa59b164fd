import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CODES, startHikCentralSimulator, type HikSimulator } from '../../src/sim/hikcentral/index.js';
import type { SimPerson } from '../../src/sim/scenario/index.js';
import { callArtemis } from './support/artemis-call.js';

const APP_KEY = '11223344';
const APP_SECRET = 'persons-secret-2';
const creds = { appKey: APP_KEY, appSecret: APP_SECRET };
const API = '/artemis/api/resource/v1/person';

function person(i: number): SimPerson {
  return {
    personId: String(1000 + i),
    personCode: String(30000 + i),
    personGivenName: i % 2 === 0 ? 'Laura' : 'Diego',
    personFamilyName: `Apellido${i}`,
    orgIndexCode: i % 3 === 0 ? '7' : '1',
    phoneNo: '',
    email: `p${i}@example.com`,
    cardNos: i % 5 === 0 ? [] : [String(4_000_000_000 + i)],
    customFields: i % 4 === 0 ? { Legajo: `L-${i}` } : {},
  };
}

describe('HikCentral simulator: persons over HTTPS', () => {
  let sim: HikSimulator;
  let target: { baseUrl: string; caPem: string };
  const persons = Array.from({ length: 137 }, (_, i) => person(i));

  beforeAll(async () => {
    sim = await startHikCentralSimulator({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      scenario: { site: { timezone: 'America/Argentina/Buenos_Aires' }, persons, doors: [], events: [] },
    });
    target = { baseUrl: sim.httpsUrl, caPem: sim.caPem };
  });
  afterAll(async () => {
    await sim.close();
  });

  type Page = { total: number; list: Array<Record<string, unknown>> };
  const list = async (path: string, body: Record<string, unknown>): Promise<Page> => {
    const answer = (await callArtemis(target, `${API}${path}`, body, creds)).json();
    expect(answer.code).toBe('0');
    return answer.data as Page;
  };

  it('pages 137 persons as 50 + 50 + 37, in personId order, each once', async () => {
    const pages = [
      await list('/personList', { pageNo: 1, pageSize: 50 }),
      await list('/personList', { pageNo: 2, pageSize: 50 }),
      await list('/personList', { pageNo: 3, pageSize: 50 }),
    ];
    expect(pages.map((p) => p.list.length)).toEqual([50, 50, 37]);
    expect(pages[0]?.total).toBe(137);
    const ids = pages.flatMap((p) => p.list.map((r) => r.personId));
    expect(ids).toEqual(persons.map((p) => p.personId));
  });

  it('refuses pageSize above 500', async () => {
    expect((await callArtemis(target, `${API}/personList`, { pageNo: 1, pageSize: 501 }, creds)).json().code).toBe(SIM_CODES.parameterInvalid);
  });

  it('writes the reference person fields, including the platform spelling customFiledName', async () => {
    const found = (await callArtemis(target, `${API}/personId/personInfo`, { personId: '1004' }, creds)).json();
    expect(found).toMatchObject({ code: '0' });
    expect(found.data).toEqual({
      personId: '1004',
      personCode: '30004',
      personName: 'Laura Apellido4',
      personFamilyName: 'Apellido4',
      personGivenName: 'Laura',
      orgIndexCode: '1',
      phoneNo: '',
      email: 'p4@example.com',
      cards: [{ cardNo: '4000000004' }],
      customFieldList: [{ customFiledName: 'Legajo', customFieldValue: 'L-4' }],
    });
    const faceOnly = (await callArtemis(target, `${API}/personCode/personInfo`, { personCode: '30005' }, creds)).json();
    expect(faceOnly.data).toMatchObject({ personId: '1005', cards: [], customFieldList: [] });
  });

  it('answers a non-"0" code for an unknown person, and 0x00072001 without the key', async () => {
    expect((await callArtemis(target, `${API}/personId/personInfo`, { personId: '999999' }, creds)).json().code).toBe(SIM_CODES.personNotFound);
    expect((await callArtemis(target, `${API}/personCode/personInfo`, { personCode: 'nobody' }, creds)).json().code).toBe(SIM_CODES.personNotFound);
    expect((await callArtemis(target, `${API}/personId/personInfo`, {}, creds)).json().code).toBe(SIM_CODES.parameterMissing);
  });

  it('advance/personList filters by name, code and organisation', async () => {
    const byOrg = await list('/advance/personList', { pageNo: 1, pageSize: 500, orgIndexCodes: ['7'] });
    expect(byOrg.total).toBe(persons.filter((p) => p.orgIndexCode === '7').length);
    const byCode = await list('/advance/personList', { pageNo: 1, pageSize: 500, personCode: '30010' });
    expect(byCode.list.map((r) => r.personId)).toEqual(['1010']);
    const byName = await list('/advance/personList', { pageNo: 1, pageSize: 500, personName: 'diego apellido1' });
    expect(byName.list.map((r) => r.personName)).toEqual(
      persons
        .filter((p) => `${p.personGivenName} ${p.personFamilyName}`.toLowerCase().includes('diego apellido1'))
        .map((p) => `${p.personGivenName} ${p.personFamilyName}`),
    );
    expect(byName.total).toBeGreaterThan(1);
  });

  it('sees persons added or removed at run time', async () => {
    sim.state.addPersons([{ ...person(500), personId: '9999', personCode: '99999' }]);
    expect((await callArtemis(target, `${API}/personCode/personInfo`, { personCode: '99999' }, creds)).json().code).toBe('0');
    sim.state.removePerson('9999');
    expect((await callArtemis(target, `${API}/personCode/personInfo`, { personCode: '99999' }, creds)).json().code).toBe(SIM_CODES.personNotFound);
  });
});
