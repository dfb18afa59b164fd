import type { EntryType } from '../../domain/humand.js';

/** One entry of an employee's Humand timeline, whoever made it. */
export interface TimelineEntry {
  readonly type: EntryType;
  readonly ms: number;
  /** The date Humand files it under (the local date of its time). */
  readonly date: string;
  /** Sent by this product (one of our punches); false for the app, a kiosk, a person, Humand itself. */
  readonly ours: boolean;
  /** Our punch behind it, when it is ours. */
  readonly punchId?: number;
  /** Humand's source (APP, KIOSK, INTEGRATION, AUTO_CLOSE…), when known. */
  readonly source: string | null;
  /** How a person reads its time in a reason (site-local, e.g. `2026-01-27 10:00`). */
  readonly label: string;
}

export type HumandRefusal = { readonly kind: 'same-type-same-day'; readonly neighbour: TimelineEntry } | { readonly kind: 'end-without-start' };

/**
 * Would Humand refuse an entry of `type` at `ms` (filed under `date`)? Humand's alternation, as
 * docs/reference/humand.md states it: neither neighbour on the same date may have the same type
 * (no START, START / END, END within a day), and an END needs the entry just before it (any
 * date: night shifts) to be a START.
 */
export function humandRefusal(timeline: readonly TimelineEntry[], type: EntryType, ms: number, date: string): HumandRefusal | null {
  let previous: TimelineEntry | undefined;
  let next: TimelineEntry | undefined;
  for (const entry of timeline) {
    if (entry.ms <= ms) previous = entry;
    else {
      next = entry;
      break;
    }
  }
  const twin = [previous, next].find((entry) => entry?.type === type && entry.date === date);
  if (twin !== undefined) return { kind: 'same-type-same-day', neighbour: twin };
  if (type === 'END' && previous?.type !== 'START') return { kind: 'end-without-start' };
  return null;
}
