import { DateTime } from 'luxon';
import type { AccessEvent } from '../../../src/domain/access-event.js';
import { SqliteLedgerStore } from '../../../src/store/index.js';
import type { PunchOutcome, PunchUpdate } from '../../../src/store/punch.js';

export const ZONE = 'America/Argentina/Buenos_Aires';

let counter = 0;

export interface FakePunch {
  readonly person: { id: string; code: string; name: string };
  readonly local: string; // e.g. 2026-01-27T08:00:05
  readonly door?: string;
  readonly outcome: PunchOutcome;
  readonly reason?: string;
  readonly employeeId?: string | null;
  readonly entryType?: 'START' | 'END';
}

/**
 * A ledger (real SQLite, in memory) holding punches in the given outcomes, and the
 * HikCentral persons cache holding `directory`.
 */
export async function ledgerWith(
  punches: readonly FakePunch[],
  nowMs: number,
  directory: readonly FakePunch['person'][] = [],
): Promise<{ store: SqliteLedgerStore; ids: number[] }> {
  const store = SqliteLedgerStore.open({ path: ':memory:' });
  await store.replacePersons(
    directory.map((p) => ({ personId: p.id, personCode: p.code, personName: p.name, cardNos: [], customFields: {} })),
    nowMs,
  );
  const ids: number[] = [];
  for (const p of punches) {
    counter++;
    const time = DateTime.fromISO(p.local, { zone: ZONE });
    const event: AccessEvent = {
      eventId: `evt-${counter}`,
      eventCode: 196893,
      eventTime: time.toISO({ suppressMilliseconds: true })!,
      personId: p.person.id,
      personCode: p.person.code,
      personName: p.person.name,
      cardNo: null,
      doorIndexCode: `door-${p.door ?? 'main'}`,
      doorName: p.door ?? 'Main entrance',
      readerIndexCode: 'reader-1',
      readerName: 'Face reader',
      checkInAndOutType: 1,
      inAndOutType: null,
      raw: { fake: true },
    };
    const { newPunchIds } = await store.ingest([{ event, eventMs: time.toMillis(), utcOffsetMinutes: time.offset }], 'poll', nowMs);
    const id = newPunchIds[0]!;
    ids.push(id);
    const employeeId = p.employeeId === undefined ? p.person.code : p.employeeId;
    const update: PunchUpdate = {
      id,
      outcome: p.outcome,
      reason: p.reason ?? null,
      employeeId,
      workingDay: time.toISODate(),
      entryType: p.entryType ?? null,
      request: p.entryType && employeeId ? { employeeId, now: time.toISO()!, comment: p.door ?? 'Main entrance' } : null,
    };
    await store.updatePunches([update], nowMs);
  }
  return { store, ids };
}
