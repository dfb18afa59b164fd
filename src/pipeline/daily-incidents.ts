import { DateTime } from 'luxon';
import type { PunchOutcome } from '../store/punch.js';
import type { LedgerStore } from '../store/store.js';
import { findOpenDays } from './open-days.js';

/** What HR looks at in one working day's punches. */
export type IncidentKind = 'open-day' | 'review' | 'rejected' | 'dead' | 'unmapped';

export const INCIDENT_OUTCOMES: readonly PunchOutcome[] = ['review', 'rejected', 'dead', 'unmapped'];

/** One working day's incidents: how many of each, and who had one. */
export interface DailyIncidents {
  readonly date: string;
  readonly counts: Readonly<Record<IncidentKind, number>>;
  /** Each employee (or unmapped person) with an incident, by name, with their kinds. */
  readonly employees: readonly { readonly name: string; readonly kinds: readonly IncidentKind[] }[];
}

const PAGE = 5_000;

/**
 * The incidents of working day `date` (YYYY-MM-DD, site time): punches in review, rejected,
 * dead or unmapped, and clock-ins of that day still without a clock-out (open days, as `status`
 * counts them at `nowMs`).
 */
export async function dailyIncidents(store: LedgerStore, date: string, timezone: string, nowMs: number, maxOpenShiftMs?: number): Promise<DailyIncidents> {
  const counts: Record<IncidentKind, number> = { 'open-day': 0, review: 0, rejected: 0, dead: 0, unmapped: 0 };
  const who = new Map<string, { name: string; kinds: Set<IncidentKind> }>();
  const note = (key: string, name: string, kind: IncidentKind) => {
    counts[kind] += 1;
    const entry = who.get(key) ?? { name, kinds: new Set<IncidentKind>() };
    entry.kinds.add(kind);
    who.set(key, entry);
  };
  // The names HR knows: Humand's, else HikCentral's (a pushed event may carry none).
  const userNames = new Map((await store.listUsers()).map((u) => [u.employeeInternalId, [u.firstName, u.lastName].filter(Boolean).join(' ')]));
  const personNames = new Map((await store.listPersons()).map((p) => [p.personId, p.personName]));
  const label = (employeeId: string | null, personId: string | null, fallback: string | null): string => {
    const name = (employeeId !== null ? userNames.get(employeeId) : undefined) || (personId !== null ? personNames.get(personId) : null) || fallback;
    if (employeeId === null) return name ?? personId ?? '?';
    return name ? `${name} (${employeeId})` : employeeId;
  };
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.findPunchPage({ from: date, to: date, outcomes: INCIDENT_OUTCOMES, limit: PAGE, offset });
    for (const punch of page) {
      note(
        punch.employeeId ?? `person:${punch.personId ?? ''}`,
        label(punch.employeeId, punch.personId, punch.personName ?? punch.personCode),
        punch.outcome as IncidentKind,
      );
    }
    if (page.length < PAGE) break;
  }
  const start = DateTime.fromISO(date, { zone: timezone });
  const [fromMs, toMs] = [start.toMillis(), start.plus({ days: 1 }).toMillis()];
  for (const open of await findOpenDays(store, fromMs, nowMs, maxOpenShiftMs)) {
    if (open.startMs < toMs) note(open.employeeId, label(open.employeeId, null, null), 'open-day');
  }
  const employees = [...who.values()].map((e) => ({ name: e.name, kinds: [...e.kinds] })).sort((a, b) => a.name.localeCompare(b.name));
  return { date, counts, employees };
}
