import type { PunchOutcome, PunchRecord } from '../../store/punch.js';
import type { PunchRangeQuery } from '../../store/punch-range.js';
import type { OpsDataSource } from '../data-source.js';
import { peopleMatching } from './people-search.js';
import { attemptView, punchView, type AttemptView, type PunchView } from './punch-view.js';
import { matchesWords, searchWords } from './text-match.js';

export interface PunchSearch {
  /** Employee id, HikCentral person id / code, card number, or words of the name (any order, case, accents). */
  readonly employee?: string;
  /** One day, or a range with `from`/`to` (YYYY-MM-DD). */
  readonly date?: string;
  readonly from?: string;
  readonly to?: string;
  /** Part of a door's or reader's name, any case. */
  readonly door?: string;
  readonly outcome?: PunchOutcome;
  /** Leave out the `ignored` passages of doors that are not time clocks. */
  readonly timeClocksOnly?: boolean;
  readonly offset?: number;
  readonly limit?: number;
}

/** One page of a search: the rows and how many match in all ("1–200 of 1,050"). */
export interface PunchPage {
  readonly punches: readonly PunchView[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export interface PunchDetailView {
  readonly punch: PunchView;
  /** Every request made for this punch, oldest first, with Humand's answer. */
  readonly attempts: readonly AttemptView[];
  /** The employee's working day as sent to Humand, in event order. */
  readonly day: readonly PunchView[];
}

/** Without a directory match, a free-text search reads at most this many recent punches for names. */
const TEXT_SCAN_LIMIT = 5_000;

/** The range query a search means (people not yet resolved). */
function rangeOf(search: PunchSearch): PunchRangeQuery {
  const from = search.date ?? search.from;
  const to = search.date ?? search.to;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(search.door ? { door: search.door } : {}),
    ...(search.outcome ? { outcomes: [search.outcome] } : {}),
    ...(search.timeClocksOnly ? { excludeOutcomes: ['ignored'] as PunchOutcome[] } : {}),
  };
}

/**
 * Who the employee term means: the cached directories (name words in any order, code, id,
 * card, e-mail); failing those, names and cards seen on recent punches (a person HikCentral no
 * longer lists). Undefined when there is no term.
 */
async function whoIs(data: OpsDataSource, term: string, range: PunchRangeQuery): Promise<PunchRangeQuery> {
  if (term === '') return {};
  const people = peopleMatching(term, await data.persons(), await data.users());
  if ((await data.ranges.countPunchRange({ ...range, ...people })) > 0) return people;
  const words = searchWords(term);
  const recent = await data.ranges.findPunchPage({ ...range, order: 'desc', limit: TEXT_SCAN_LIMIT });
  const seen = recent.filter((p) => matchesWords(words, p.personName, p.personCode, p.cardNo, p.employeeId, p.personId));
  return {
    employeeIds: people.employeeIds,
    personIds: [...new Set([...people.personIds, ...seen.flatMap((p) => (p.personId === null ? [] : [p.personId]))])],
  };
}

/** Newest first, one page at a time, with the total that matches. */
export async function searchPunches(data: OpsDataSource, search: PunchSearch): Promise<PunchPage> {
  const limit = Math.min(Math.max(search.limit ?? 200, 1), 1000);
  const offset = Math.max(0, search.offset ?? 0);
  const range = rangeOf(search);
  const query = { ...range, ...(await whoIs(data, search.employee?.trim() ?? '', range)) };
  const [total, found] = await Promise.all([data.ranges.countPunchRange(query), data.ranges.findPunchPage({ ...query, order: 'desc', limit, offset })]);
  return { punches: found.map((p) => punchView(p, data.timezone)), total, offset, limit };
}

/** Every punch a search matches, newest first, for an export; null when there are more than `max`. */
export async function allPunches(data: OpsDataSource, search: PunchSearch, max: number): Promise<{ punches: PunchRecord[]; total: number }> {
  const range = rangeOf(search);
  const query = { ...range, ...(await whoIs(data, search.employee?.trim() ?? '', range)) };
  const total = await data.ranges.countPunchRange(query);
  if (total > max) return { punches: [], total };
  return { punches: await data.ranges.findPunchPage({ ...query, order: 'desc', limit: max }), total };
}

export async function punchDetail(data: OpsDataSource, id: number): Promise<PunchDetailView | null> {
  const [punch] = await data.punches({ ids: [id], limit: 1 });
  if (!punch) return null;
  const attempts = await data.attemptsOf(id);
  let day: PunchRecord[] = [punch];
  if (punch.workingDay !== null && (punch.employeeId !== null || punch.personId !== null)) {
    day =
      punch.employeeId !== null
        ? await data.punches({ employeeId: punch.employeeId, date: punch.workingDay, order: 'asc', limit: 500 })
        : await data.punches({ personId: punch.personId!, date: punch.workingDay, order: 'asc', limit: 500 });
  }
  return {
    punch: punchView(punch, data.timezone),
    attempts: attempts.map((a) => attemptView(a, data.timezone)),
    day: day.map((p) => punchView(p, data.timezone)),
  };
}
