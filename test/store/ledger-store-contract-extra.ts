import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import type { LedgerStore } from '../../src/store/store.js';
import type { LedgerStoreFactory } from './ledger-store-contract.js';
import { item, makeEvent } from './make-event.js';

export interface ExtraContractOptions {
  /** The ledger is shared by several processes: the delivery lease really excludes a second owner. */
  readonly sharedLease: boolean;
}

/**
 * More of what every LedgerStore must do alike (queries, caches, guarded updates, the delivery
 * lease), beside the core contract in ledger-store-contract.ts; run over SQLite and PostgreSQL.
 */
export function describeLedgerStoreExtraContract(name: string, makeFactory: () => LedgerStoreFactory, options: ExtraContractOptions): void {
  describe(`${name}: ledger contract (queries, caches, guarded updates, lease)`, () => {
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

    it('gives back every field of a punch as it was recorded and updated', async () => {
      const event = makeEvent({ personCode: 'E-7', cardNo: '12345', inAndOutType: 0, raw: { nested: { list: [1, 'two', null] }, text: 'ñandú "quoted"' } });
      const { newPunchIds } = await store.ingest([item(event)], 'backfill', 1000);
      const id = newPunchIds[0]!;
      const request = { employeeId: 'E-7', now: '2026-01-27T08:00:05.000-03:00', comment: 'Facial Entrada' };
      await store.updatePunches(
        [
          {
            id,
            outcome: 'sending',
            reason: 'why',
            employeeId: 'E-7',
            entryType: 'START',
            workingDay: '2026-01-27',
            request,
            humandEntryId: 'h-1',
            attempts: 3,
            nextAttemptMs: 1_769_500_000_000,
            reconcileNeeded: true,
            priority: 'live',
          },
        ],
        2000,
      );
      const punch = await store.getPunch(id);
      expect(punch).toEqual({
        id,
        correlationId: `p-${id}`,
        eventId: event.eventId,
        source: 'backfill',
        priority: 'live',
        eventCode: event.eventCode,
        eventTime: event.eventTime,
        eventMs: Date.parse(event.eventTime),
        utcOffsetMinutes: -180,
        personId: event.personId,
        personCode: 'E-7',
        personName: event.personName,
        cardNo: '12345',
        doorIndexCode: event.doorIndexCode,
        doorName: event.doorName,
        readerIndexCode: event.readerIndexCode,
        readerName: event.readerName,
        checkInAndOutType: event.checkInAndOutType,
        inAndOutType: 0,
        raw: event.raw,
        outcome: 'sending',
        reason: 'why',
        employeeId: 'E-7',
        entryType: 'START',
        workingDay: '2026-01-27',
        request,
        humandEntryId: 'h-1',
        attempts: 3,
        nextAttemptMs: 1_769_500_000_000,
        reconcileNeeded: true,
        receivedMs: 1000,
        updatedMs: 2000,
      });
      expect(await store.getPunch(id + 1000)).toBeNull();
    });

    it('keeps an event whose time cannot be read (no natural key: copies collapse only by eventId), listed first', async () => {
      const unreadable = makeEvent({ eventTime: 'yesterday-ish' });
      const readable = makeEvent({ personId: 'person-2' });
      const first = await store.ingest([item(readable), item(unreadable)], 'poll', 1000);
      const again = await store.ingest([item(unreadable), item({ ...unreadable, eventId: 'other-id' })], 'poll', 2000);
      expect(first.newPunchIds).toHaveLength(2);
      expect(again).toMatchObject({ duplicates: 1 });
      expect(again.newPunchIds).toHaveLength(1);
      const all = await store.findPunches({});
      expect(all.map((p) => p.eventMs)).toEqual([null, null, Date.parse(readable.eventTime)]);
      expect((await store.findPunches({ order: 'desc' })).map((p) => p.eventMs)).toEqual([Date.parse(readable.eventTime), null, null]);
    });

    it('finds punches by employee, date, door, person, outcome and id, with a limit and an order', async () => {
      const events = [
        makeEvent({ personId: 'a', eventTime: '2026-01-27T07:00:00-03:00', doorIndexCode: 'door-1', doorName: 'Main', readerName: 'Face In' }),
        makeEvent({ personId: 'a', eventTime: '2026-01-27T17:00:00-03:00', doorIndexCode: 'door-2', doorName: 'Back', readerName: 'Face Out' }),
        makeEvent({ personId: 'b', eventTime: '2026-01-28T02:00:00-03:00', personCode: 'B-CODE' }),
        makeEvent({ personId: 'c', eventTime: '2026-01-28T09:00:00-03:00' }),
      ];
      const [a7, a17, b2, c9] = (await store.ingest(events.map(item), 'poll', 1000)).newPunchIds as [number, number, number, number];
      await store.updatePunches(
        [
          { id: a7, outcome: 'delivered', employeeId: 'A', workingDay: '2026-01-27' },
          { id: a17, outcome: 'queued', employeeId: 'A', workingDay: '2026-01-27' },
          // 02:00 belongs to the previous working day.
          { id: b2, outcome: 'unmapped', workingDay: '2026-01-27' },
        ],
        2000,
      );
      const ids = async (query: Parameters<LedgerStore['findPunches']>[0]) => (await store.findPunches(query)).map((p) => p.id);
      expect(await ids({ employeeId: 'A' })).toEqual([a7, a17]);
      expect(await ids({ employeeId: 'B-CODE' })).toEqual([b2]);
      expect(await ids({ date: '2026-01-27' })).toEqual([a7, a17, b2]);
      expect(await ids({ date: '2026-01-28' })).toEqual([c9]);
      expect(await ids({ door: 'Back' })).toEqual([a17]);
      expect(await ids({ door: 'door-1' })).toEqual([a7, b2, c9]);
      expect(await ids({ door: 'Face In' })).toEqual([a7]);
      expect(await ids({ personId: 'c' })).toEqual([c9]);
      expect(await ids({ outcome: 'received' })).toEqual([c9]);
      expect(await ids({ outcome: ['queued', 'unmapped'] })).toEqual([a17, b2]);
      expect(await ids({ outcome: [] })).toEqual([]);
      expect(await ids({ ids: [c9, a7] })).toEqual([a7, c9]);
      expect(await ids({ ids: [] })).toEqual([]);
      expect(await ids({ limit: 2, order: 'desc' })).toEqual([c9, b2]);
      expect(await ids({ employeeId: 'A', date: '2026-01-27', outcome: 'queued' })).toEqual([a17]);
      expect((await store.listByOutcome(['received', 'delivered'])).map((p) => p.id)).toEqual([a7, c9]);

      expect(
        (await store.employeePunches('A', Date.parse(events[0]!.eventTime), Date.parse(events[1]!.eventTime), ['queued', 'delivered'])).map((p) => p.id),
      ).toEqual([a7, a17]);
      expect(
        (await store.employeePunches('A', Date.parse(events[0]!.eventTime) + 1, Date.parse(events[1]!.eventTime), ['queued', 'delivered'])).map((p) => p.id),
      ).toEqual([a17]);
      expect(await store.employeePunches('A', 0, Number.MAX_SAFE_INTEGER, ['dead'])).toEqual([]);

      expect(await store.oldestEventMs(['queued', 'unmapped'])).toBe(Date.parse(events[1]!.eventTime));
      expect(await store.oldestEventMs(['dead'])).toBeNull();
      expect(await store.oldestReceivedMs(['queued', 'unmapped'])).toBe(1000);
      expect(await store.oldestReceivedMs(['dead'])).toBeNull();

      const today = await store.countsByOutcome('2026-01-27');
      expect([today.delivered, today.queued, today.unmapped, today.received]).toEqual([1, 1, 1, 0]);
      const all = await store.countsByOutcome();
      expect(Object.values(all).reduce((a, b) => a + b, 0)).toBe(4);
      expect(all.received).toBe(1);
    });

    it('moves every punch of one outcome to another and says how many', async () => {
      const { newPunchIds } = await store.ingest(
        [item(makeEvent({ personId: 'x' })), item(makeEvent({ personId: 'y' })), item(makeEvent({ personId: 'z' }))],
        'poll',
        1000,
      );
      await store.updatePunches(
        newPunchIds.slice(0, 2).map((id) => ({ id, outcome: 'dry-run' as const, reason: 'dry run' })),
        2000,
      );
      expect(await store.resetOutcome('dry-run', 'received', null, 3000)).toBe(2);
      expect(await store.resetOutcome('dry-run', 'received', null, 4000)).toBe(0);
      const punch = await store.getPunch(newPunchIds[0]!);
      expect(punch).toMatchObject({ outcome: 'received', reason: null, updatedMs: 3000 });
    });

    it('applies a guarded update only while the punch is still in the expected outcome', async () => {
      const { newPunchIds } = await store.ingest([item(makeEvent())], 'poll', 1000);
      const id = newPunchIds[0]!;
      await store.updatePunches([{ id, outcome: 'queued', employeeId: 'E', expectedOutcome: 'received' }], 2000);
      expect((await store.getPunch(id))?.outcome).toBe('queued');
      // Another instance decided it meanwhile: the stale decision is dropped, not an error.
      await store.updatePunches([{ id, outcome: 'unmapped', employeeId: null, expectedOutcome: 'received' }], 3000);
      expect(await store.getPunch(id)).toMatchObject({ outcome: 'queued', employeeId: 'E', updatedMs: 2000 });
      await expect(store.updatePunches([{ id: id + 999, outcome: 'queued', expectedOutcome: 'received' }], 4000)).rejects.toBeInstanceOf(StoreError);
    });

    it('updates all or nothing: one unknown punch in a batch leaves the others as they were', async () => {
      const { newPunchIds } = await store.ingest([item(makeEvent({ personId: 'x' })), item(makeEvent({ personId: 'y' }))], 'poll', 1000);
      await expect(
        store.updatePunches(
          [
            { id: newPunchIds[0]!, outcome: 'queued' },
            { id: 999_999, outcome: 'queued' },
            { id: newPunchIds[1]!, outcome: 'queued' },
          ],
          2000,
        ),
      ).rejects.toBeInstanceOf(StoreError);
      expect((await store.findPunches({})).map((p) => p.outcome)).toEqual(['received', 'received']);
    });

    it('records attempts in order and reads them back', async () => {
      const { newPunchIds } = await store.ingest([item(makeEvent())], 'poll', 1000);
      const id = newPunchIds[0]!;
      await store.recordAttempt({
        punchId: id,
        atMs: 10,
        kind: 'reconcile',
        method: 'GET',
        path: '/entries',
        requestBody: null,
        status: 200,
        result: 'ok',
        message: null,
      });
      await store.recordAttempt({
        punchId: id,
        atMs: 20,
        kind: 'clock',
        method: 'POST',
        path: '/clockIn',
        requestBody: { a: 1 },
        status: 503,
        result: 'transient',
        message: 'busy',
      });
      expect(await store.attemptsOf(id)).toEqual([
        { punchId: id, atMs: 10, kind: 'reconcile', method: 'GET', path: '/entries', requestBody: null, status: 200, result: 'ok', message: null },
        { punchId: id, atMs: 20, kind: 'clock', method: 'POST', path: '/clockIn', requestBody: { a: 1 }, status: 503, result: 'transient', message: 'busy' },
      ]);
      expect(await store.attemptsOf(id + 1)).toEqual([]);
    });

    it('reads the attempts of several punches at once, each in its order', async () => {
      const { newPunchIds } = await store.ingest(
        [item(makeEvent({ personId: 'a' })), item(makeEvent({ personId: 'b' })), item(makeEvent({ personId: 'c' }))],
        'poll',
        1000,
      );
      const [a, b, c] = newPunchIds as [number, number, number];
      const attempt = (punchId: number, atMs: number) => ({
        punchId,
        atMs,
        kind: 'clock' as const,
        method: 'POST',
        path: '/clockIn',
        requestBody: null,
        status: 201,
        result: 'ok',
        message: null,
      });
      await store.recordAttempt(attempt(b, 10));
      await store.recordAttempt(attempt(a, 20));
      await store.recordAttempt(attempt(b, 30));
      await store.recordAttempt(attempt(c, 40));
      const many = await store.attemptsOfMany([a, b]);
      expect([...many.keys()].sort()).toEqual([a, b].sort());
      expect(many.get(a)?.map((x) => x.atMs)).toEqual([20]);
      expect(many.get(b)?.map((x) => x.atMs)).toEqual([10, 30]);
      expect((await store.attemptsOfMany([])).size).toBe(0);
    });

    it('keeps cursors and small state, overwritten and cleared', async () => {
      await store.setCursor('poll', 100, 1);
      await store.setCursor('poll', 200, 2);
      expect(await store.getCursor('poll')).toBe(200);
      expect(await store.getMeta('pause')).toBeNull();
      await store.setMeta('pause', '{"reason":"401"}');
      await store.setMeta('pause', '{"reason":"403"}');
      expect(await store.getMeta('pause')).toBe('{"reason":"403"}');
      await store.setMeta('pause', null);
      expect(await store.getMeta('pause')).toBeNull();
    });

    it('changes one small state value from what it is (read-modify-write in one step); null removes it', async () => {
      const seen: (string | null)[] = [];
      const append = (current: string | null) => {
        seen.push(current);
        return `${current ?? ''}x`;
      };
      expect(await store.updateMeta('errors', append)).toBe('x');
      expect(await store.updateMeta('errors', append)).toBe('xx');
      expect(seen).toEqual([null, 'x']);
      expect(await store.getMeta('errors')).toBe('xx');
      expect(await store.updateMeta('errors', () => null)).toBeNull();
      expect(await store.getMeta('errors')).toBeNull();
    });

    it('replaces the persons cache with a full listing, and upserts single persons', async () => {
      await store.replacePersons(
        [
          { personId: 'p2', personCode: 'C2', personName: 'Two', cardNos: [], customFields: {} },
          { personId: 'p1', personCode: null, personName: null, cardNos: ['1', '2'], customFields: { Legajo: 'L-1' } },
        ],
        1000,
      );
      await store.replacePersons(
        [
          { personId: 'p3', personCode: 'C3', personName: 'Three', cardNos: [], customFields: {} },
          { personId: 'p1', personCode: 'C1', personName: 'One', cardNos: ['9'], customFields: {} },
        ],
        2000,
      );
      expect((await store.listPersons()).map((p) => p.personId)).toEqual(['p1', 'p3']);
      expect(await store.getPerson('p2')).toBeNull();
      expect(await store.getPerson('p1')).toEqual({ personId: 'p1', personCode: 'C1', personName: 'One', cardNos: ['9'], customFields: {} });
      expect(await store.personsRefreshedAt()).toBe(2000);
      await store.upsertPerson({ personId: 'p4', personCode: 'C4', personName: 'Four', cardNos: [], customFields: { a: 'b' } }, 3000);
      await store.upsertPerson({ personId: 'p1', personCode: 'C1b', personName: 'One', cardNos: [], customFields: {} }, 3000);
      expect((await store.listPersons()).map((p) => `${p.personId}:${p.personCode}`)).toEqual(['p1:C1b', 'p3:C3', 'p4:C4']);
      expect(await store.personsRefreshedAt()).toBe(2000);
    });

    it('replaces the users cache: gone users and their fields are no longer found', async () => {
      const user = (employeeInternalId: string, fields: Record<string, string>, status = 'ACTIVE') => ({
        id: Number(employeeInternalId),
        employeeInternalId,
        email: null,
        firstName: 'F',
        lastName: 'L',
        status,
        fields,
      });
      await store.replaceUsers([user('2', { Legajo: 'L-2' }), user('1', { Legajo: 'L-1', Site: 'North' })], 1000);
      expect((await store.findUsersByField('Site', 'North')).map((u) => u.employeeInternalId)).toEqual(['1']);
      await store.replaceUsers([user('3', { Legajo: 'L-1' }, 'DEACTIVATED'), user('1', { Legajo: 'L-1' })], 2000);
      expect((await store.listUsers()).map((u) => u.employeeInternalId)).toEqual(['1', '3']);
      expect(await store.getUser('2')).toBeNull();
      expect(await store.findUsersByField('Site', 'North')).toEqual([]);
      expect((await store.findUsersByField('Legajo', 'L-1')).map((u) => `${u.employeeInternalId}:${u.status}`)).toEqual(['1:ACTIVE', '3:DEACTIVATED']);
      expect(await store.getUser('1')).toEqual({
        id: '1',
        employeeInternalId: '1',
        email: null,
        firstName: 'F',
        lastName: 'L',
        status: 'ACTIVE',
        fields: { Legajo: 'L-1' },
      });
      expect(await store.usersRefreshedAt()).toBe(2000);
      // A listing that names someone twice (pages shifting under the reader) keeps the last.
      await store.replaceUsers([user('5', { Legajo: 'old' }), user('5', { Legajo: 'new' }, 'DEACTIVATED')], 3000);
      expect(await store.listUsers()).toEqual([{ ...user('5', { Legajo: 'new' }, 'DEACTIVATED'), id: '5' }]);
      await store.replacePersons(
        [
          { personId: 'p9', personCode: 'old', personName: null, cardNos: [], customFields: {} },
          { personId: 'p9', personCode: 'new', personName: null, cardNos: [], customFields: {} },
        ],
        3000,
      );
      expect((await store.listPersons()).map((p) => p.personCode)).toEqual(['new']);
    });

    it('lets the delivering instance take, renew and release the delivery lease', async () => {
      expect(store.tryAcquireDeliveryLease).toBeDefined();
      expect(await store.tryAcquireDeliveryLease!('me', 30_000, 1_000)).toBe(true);
      expect(await store.tryAcquireDeliveryLease!('me', 30_000, 11_000)).toBe(true);
      expect(await store.deliveryLeaseHolder!()).toEqual({ ownerId: 'me', acquiredMs: 1_000, expiresMs: 41_000, epoch: 1, previousHolder: null });
      await store.releaseDeliveryLease!('me');
      expect(await store.deliveryLeaseHolder!()).toBeNull();
    });

    it.runIf(options.sharedLease)('gives the delivery lease to one owner at a time, and to another once it expires or is released', async () => {
      expect(await store.tryAcquireDeliveryLease!('a', 30_000, 1_000)).toBe(true);
      expect(await store.tryAcquireDeliveryLease!('b', 30_000, 30_999)).toBe(false);
      await store.releaseDeliveryLease!('b'); // not b's to release
      expect((await store.deliveryLeaseHolder!())?.ownerId).toBe('a');
      expect(await store.tryAcquireDeliveryLease!('b', 30_000, 31_000)).toBe(true);
      expect(await store.tryAcquireDeliveryLease!('a', 30_000, 31_001)).toBe(false);
      // Another owner took it: the fencing token grew.
      expect(await store.deliveryLeaseHolder!()).toEqual({
        ownerId: 'b',
        acquiredMs: 31_000,
        expiresMs: 61_000,
        epoch: 2,
        previousHolder: { ownerId: 'a', expiredMs: 31_000 },
      });
      expect(await store.tryAcquireDeliveryLease!('b', 30_000, 40_000)).toBe(true);
      expect((await store.deliveryLeaseHolder!())?.epoch).toBe(2);
      await store.releaseDeliveryLease!('b');
      expect(await store.tryAcquireDeliveryLease!('a', 30_000, 41_002)).toBe(true);
      // Released and taken again: still growing, never back to 1; handed over without a wait.
      expect((await store.deliveryLeaseHolder!())?.epoch).toBe(3);
      expect((await store.deliveryLeaseHolder!())?.previousHolder).toEqual({ ownerId: 'b', expiredMs: null });
      await store.releaseDeliveryLease!('a');
      expect(await store.tryAcquireDeliveryLease!('a', 30_000, 42_000)).toBe(true);
      expect((await store.deliveryLeaseHolder!())?.epoch).toBe(4);
    });
  });
}
