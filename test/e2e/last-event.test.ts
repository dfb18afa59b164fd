import { describe, expect, it } from 'vitest';
import { E2eRuns, tapBy } from './harness.js';

const NOW = Date.parse('2026-01-29T12:00:00Z');
const MINUTE = 60_000;

describe('"last event" in status (real HTTP, both simulators)', () => {
  const runs = new E2eRuns();

  it('moves only when events new to the ledger arrive — by poll, push or backfill — not when a look-back re-reads or a copy is pushed', async () => {
    const { world, app, clock } = await runs.start({ dirPrefix: 'e2e-last-event-', clockAt: NOW, employees: 6, seed: 5 });
    const [a, b] = world.day.scenario.persons;
    if (!a || !b) throw new Error('two persons expected');
    const recent = (eventId: string, personId: string, atMs: number) => ({
      eventId,
      eventType: 196893,
      eventTime: atMs,
      personId,
      doorIndexCode: '1',
      readerIndexCode: '101',
      checkInAndOutType: 1,
    });
    world.hik.state.addEvents([recent('recent-1', a.personId, NOW - 30 * MINUTE), recent('recent-2', b.personId, NOW - 20 * MINUTE)]);

    const first = await app.syncOnce();
    expect(first.poll?.fresh).toBeGreaterThan(0);
    const firstEventMs = (await app.status()).lastEventMs;
    expect(firstEventMs).not.toBeNull();

    // Ten minutes later the poll's look-back reads the same two events again: nothing new.
    clock.jumpTo(NOW + 10 * MINUTE);
    const again = await app.syncOnce();
    expect(again.poll).toMatchObject({ events: 2, fresh: 0 });
    expect((await app.status()).lastEventMs).toBe(firstEventMs);

    // A pushed copy (another eventId, same person/second/door) is not new either — but it is a push.
    const copy = tapBy({ personId: a.personId, employeeInternalId: a.personCode }, 'pushed-copy', new Date(NOW - 30 * MINUTE).toISOString());
    clock.jumpTo(NOW + 11 * MINUTE);
    expect(await app.ingest([copy], 'push')).toMatchObject({ inserted: 0, duplicates: 1 });
    let status = await app.status();
    expect(status.lastEventMs).toBe(firstEventMs);
    expect(status.lastPushMs).toBeGreaterThanOrEqual(NOW + 11 * MINUTE);

    // A new pushed event moves it.
    clock.jumpTo(NOW + 12 * MINUTE);
    await app.ingest([{ ...copy, eventId: 'pushed-new', eventTime: new Date(NOW + 12 * MINUTE - 5_000).toISOString() }], 'push');
    status = await app.status();
    expect(status.lastEventMs).toBeGreaterThanOrEqual(NOW + 12 * MINUTE);

    // So does an event found by a backfill (uploaded late, beyond the poll's look-back).
    world.hik.state.addEvents([recent('found-late', b.personId, NOW - 5 * 60 * MINUTE)]);
    clock.jumpTo(NOW + 13 * MINUTE);
    const backfill = await app.backfill({ fromMs: NOW - 6 * 60 * MINUTE, toMs: NOW - 4 * 60 * MINUTE });
    expect(backfill.scan.fresh).toBe(1);
    expect((await app.status()).lastEventMs).toBeGreaterThanOrEqual(NOW + 13 * MINUTE);
  });
});
