import type { PunchRecord } from '../store/punch.js';
import type { LedgerStore } from '../store/store.js';
import { DEFAULT_DAY_RULES } from './decisions/day-decision.js';

/** A clock-in with no clock-out after the longest shift: HR must close that day in Humand. */
export interface OpenDay {
  readonly employeeId: string;
  readonly punchId: number;
  readonly startMs: number;
}

/** How far back `status` looks for open days. */
export const OPEN_DAYS_LOOKBACK_MS = 7 * 86_400_000;

/**
 * Open days in the ledger over [sinceMs, nowMs]: a clock-in that is in Humand (sent by us, or
 * covered by another source) whose next entry is not a clock-out within `maxOpenShiftMs`, once
 * that long has passed. Two clock-ins in a row are the same thing seen from the second one.
 */
export async function findOpenDays(store: LedgerStore, sinceMs: number, nowMs: number, maxOpenShiftMs = DEFAULT_DAY_RULES.maxOpenShiftMs): Promise<OpenDay[]> {
  const entries: PunchRecord[] = [];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let offset = 0; ; offset += 5_000) {
    const page = await store.findPunchPage({
      from: day(sinceMs - 86_400_000),
      to: day(nowMs + 86_400_000),
      outcomes: ['delivered', 'covered'],
      limit: 5_000,
      offset,
    });
    entries.push(...page);
    if (page.length < 5_000) break;
  }
  const byEmployee = new Map<string, PunchRecord[]>();
  for (const punch of entries) {
    if (punch.employeeId === null || punch.entryType === null || punch.eventMs === null) continue;
    byEmployee.set(punch.employeeId, [...(byEmployee.get(punch.employeeId) ?? []), punch]);
  }
  const open: OpenDay[] = [];
  for (const [employeeId, list] of byEmployee) {
    list.sort((a, b) => a.eventMs! - b.eventMs!);
    list.forEach((punch, i) => {
      if (punch.entryType !== 'START' || punch.eventMs! < sinceMs || nowMs - punch.eventMs! <= maxOpenShiftMs) return;
      const next = list[i + 1];
      if (next === undefined || next.entryType !== 'END' || next.eventMs! - punch.eventMs! > maxOpenShiftMs)
        open.push({ employeeId, punchId: punch.id, startMs: punch.eventMs! });
    });
  }
  return open.sort((a, b) => a.startMs - b.startMs);
}
