import type { PunchOutcome, PunchQuery, PunchRecord } from '../../store/punch.js';
import type { OpsDataSource } from '../data-source.js';
import { attemptView, punchView, type AttemptView, type PunchView } from './punch-view.js';

export interface PunchSearch {
  /** Employee id, HikCentral person id / code, card number, or part of the name. */
  readonly employee?: string;
  readonly date?: string;
  readonly door?: string;
  readonly outcome?: PunchOutcome;
  readonly limit?: number;
}

export interface PunchDetailView {
  readonly punch: PunchView;
  /** Every request made for this punch, oldest first, with Humand's answer. */
  readonly attempts: readonly AttemptView[];
  /** The employee's working day as sent to Humand, in event order. */
  readonly day: readonly PunchView[];
}

/** People a name search follows at most (a one-letter search should not query everyone). */
const MAX_PEOPLE = 50;
/** Without a directory match, a free-text search reads at most this many recent punches. */
const TEXT_SCAN_LIMIT = 5_000;

function includes(needle: string, ...fields: (string | null | undefined)[]): boolean {
  return fields.some((field) => field !== null && field !== undefined && field.toLowerCase().includes(needle));
}

function matchesText(punch: PunchRecord, needle: string): boolean {
  return includes(needle, punch.employeeId, punch.personId, punch.personCode, punch.personName, punch.cardNo);
}

/**
 * Who a search term may mean: HikCentral persons (name, code, id, cards) and Humand users
 * (name, employee id, e-mail) from the cached directories, so a name search reads only
 * those people's punches (by index) instead of scanning the ledger.
 */
async function peopleMatching(data: OpsDataSource, needle: string): Promise<{ personIds: string[]; employeeIds: string[] }> {
  const [persons, users] = await Promise.all([data.persons(), data.users()]);
  const personIds = persons
    .filter((p) => includes(needle, p.personId, p.personCode, p.personName, ...p.cardNos))
    .slice(0, MAX_PEOPLE)
    .map((p) => p.personId);
  const employeeIds = users
    .filter((u) => includes(needle, u.employeeInternalId, u.email, [u.firstName, u.lastName].filter(Boolean).join(' ')))
    .slice(0, MAX_PEOPLE)
    .map((u) => u.employeeInternalId);
  return { personIds, employeeIds };
}

/** Newest first. An employee term is tried as an exact id, then against the directories, then as text. */
export async function searchPunches(data: OpsDataSource, search: PunchSearch): Promise<PunchView[]> {
  const limit = Math.min(Math.max(search.limit ?? 200, 1), 1000);
  const base: PunchQuery = {
    ...(search.date ? { date: search.date } : {}),
    ...(search.door ? { door: search.door } : {}),
    ...(search.outcome ? { outcome: search.outcome } : {}),
    order: 'desc',
  };
  const term = search.employee?.trim() ?? '';
  let found: PunchRecord[];
  if (term === '') {
    found = await data.punches({ ...base, limit });
  } else {
    const needle = term.toLowerCase();
    const people = await peopleMatching(data, needle);
    const employeeIds = new Set([term, ...people.employeeIds]);
    const personIds = new Set([term, ...people.personIds]);
    const batches = await Promise.all([
      ...[...employeeIds].map((employeeId) => data.punches({ ...base, employeeId, limit })),
      ...[...personIds].map((personId) => data.punches({ ...base, personId, limit })),
    ]);
    found = batches.flat();
    if (found.length === 0) {
      found = (await data.punches({ ...base, limit: TEXT_SCAN_LIMIT })).filter((p) => matchesText(p, needle));
    }
  }
  const unique = new Map<number, PunchRecord>();
  for (const punch of found) unique.set(punch.id, punch);
  return [...unique.values()]
    .sort((a, b) => (b.eventMs ?? b.receivedMs) - (a.eventMs ?? a.receivedMs) || b.id - a.id)
    .slice(0, limit)
    .map((p) => punchView(p, data.timezone));
}

export async function punchDetail(data: OpsDataSource, id: number): Promise<PunchDetailView | null> {
  const [punch] = await data.punches({ ids: [id], limit: 1 });
  if (!punch) return null;
  const attempts = await data.attemptsOf(id);
  let day: PunchRecord[] = [punch];
  if (punch.workingDay !== null && (punch.employeeId !== null || punch.personId !== null)) {
    day = punch.employeeId !== null
      ? await data.punches({ employeeId: punch.employeeId, date: punch.workingDay, order: 'asc', limit: 500 })
      : await data.punches({ personId: punch.personId!, date: punch.workingDay, order: 'asc', limit: 500 });
  }
  return {
    punch: punchView(punch, data.timezone),
    attempts: attempts.map((a) => attemptView(a, data.timezone)),
    day: day.map((p) => punchView(p, data.timezone)),
  };
}
