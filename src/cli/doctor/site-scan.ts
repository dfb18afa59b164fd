import type { RulesConfig, TimeClockRule } from '../../config/types.js';
import type { AccessEvent } from '../../domain/access-event.js';
import type { DoorEventQuery } from '../../domain/ports.js';
import type { HikDoor } from '../../hikcentral/door-record.js';
import { findTimeClock } from '../../pipeline/decisions/passage.js';
import { ReaderTally, type SeenReader } from '../init/readers.js';

/** What doctor reads of a HikCentral site to check the site rules against it. */
export interface SiteSource {
  listDoors(signal?: AbortSignal): Promise<HikDoor[]>;
  scanDoorEvents(query: DoorEventQuery, signal?: AbortSignal): AsyncIterable<AccessEvent>;
}

export interface SiteScan {
  readonly days: number;
  /** HikCentral's door list; null when the platform did not answer it (then `doorListError`). */
  readonly doors: readonly HikDoor[] | null;
  readonly doorListError: string | null;
  /** Every reader that had an event in the window, busiest first. */
  readonly readers: readonly SeenReader[];
  readonly events: number;
  /** Per configured clock (same order): access-granted passages of a person it matched. */
  readonly clockPassages: readonly number[];
  /** Persons with at least one such passage: personId → name. */
  readonly clockPersons: ReadonlyMap<string, string | null>;
}

/**
 * Reads the door list and the last `days` of door events once, streaming: which readers exist
 * (HikCentral lists doors but not readers, so readers are known from their events), how busy
 * each is, and who passed a configured time clock.
 */
export async function scanSite(
  source: SiteSource,
  clocks: readonly TimeClockRule[],
  rules: Pick<RulesConfig, 'grantedEventCodes'>,
  nowMs: number,
  days: number,
): Promise<SiteScan> {
  let doors: HikDoor[] | null = null;
  let doorListError: string | null = null;
  try {
    doors = await source.listDoors();
  } catch (error) {
    doorListError = error instanceof Error ? error.message : String(error);
  }
  const granted = new Set(rules.grantedEventCodes);
  const tally = new ReaderTally(granted);
  const clockPassages = clocks.map(() => 0);
  const clockPersons = new Map<string, string | null>();
  let events = 0;
  for await (const event of source.scanDoorEvents({ startMs: nowMs - days * 86_400_000, endMs: nowMs, doorIndexCodes: [], eventCodes: [] })) {
    events += 1;
    tally.add(event);
    if (!granted.has(event.eventCode) || !event.personId) continue;
    const clock = findTimeClock(event, clocks);
    if (clock === null) continue;
    clockPassages[clocks.indexOf(clock)]! += 1;
    clockPersons.set(event.personId, event.personName);
  }
  return { days, doors, doorListError, readers: tally.readers(), events, clockPassages, clockPersons };
}
