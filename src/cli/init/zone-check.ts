import { DateTime } from 'luxon';
import type { AccessEvent } from '../../domain/access-event.js';

/**
 * Compares the UTC offsets HikCentral writes into its event times with the chosen site time
 * zone at those instants, as events stream by.
 */
export class ZoneTally {
  readonly #offsets = new Map<string, number>();
  #agree = 0;
  #total = 0;

  constructor(private readonly zone: string) {}

  add(event: AccessEvent): void {
    const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(event.eventTime)?.[1];
    if (offset === undefined) return;
    const at = DateTime.fromISO(event.eventTime, { setZone: true });
    if (!at.isValid) return;
    this.#total += 1;
    const name = offset === 'Z' ? '+00:00' : offset;
    this.#offsets.set(name, (this.#offsets.get(name) ?? 0) + 1);
    if (at.setZone(this.zone).offset === at.offset) this.#agree += 1;
  }

  /** Null when no event carried an offset (nothing to compare); `seen` lists the offsets, most frequent first. */
  result(): { readonly agree: number; readonly total: number; readonly seen: string } | null {
    if (this.#total === 0) return null;
    const seen = [...this.#offsets.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([offset]) => offset)
      .join(', ');
    return { agree: this.#agree, total: this.#total, seen };
  }
}
