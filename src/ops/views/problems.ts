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
  /** Humand would refuse them as they are (a forgotten clock-in or clock-out…): a person decides. */
  readonly review: readonly PunchView[];
  /** Behind a dead punch of the same employee: they follow once it is re-driven. */
  readonly waiting: readonly PunchView[];
  /** The other tap of a wrong-reader pair, and taps Humand already has from another source. */
  readonly corrected: readonly PunchView[];
  readonly covered: readonly PunchView[];
  readonly held: readonly PunchView[];
  readonly suppressed: readonly PunchView[];
  readonly debounced: readonly PunchView[];
  /** Inputs that could not become punches: how many ever, and the newest (a short preview of each). */
  readonly unreadable: { readonly total: number; readonly recent: readonly UnreadableInputView[] };
}

export interface UnreadableInputView {
  readonly atLocal: string;
  readonly source: string;
  readonly reason: string;
  readonly seen: number;
  readonly preview: string;
}

const PREVIEW_CHARS = 240;

async function unreadableView(data: OpsDataSource): Promise<ProblemsView['unreadable']> {
  if (!data.unreadableInputs) return { total: 0, recent: [] };
  const summary = await data.unreadableInputs();
  const recent = summary.recent.map((entry) => {
    const text = typeof entry.raw === 'string' ? entry.raw : (JSON.stringify(entry.raw) ?? '');
    return {
      atLocal: localIso(entry.atMs, data.timezone),
      source: entry.source,
      reason: entry.reason,
      seen: entry.seen ?? 1,
      preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text,
    };
  });
  return { total: summary.total, recent };
}

const LIST_LIMIT = 200;
const UNMAPPED_SCAN_LIMIT = 50_000;

export async function buildProblems(data: OpsDataSource): Promise<ProblemsView> {
  const zone = data.timezone;
  const list = async (outcome: PunchOutcome) => (await data.punches({ outcome, order: 'desc', limit: LIST_LIMIT })).map((p) => punchView(p, zone));
  const [unmappedPunches, dead, rejected, review, waiting, corrected, covered, held, suppressed, debounced, unreadable] = await Promise.all([
    data.punches({ outcome: 'unmapped', order: 'asc', limit: UNMAPPED_SCAN_LIMIT }),
    list('dead'),
    list('rejected'),
    list('review'),
    list('waiting'),
    list('corrected'),
    list('covered'),
    list('held'),
    list('suppressed'),
    list('debounced'),
    unreadableView(data),
  ]);
  const byPerson = new Map<
    string,
    { view: Omit<UnmappedPersonView, 'waiting' | 'firstLocal' | 'lastLocal'>; waiting: number; first: number | null; last: number | null }
  >();
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
    entry.view = {
      ...entry.view,
      reason: punch.reason ?? entry.view.reason,
      personName: entry.view.personName ?? punch.personName,
      personCode: entry.view.personCode ?? punch.personCode,
    };
    byPerson.set(key, entry);
  }
  const unmapped = [...byPerson.values()]
    .map((e) => ({
      ...e.view,
      waiting: e.waiting,
      firstLocal: e.first === null ? null : localIso(e.first, zone),
      lastLocal: e.last === null ? null : localIso(e.last, zone),
    }))
    .sort((a, b) => b.waiting - a.waiting || (a.personName ?? '').localeCompare(b.personName ?? ''));
  return { unmapped, dead, rejected, review, waiting, corrected, covered, held, suppressed, debounced, unreadable };
}
