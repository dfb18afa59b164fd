import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.js';
import type { LedgerStore } from '../../src/store/store.js';
import type { AccessEvent } from '../../src/domain/access-event.js';
import { item, makeEvent } from './make-event.js';

/** How a contract run gets a fresh, empty store and reopens the same one (durability). */
export interface LedgerStoreFactory {
  open(): Promise<LedgerStore>;
  /** Closes `store` and opens the same ledger again. */
  reopen(store: LedgerStore): Promise<LedgerStore>;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every LedgerStore implementation must have (SQLite today; a PostgreSQL one can
 * run the same suite with its own factory).
 */
export function describeLedgerStoreContract(name: string, makeFactory: () => LedgerStoreFactory): void {
  describe(`${name}: ledger contract`, () => {
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
    it('collapses a copy re-sent with a new eventId into the same punch (natural key)', async () => {
      const first = makeEvent({ eventTime: '2026-01-27T08:00:05-03:00' });
      // Same person, same second (different milliseconds and offset spelling), same door, new id, reader code missing.
      const copy = makeEvent({ eventTime: '2026-01-27T11:00:05.400Z', readerIndexCode: null });
      const r1 = await store.ingest([item(first)], 'push', 1000);
      const r2 = await store.ingest([item(copy)], 'poll', 2000);
      expect(r1.newPunchIds).toHaveLength(1);
      expect(r2).toEqual({ newPunchIds: [], duplicates: 1 });
      // The copy's eventId is remembered: a third copy with that id is recognised by id alone.
      const r3 = await store.ingest([item({ ...copy, eventTime: '2026-01-27T09:00:00-03:00' })], 'poll', 3000);
      expect(r3.duplicates).toBe(1);
      expect(await store.findPunches({})).toHaveLength(1);
    });

    it('keeps punches apart when person, second or door differ', async () => {
      const base = makeEvent();
      const result = await store.ingest(
        [
          item(base),
          item(makeEvent({ eventTime: '2026-01-27T08:00:06-03:00' })),
          item(makeEvent({ personId: 'person-2' })),
          item(makeEvent({ doorIndexCode: 'door-2' })),
        ],
        'poll',
        1000,
      );
      expect(result.newPunchIds).toHaveLength(4);
      expect(result.duplicates).toBe(0);
    });

    it('recognises the same eventId within one batch and events without a person only by eventId', async () => {
      const doorOpened = makeEvent({ personId: null, eventCode: 198913 });
      const twinDoorOpened = makeEvent({ personId: null, eventCode: 198913 });
      const result = await store.ingest([item(doorOpened), item(doorOpened), item(twinDoorOpened)], 'poll', 1000);
      expect(result.newPunchIds).toHaveLength(2);
      expect(result.duplicates).toBe(1);
    });

    it('fills the personCode when a push copy brings it after a poll copy', async () => {
      const polled = makeEvent({ personCode: null });
      const pushed = makeEvent({ personCode: 'E-100' });
      const { newPunchIds } = await store.ingest([item(polled)], 'poll', 1000);
      await store.ingest([item(pushed)], 'push', 2000);
      const punch = await store.getPunch(newPunchIds[0]!);
      expect(punch?.personCode).toBe('E-100');
      expect(punch?.source).toBe('poll');
      expect(punch?.outcome).toBe('received');
      expect(punch?.correlationId).toBe(`p-${newPunchIds[0]}`);
    });

    it('ingests all or nothing: a batch that fails half way leaves no punch behind and throws a typed error', async () => {
      const good = makeEvent();
      const bad = makeEvent({ personId: 'person-9', raw: { n: 10n } }); // BigInt cannot be serialised
      await expect(store.ingest([item(good), item(bad)], 'push', 1000)).rejects.toBeInstanceOf(StoreError);
      expect(await store.findPunches({})).toHaveLength(0);
      // The good event is accepted on its own afterwards: its eventId was not half-remembered.
      expect((await store.ingest([item(good)], 'push', 2000)).newPunchIds).toHaveLength(1);
    });

    it('commits the bookkeeping of an ingest with its punches: meta always, metaWhenNew only when a punch was new, neither when it fails', async () => {
      const bookkeeping = (n: number) => ({ meta: { last_push_ms: String(n) }, metaWhenNew: { last_event_ms: String(n) } });
      const event = makeEvent();
      await store.ingest([item(event)], 'push', 1000, bookkeeping(1000));
      expect([await store.getMeta('last_push_ms'), await store.getMeta('last_event_ms')]).toEqual(['1000', '1000']);
      await store.ingest([item({ ...event, eventId: 'a-copy' })], 'push', 2000, bookkeeping(2000));
      expect([await store.getMeta('last_push_ms'), await store.getMeta('last_event_ms')]).toEqual(['2000', '1000']);
      const bad = makeEvent({ personId: 'person-9', raw: { n: 10n } }); // BigInt cannot be serialised
      await expect(store.ingest([item(makeEvent({ personId: 'person-8' })), item(bad)], 'push', 3000, bookkeeping(3000))).rejects.toBeInstanceOf(StoreError);
      expect([await store.getMeta('last_push_ms'), await store.getMeta('last_event_ms')]).toEqual(['2000', '1000']);
      store = await factory.reopen(store);
      expect([await store.getMeta('last_push_ms'), await store.getMeta('last_event_ms')]).toEqual(['2000', '1000']);
    });

    it('keeps committed punches, cursors and caches across a reopen', async () => {
      await store.ingest([item(makeEvent())], 'poll', 1000);
      await store.setCursor('poll', 123_456, 1000);
      await store.replaceUsers(
        [{ id: 7, employeeInternalId: '20123', email: null, firstName: 'A', lastName: 'B', status: 'ACTIVE', fields: { Legajo: 'L-1' } }],
        1000,
      );
      await store.replacePersons([{ personId: 'person-1', personCode: '20123', personName: 'A B', cardNos: ['555'], customFields: { Legajo: 'L-1' } }], 1000);
      store = await factory.reopen(store);
      expect(await store.findPunches({})).toHaveLength(1);
      expect(await store.getCursor('poll')).toBe(123_456);
      expect(await store.getCursor('other')).toBeNull();
      expect((await store.getUser('20123'))?.status).toBe('ACTIVE');
      expect((await store.findUsersByField('Legajo', 'L-1')).map((u) => u.employeeInternalId)).toEqual(['20123']);
      expect((await store.getPerson('person-1'))?.cardNos).toEqual(['555']);
      expect(await store.usersRefreshedAt()).toBe(1000);
    });

    it('gives, per employee, the earliest punch awaiting delivery', async () => {
      const events = [
        makeEvent({ personId: 'a', eventTime: '2026-01-27T08:00:00-03:00' }),
        makeEvent({ personId: 'a', eventTime: '2026-01-27T07:00:00-03:00' }),
        makeEvent({ personId: 'b', eventTime: '2026-01-27T09:00:00-03:00' }),
        makeEvent({ personId: 'c', eventTime: '2026-01-27T06:00:00-03:00' }),
      ];
      const { newPunchIds } = await store.ingest(events.map(item), 'poll', 1000);
      const [a8, a7, b9, c6] = newPunchIds as [number, number, number, number];
      await store.updatePunches(
        [
          { id: a8, outcome: 'queued', employeeId: 'A' },
          { id: a7, outcome: 'queued', employeeId: 'A' },
          { id: b9, outcome: 'sending', employeeId: 'B' },
          { id: c6, outcome: 'delivered', employeeId: 'C' },
        ],
        2000,
      );
      const heads = await store.deliveryHeads();
      expect(heads.map((h) => h.id)).toEqual([a7, b9]);
    });

    it('breaks ties in the delivery heads by id, puts a punch without an instant first, and ignores what no longer awaits', async () => {
      const at = (personId: string, eventTime: string, doorIndexCode = 'door-1'): AccessEvent => makeEvent({ personId, eventTime, doorIndexCode });
      const events = [
        at('a', '2026-01-27T08:00:00-03:00', 'door-2'),
        at('a', '2026-01-27T08:00:00-03:00', 'door-1'),
        at('b', '2026-01-27T08:00:00-03:00'),
        at('c', 'not a time'),
        at('c', '2026-01-27T05:00:00-03:00'),
        at('d', '2026-01-27T04:00:00-03:00'),
        at('d', '2026-01-27T09:00:00-03:00'),
        at('e', '2026-01-27T03:00:00-03:00'),
      ];
      const { newPunchIds } = await store.ingest(events.map(item), 'poll', 1000);
      const [a8second, a8first, b8, cNoTime, c5, d4, d9, e3] = newPunchIds as [number, number, number, number, number, number, number, number];
      await store.updatePunches(
        [
          { id: a8second, outcome: 'held', employeeId: 'A' },
          { id: a8first, outcome: 'queued', employeeId: 'A' },
          { id: b8, outcome: 'queued', employeeId: 'B' },
          { id: cNoTime, outcome: 'queued', employeeId: 'C' },
          { id: c5, outcome: 'queued', employeeId: 'C' },
          { id: d4, outcome: 'rejected', employeeId: 'D' },
          { id: d9, outcome: 'sending', employeeId: 'D' },
          { id: e3, outcome: 'queued' },
        ],
        2000,
      );
      // A store may number a batch in its own order: same instant, so the lower id goes first.
      const byId = (...ids: number[]): number[] => ids.sort((x, y) => x - y);
      const [aHead, aNext] = byId(a8second, a8first) as [number, number];
      expect((await store.deliveryHeads()).map((h) => h.id)).toEqual([cNoTime, ...byId(aHead, b8), d9]);
      await store.updatePunches(
        [
          { id: aHead, outcome: 'delivered' },
          { id: cNoTime, outcome: 'dead' },
        ],
        3000,
      );
      expect((await store.deliveryHeads()).map((h) => h.id)).toEqual([c5, ...byId(aNext, b8), d9]);
    });

    it('records attempts with the update in one transaction and counts outcomes', async () => {
      const { newPunchIds } = await store.ingest([item(makeEvent())], 'poll', 1000);
      const id = newPunchIds[0]!;
      const request = { employeeId: '20123', now: '2026-01-27T08:00:05.000-03:00', comment: 'Facial Entrada' };
      await store.updateWithAttempt(
        { id, outcome: 'sending', request, attempts: 1, employeeId: '20123', entryType: 'START' },
        {
          punchId: id,
          atMs: 2000,
          kind: 'clock',
          method: 'POST',
          path: '/time-tracking/entries/clockIn',
          requestBody: request,
          status: null,
          result: 'sending',
          message: null,
        },
        2000,
      );
      await expect(
        store.updateWithAttempt(
          { id: 999_999, outcome: 'delivered' },
          { punchId: id, atMs: 3000, kind: 'clock', method: 'POST', path: '/x', requestBody: null, status: 201, result: 'ok', message: null },
          3000,
        ),
      ).rejects.toBeInstanceOf(StoreError);
      expect(await store.attemptsOf(id)).toHaveLength(1);
      const punch = await store.getPunch(id);
      expect(punch?.request).toEqual(request);
      expect(punch?.outcome).toBe('sending');
      const counts = await store.countsByOutcome();
      expect(counts.sending).toBe(1);
      expect(counts.delivered).toBe(0);
    });
  });
}
