import type { HumandDay, TimeTrackingEntry } from '../domain/humand.js';

/**
 * Entries → one HumandDay per (employee, reference date), each in time order: Humand does not
 * promise any order inside a day summary. Entries naming no employee or no date are left out.
 */
export function groupEntriesByDay(entries: readonly TimeTrackingEntry[]): HumandDay[] {
  const days = new Map<string, { employeeId: string; date: string; entries: TimeTrackingEntry[] }>();
  for (const entry of entries) {
    if (entry.employeeInternalId === null || entry.date === null) continue;
    const key = `${entry.employeeInternalId}\u0000${entry.date}`;
    const day = days.get(key) ?? { employeeId: entry.employeeInternalId, date: entry.date, entries: [] };
    day.entries.push(entry);
    days.set(key, day);
  }
  const at = (entry: TimeTrackingEntry) => Date.parse(entry.time);
  return [...days.values()]
    .map((day) => ({ ...day, entries: [...day.entries].sort((a, b) => at(a) - at(b)) }))
    .sort((a, b) => a.employeeId.localeCompare(b.employeeId) || a.date.localeCompare(b.date));
}
