import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../src/domain/access-event.js';
import type { LedgerStore } from '../../src/store/store.js';
import type { LedgerStoreFactory } from './ledger-store-contract.js';
import { item, makeEvent } from './make-event.js';

/**
 * The dashboard's range reads (attendance view, explorer pages, exports): every LedgerStore
 * answers them alike; run over SQLite and PostgreSQL.
 */
export function describeLedgerStoreRangeContract(name: string, makeFactory: () => LedgerStoreFactory): void {
  describe(`${name}: ledger contract (range reads for the dashboard)`, () => {
    let factory: LedgerStoreFactory;
    let store: LedgerStore;

    beforeEach(async () => {
      factory = makeFactory();
      store = await factory.open();
    });
    afterEach(async () => {
      await store.close();
      await factory.cleanup();
    });

    /** Records one punch and gives it a state (employee, working day, outcome). */
    async function punch(
      event: Partial<AccessEvent>,
      state: { employeeId?: string | null; workingDay?: string | null; outcome?: 'delivered' | 'ignored' | 'unmapped' } = {},
    ): Promise<number> {
      const { newPunchIds } = await store.ingest([item(makeEvent(event))], 'poll', 1000);
      const id = newPunchIds[0]!;
      await store.updatePunches(
        [{ id, outcome: state.outcome ?? 'delivered', employeeId: state.employeeId ?? null, workingDay: state.workingDay ?? null }],
        2000,
      );
      return id;
    }

    async function fill(): Promise<Record<string, number>> {
      return {
        anaIn: await punch(
          { personId: 'p-ana', eventTime: '2026-01-26T08:00:00-03:00', doorName: 'Reloj Entrada' },
          { employeeId: 'E-1', workingDay: '2026-01-26' },
        ),
        anaOut: await punch(
          { personId: 'p-ana', eventTime: '2026-01-26T17:00:00-03:00', doorName: 'Reloj Entrada' },
          { employeeId: 'E-1', workingDay: '2026-01-26' },
        ),
        anaDoor: await punch(
          { personId: 'p-ana', eventTime: '2026-01-26T10:00:00-03:00', doorName: 'Depósito' },
          { employeeId: 'E-1', workingDay: '2026-01-26', outcome: 'ignored' },
        ),
        // A night shift: the event date is the 28th, the working day the 27th.
        anaNight: await punch(
          { personId: 'p-ana', eventTime: '2026-01-28T01:00:00-03:00', doorName: 'Reloj Entrada' },
          { employeeId: 'E-1', workingDay: '2026-01-27' },
        ),
        bob: await punch(
          { personId: 'p-bob', personName: 'Bob', eventTime: '2026-01-27T09:00:00-03:00', doorName: 'RELOJ salida' },
          { employeeId: 'E-2', workingDay: '2026-01-27' },
        ),
        // Unmapped: no working day yet, matched by its own date.
        stranger: await punch(
          { personId: 'p-x', personName: 'Xavier', personCode: 'X-9', eventTime: '2026-01-27T07:00:00-03:00', doorName: 'Reloj Entrada' },
          { outcome: 'unmapped' },
        ),
        later: await punch(
          { personId: 'p-bob', personName: 'Bob', eventTime: '2026-02-03T09:00:00-03:00', doorName: 'Reloj Entrada' },
          { employeeId: 'E-2', workingDay: '2026-02-03' },
        ),
      };
    }

    it('pages a range by working day (or event date while undecided), with a true count', async () => {
      const ids = await fill();
      const range = { from: '2026-01-26', to: '2026-01-27' };
      expect(await store.countPunchRange(range)).toBe(6);
      const first = await store.findPunchPage({ ...range, limit: 4 });
      const second = await store.findPunchPage({ ...range, limit: 4, offset: 4 });
      expect([...first, ...second].map((p) => p.id)).toEqual([ids.anaIn, ids.anaDoor, ids.anaOut, ids.stranger, ids.bob, ids.anaNight]);
      const newest = await store.findPunchPage({ ...range, limit: 2, order: 'desc' });
      expect(newest.map((p) => p.id)).toEqual([ids.anaNight, ids.bob]);
      expect(await store.countPunchRange({ from: '2026-01-27', to: '2026-01-27' })).toBe(3);
      expect(await store.countPunchRange({})).toBe(7);
    });

    it('keeps a punch whose time could not be read in the range of the date it carries', async () => {
      await fill();
      const { newPunchIds } = await store.ingest([item(makeEvent({ personId: 'p-odd', eventTime: '2026-01-27T25:99:00 local' }))], 'poll', 1000);
      await store.updatePunches([{ id: newPunchIds[0]!, outcome: 'received' }], 2000);
      const page = await store.findPunchPage({ from: '2026-01-27', to: '2026-01-27', excludeOutcomes: ['ignored'], limit: 10 });
      expect(page[0]?.id).toBe(newPunchIds[0]);
      expect(await store.countPunchRange({ from: '2026-01-28', to: '2026-01-31' })).toBe(0);
    });

    it('filters time clocks only, outcomes, people and doors (any case, part of the name)', async () => {
      const ids = await fill();
      const range = { from: '2026-01-26', to: '2026-01-27', excludeOutcomes: ['ignored' as const] };
      expect(await store.countPunchRange(range)).toBe(5);
      expect((await store.findPunchPage({ ...range, door: 'reloj', limit: 10 })).map((p) => p.id)).toEqual([
        ids.anaIn,
        ids.anaOut,
        ids.stranger,
        ids.bob,
        ids.anaNight,
      ]);
      expect((await store.findPunchPage({ from: '2026-01-26', to: '2026-01-27', door: 'SALIDA', limit: 10 })).map((p) => p.id)).toEqual([ids.bob]);
      expect(await store.countPunchRange({ door: '50%_' })).toBe(0);
      expect(await store.countPunchRange({ ...range, employeeIds: ['E-2'] })).toBe(1);
      // A person code is an employee key too; persons and employees together mean "either".
      expect(await store.countPunchRange({ ...range, employeeIds: ['X-9'] })).toBe(1);
      expect(await store.countPunchRange({ ...range, employeeIds: ['E-2'], personIds: ['p-ana'] })).toBe(4);
      expect(await store.countPunchRange({ ...range, employeeIds: [] })).toBe(0);
      expect(await store.countPunchRange({ ...range, outcomes: ['unmapped'] })).toBe(1);
    });

    it('lists who has punches in a range (by employee, by person while unmapped) and their instants', async () => {
      await fill();
      const people = await store.punchPeople({ from: '2026-01-26', to: '2026-01-27', excludeOutcomes: ['ignored'] });
      expect(people).toEqual([
        { employeeId: null, personId: 'p-x', personName: 'Xavier', personCode: 'X-9', punches: 1 },
        { employeeId: 'E-1', personId: null, personName: 'Ana Test', personCode: null, punches: 3 },
        { employeeId: 'E-2', personId: null, personName: 'Bob', personCode: null, punches: 1 },
      ]);
      const instants = await store.punchInstants({ from: '2026-01-27', to: '2026-01-27' });
      expect(instants).toEqual([Date.parse('2026-01-27T07:00:00-03:00'), Date.parse('2026-01-27T09:00:00-03:00'), Date.parse('2026-01-28T01:00:00-03:00')]);
    });
  });
}
