import { describe, expect, it } from 'vitest';
import { mappingCoverage } from '../../src/cli/init/mapping-coverage.js';
import { proposeReader, ReaderTally, type SeenReader } from '../../src/cli/init/readers.js';
import { ZoneTally } from '../../src/cli/init/zone-check.js';
import type { HikPerson } from '../../src/domain/hik-person.js';
import type { HumandUser } from '../../src/domain/humand.js';
import { makeEvent } from '../store/make-event.js';

const reader = (readerName: string, doorName: string, passages = 10): SeenReader => ({
  readerName,
  doorName,
  readerIndexCode: '1',
  doorIndexCode: '1',
  passages,
  lastPassageMs: null,
});

describe('time clocks proposed from reader and door names', () => {
  it.each([
    ['Facial Entrada', 'Molinete Reloj Entrada', true, 'in'],
    ['Lector 2', 'Reloj Salida Planta', true, 'out'],
    ['Ingreso', 'Fichada', true, 'in'],
    ['Egreso', 'MOLINETE NORTE', true, 'out'],
    ['Time clock OUT', 'Gate', true, 'out'],
    ['Reloj Comedor', 'Comedor', true, null],
    ['Comedor Lector Entrada', 'Comedor', false, 'in'],
    ['Oficinas Lector 1', 'Oficinas', false, null],
    ['Pinza', 'Inventario', false, null],
  ] as const)('%s at %s → time clock %s, direction %s', (readerName, doorName, timeClock, direction) => {
    const proposal = proposeReader(reader(readerName, doorName));
    expect({ timeClock: proposal.timeClock, direction: proposal.direction }).toEqual({ timeClock, direction });
  });

  it('a clock-named reader without a passage in the scanned days is listed, not proposed', () => {
    expect(proposeReader(reader('Reloj Entrada', 'Planta', 0))).toMatchObject({ timeClock: false, why: expect.stringMatching(/no passage/) });
  });
});

describe('readers tallied from door events', () => {
  it('counts granted passages of a person per reader, busiest first; refusals count 0; door-state events (no reader) are left out', () => {
    const tally = new ReaderTally(new Set([196893]));
    const entrada = { readerIndexCode: '101', readerName: 'Facial Entrada', doorIndexCode: '1', doorName: 'Molinete Reloj Entrada' };
    const comedor = { readerIndexCode: '301', readerName: 'Comedor Lector', doorIndexCode: '3', doorName: 'Comedor' };
    for (const event of [
      makeEvent({ ...entrada, eventTime: '2026-01-27T08:00:05-03:00' }),
      makeEvent({ ...entrada, eventTime: '2026-01-27T09:00:05-03:00' }),
      makeEvent({ ...entrada, personId: null }),
      makeEvent({ ...comedor, eventCode: 197151 }),
      makeEvent({ ...comedor }),
      makeEvent({ ...comedor }),
      makeEvent({ ...comedor }),
      makeEvent({ readerIndexCode: null, readerName: null, doorIndexCode: '1', doorName: 'Molinete Reloj Entrada', eventCode: 198913 }),
    ])
      tally.add(event);
    expect(tally.readers().map((r) => [r.readerName, r.passages, r.lastPassageMs])).toEqual([
      ['Comedor Lector', 3, Date.parse('2026-01-27T08:00:05-03:00')],
      ['Facial Entrada', 2, Date.parse('2026-01-27T09:00:05-03:00')],
    ]);
  });
});

describe('mapping strategies measured against the real lists', () => {
  const person = (personCode: string | null, cardNos: string[], customFields: Record<string, string> = {}): HikPerson => ({
    personId: `p-${personCode}-${cardNos.join()}`,
    personCode,
    personName: null,
    cardNos,
    customFields,
  });
  const user = (employeeInternalId: string, status = 'ACTIVE'): HumandUser => ({
    id: employeeInternalId,
    employeeInternalId,
    email: null,
    firstName: null,
    lastName: null,
    status,
    fields: {},
  });

  it('counts active employees matched per strategy, best first, including every custom field seen', () => {
    const coverage = mappingCoverage(
      [
        person('A1', ['900'], { Legajo: '20001' }),
        person('A2', ['901'], { Legajo: '20002' }),
        person('20003', ['20003'], { Legajo: '20003' }),
        person(null, [], { Sector: 'x' }),
      ],
      [user('20001'), user('20002'), user('20003'), user('20004', 'DEACTIVATED')],
    );
    expect(coverage.map((c) => c.label)).toEqual([
      'custom field "Legajo" matches 3 of 3 active employees',
      'personCode matches 1 of 3 active employees',
      'cardNo matches 1 of 3 active employees',
      'custom field "Sector" matches 0 of 3 active employees',
    ]);
    expect(coverage[0]).toMatchObject({ strategy: 'customField', customField: 'Legajo', unmatchedPersons: 1 });
  });
});

describe('site time zone against the offsets HikCentral writes', () => {
  it("agrees when every offset is the zone's at that instant, and says which offsets it saw otherwise", () => {
    const events = [makeEvent({ eventTime: '2026-01-27T08:00:05-03:00' }), makeEvent({ eventTime: '2026-07-27T18:00:05-03:00' })];
    const zoneAgreement = (list: typeof events, zone: string) => {
      const tally = new ZoneTally(zone);
      for (const event of list) tally.add(event);
      return tally.result();
    };
    expect(zoneAgreement(events, 'America/Argentina/Buenos_Aires')).toEqual({ agree: 2, total: 2, seen: '-03:00' });
    expect(zoneAgreement(events, 'Europe/Madrid')).toEqual({ agree: 0, total: 2, seen: '-03:00' });
    expect(zoneAgreement([makeEvent({ eventTime: '2026-01-27T08:00:05' })], 'UTC')).toBeNull();
  });
});
