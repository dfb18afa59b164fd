import type { EntryType, TimeTrackingEntry } from '../../domain/humand.js';

/**
 * Is this punch's entry already in Humand? Same type at the same instant, to the second.
 * This is how "the POST succeeded but the answer was lost" stays exactly-once.
 */
export function findMatchingEntry(entries: readonly TimeTrackingEntry[], type: EntryType, eventMs: number): TimeTrackingEntry | null {
  const second = Math.floor(eventMs / 1000);
  for (const entry of entries) {
    if (entry.type !== type) continue;
    const at = Date.parse(entry.time);
    if (Number.isFinite(at) && Math.floor(at / 1000) === second) return entry;
  }
  return null;
}

/** The dates to read around an entry's local date: Humand files by its own notion of the day. */
export function reconcileDateRange(localDate: string): { startDate: string; endDate: string } {
  const day = Date.parse(`${localDate}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { startDate: iso(day - 86_400_000), endDate: iso(day + 86_400_000) };
}
