import type { TimeTrackingEntry } from '../domain/humand.js';
import { toDomainEntry } from './map-to-domain.js';
import { daySummariesPageSchema } from './response-schemas.js';
import { issuePaths, type Parsed } from './parse-helpers.js';

/** A day-summaries page → each summary's entries (the employee taken from the summary when an entry lacks it). */
export function parseDaySummaries(json: unknown): Parsed<DaySummaryEntries[]> & { readonly pageLength?: number } {
  const parsed = daySummariesPageSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `unexpected day summaries page: ${issuePaths(parsed.error)}` };
  const summaries: DaySummaryEntries[] = [];
  for (const item of parsed.data.items) {
    const employeeId = item.employeeId ?? item.employeeInternalId ?? null;
    const entries: TimeTrackingEntry[] = [];
    for (const wire of item.entries ?? []) {
      const entry = toDomainEntry(
        { ...wire, referenceDate: wire.referenceDate ?? item.referenceDate ?? null },
        employeeId === null ? {} : { employeeInternalId: employeeId },
      );
      if (!entry) return { ok: false, message: `entry ${String(wire.id)} has no time` };
      entries.push(entry);
    }
    summaries.push({ key: `${String(item.id ?? '')}/${employeeId ?? ''}/${item.referenceDate ?? ''}`, entries });
  }
  return { ok: true, value: summaries, pageLength: parsed.data.items.length };
}

/** One day summary as read: a key for paging checks, and its entries. */
export interface DaySummaryEntries {
  readonly key: string;
  readonly entries: readonly TimeTrackingEntry[];
}

export function summaryIdentity(summary: DaySummaryEntries): string {
  return summary.key;
}
