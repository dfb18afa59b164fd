import type { PunchOutcome } from '../../store/punch.js';
import type { OpsDataSource } from '../data-source.js';
import { localIso, punchView, type PunchView } from './punch-view.js';

export interface UnmappedPersonView {
  readonly personId: string | null;
  readonly personCode: string | null;
  readonly personName: string | null;
  /** Punches waiting for this person to be mapped. */
  readonly waiting: number;
  readonly firstLocal: string | null;
  readonly lastLocal: string | null;
  readonly reason: string | null;
}

export interface ProblemsView {
  readonly unmapped: readonly UnmappedPersonView[];
  readonly dead: readonly PunchView[];
  readonly rejected: readonly PunchView[];
  readonly held: readonly PunchView[];
  readonly suppressed: readonly PunchView[];
  readonly debounced: readonly PunchView[];
}

const LIST_LIMIT = 200;
const UNMAPPED_SCAN_LIMIT = 50_000;

export async function buildProblems(data: OpsDataSource): Promise<ProblemsView> {
  const zone = data.timezone;
  const list = async (outcome: PunchOutcome) =>
    (await data.punches({ outcome, order: 'desc', limit: LIST_LIMIT })).map((p) => punchView(p, zone));
  const [unmappedPunches, dead, rejected, held, suppressed, debounced] = await Promise.all([
    data.punches({ outcome: 'unmapped', order: 'asc', limit: UNMAPPED_SCAN_LIMIT }),
    list('dead'),
    list('rejected'),
    list('held'),
    list('suppressed'),
    list('debounced'),
  ]);
  const byPerson = new Map<string, { view: Omit<UnmappedPersonView, 'waiting' | 'firstLocal' | 'lastLocal'>; waiting: number; first: number | null; last: number | null }>();
  for (const punch of unmappedPunches) {
    const key = punch.personId ?? `card:${punch.cardNo ?? '?'}`;
    const entry = byPerson.get(key) ?? {
      view: { personId: punch.personId, personCode: punch.personCode, personName: punch.personName, reason: punch.reason },
      waiting: 0,
      first: null,
      last: null,
    };
    entry.waiting += 1;
    if (punch.eventMs !== null) {
      entry.first = entry.first === null ? punch.eventMs : Math.min(entry.first, punch.eventMs);
      entry.last = entry.last === null ? punch.eventMs : Math.max(entry.last, punch.eventMs);
    }
    // The newest reason says best why it is still unmapped.
    entry.view = { ...entry.view, reason: punch.reason ?? entry.view.reason, personName: entry.view.personName ?? punch.personName, personCode: entry.view.personCode ?? punch.personCode };
    byPerson.set(key, entry);
  }
  const unmapped = [...byPerson.values()]
    .map((e) => ({ ...e.view, waiting: e.waiting, firstLocal: e.first === null ? null : localIso(e.first, zone), lastLocal: e.last === null ? null : localIso(e.last, zone) }))
    .sort((a, b) => b.waiting - a.waiting || (a.personName ?? '').localeCompare(b.personName ?? ''));
  return { unmapped, dead, rejected, held, suppressed, debounced };
}
