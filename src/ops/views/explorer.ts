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

/** A free-text search runs over at most this many recent punches. */
const TEXT_SCAN_LIMIT = 20_000;

function matchesText(punch: PunchRecord, needle: string): boolean {
  const fields = [punch.employeeId, punch.personId, punch.personCode, punch.personName, punch.cardNo];
  return fields.some((field) => field !== null && field.toLowerCase().includes(needle));
}

/** Newest first. An employee term is tried as an exact id first, then as text. */
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
    const [byEmployee, byPerson] = await Promise.all([
      data.punches({ ...base, employeeId: term, limit }),
      data.punches({ ...base, personId: term, limit }),
    ]);
    found = [...byEmployee, ...byPerson];
    if (found.length === 0) {
      const needle = term.toLowerCase();
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
