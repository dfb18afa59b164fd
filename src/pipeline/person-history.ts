import type { HikPerson } from '../domain/hik-person.js';

/**
 * What HikCentral once said about a person that is gone from its listing or whose personCode
 * changed. Only such persons are kept: an unchanged site keeps nothing here.
 */
export interface PersonHistoryEntry {
  /** The person as last listed (with the latest code). */
  readonly last: HikPerson;
  /** Codes in the order they were seen; `fromMs` null for the first one (in force since ever). */
  readonly codes: ReadonlyArray<{ readonly code: string | null; readonly fromMs: number | null }>;
  /** When a listing first missed the person; null while HikCentral still lists them. */
  readonly removedMs: number | null;
}

export type PersonHistory = Readonly<Record<string, PersonHistoryEntry>>;

/**
 * The history after a full listing: persons missing from it are kept as removed (last known
 * code), a changed personCode is recorded as applying from `nowMs` (the listing that saw it:
 * the nearest we know of when it happened), and a person listed again is no longer removed.
 */
export function updatePersonHistory(history: PersonHistory, before: readonly HikPerson[], after: readonly HikPerson[], nowMs: number): PersonHistory {
  const next: Record<string, PersonHistoryEntry> = { ...history };
  const listed = new Map(after.map((person) => [person.personId, person]));
  for (const old of before) {
    const current = listed.get(old.personId);
    const kept = next[old.personId];
    const codes = kept?.codes ?? [{ code: old.personCode, fromMs: null }];
    if (current === undefined) {
      if (kept?.removedMs == null) next[old.personId] = { last: old, codes, removedMs: nowMs };
    } else if ((current.personCode ?? null) !== (old.personCode ?? null)) {
      next[old.personId] = { last: current, codes: [...codes, { code: current.personCode, fromMs: nowMs }], removedMs: null };
    }
  }
  for (const [personId, entry] of Object.entries(next)) {
    const current = listed.get(personId);
    if (current !== undefined && entry.removedMs !== null) {
      const lastCode = entry.codes[entry.codes.length - 1]?.code ?? null;
      const codes = lastCode === (current.personCode ?? null) ? entry.codes : [...entry.codes, { code: current.personCode, fromMs: nowMs }];
      next[personId] = { last: current, codes, removedMs: null };
    }
  }
  return next;
}

/** The personCode in force at `atMs` (the latest one when `atMs` is unknown). */
export function codeAt(entry: PersonHistoryEntry, atMs: number | null): string | null {
  let code: string | null = entry.last.personCode;
  if (atMs === null) return code;
  for (const step of entry.codes) {
    if (step.fromMs === null || step.fromMs <= atMs) code = step.code;
  }
  return code;
}

/** The person as known at `atMs`: the last listing, with the code then in force. */
export function personAt(entry: PersonHistoryEntry, atMs: number | null): HikPerson {
  return { ...entry.last, personCode: codeAt(entry, atMs) };
}

/**
 * A person nobody lists any more and no history kept (e.g. deleted before this version ran):
 * the code recorded on their own punches, the latest one at or before `atMs` first, else the
 * earliest after it. Punches are given newest first.
 */
export function personFromPunches(
  personId: string,
  punches: ReadonlyArray<{ readonly eventMs: number | null; readonly personCode: string | null; readonly personName: string | null }>,
  atMs: number | null,
): HikPerson | null {
  const withCode = punches.filter((punch) => punch.personCode !== null && punch.personCode.trim() !== '');
  const known = (atMs === null ? withCode[0] : withCode.find((punch) => punch.eventMs !== null && punch.eventMs <= atMs)) ?? withCode[withCode.length - 1];
  if (known === undefined) return null;
  return { personId, personCode: known.personCode, personName: known.personName, cardNos: [], customFields: {} };
}
