import { DateTime } from 'luxon';
import type { AccessEvent } from '../../domain/access-event.js';

/**
 * Compares the UTC offsets HikCentral writes into its event times with the chosen site time
 * zone at those instants. Null when no event carries an offset (nothing to compare).
 */
export function zoneAgreement(events: readonly AccessEvent[], zone: string): { readonly agree: number; readonly total: number; readonly seen: string } | null {
  const counts = new Map<string, number>();
  let agree = 0;
  let total = 0;
  for (const event of events) {
    const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(event.eventTime)?.[1];
    if (offset === undefined) continue;
    const at = DateTime.fromISO(event.eventTime, { setZone: true });
    if (!at.isValid) continue;
    total += 1;
    counts.set(offset, (counts.get(offset) ?? 0) + 1);
    if (at.setZone(zone).offset === at.offset) agree += 1;
  }
  if (total === 0) return null;
  const seen = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([offset]) => (offset === 'Z' ? '+00:00' : offset)).join(', ');
  return { agree, total, seen };
}
