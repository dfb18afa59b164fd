import { isAccessGranted, isDoorState } from './event-codes.js';
import type { ExpectedEventOutcome, ExpectedPunch, GroundTruth, HikScenario, TimeClockReader } from './types.js';

export interface GroundTruthRules {
  /** A person's granted passage this close after their previous counted passage is a double tap. */
  readonly doubleTapWindowMs?: number;
}

export const DEFAULT_DOUBLE_TAP_WINDOW_MS = 60_000;

/**
 * What a correct middleware must make of a scenario, decided by the rules alone (not by how the
 * generator meant the events), checked in this order:
 * 1. door-state codes → noise `door-state`;
 * 2. a reader that is not a time clock → `not-time-clock`;
 * 3. a code that is not access-granted → `refused`;
 * 4. no person, or a personId the site does not know → `no-person`;
 * 5. within the window after the same person's previous *counted* passage (any time clock) →
 *    `double-tap` (it collapses into the first);
 * 6. otherwise a clock-in / clock-out by the reader's direction, keyed by the person's personCode.
 * Events are taken in eventTime order (eventId breaks ties), not in arrival order.
 */
export function computeGroundTruth(
  scenario: HikScenario,
  timeClockReaders: readonly TimeClockReader[],
  rules: GroundTruthRules = {},
): GroundTruth {
  const windowMs = rules.doubleTapWindowMs ?? DEFAULT_DOUBLE_TAP_WINDOW_MS;
  const clockByReader = new Map(timeClockReaders.map((reader) => [reader.readerIndexCode, reader]));
  const codeByPersonId = new Map(scenario.persons.map((person) => [person.personId, person.personCode]));
  const lastCounted = new Map<string, number>();
  const timelines: Record<string, ExpectedPunch[]> = {};
  const events: Record<string, ExpectedEventOutcome> = {};

  const ordered = [...scenario.events].sort((a, b) => a.eventTime - b.eventTime || compareText(a.eventId, b.eventId));
  for (const event of ordered) {
    const reader = event.readerIndexCode === null ? undefined : clockByReader.get(event.readerIndexCode);
    const personCode = event.personId === null ? undefined : codeByPersonId.get(event.personId);
    if (isDoorState(event.eventType)) {
      events[event.eventId] = { kind: 'noise', reason: 'door-state' };
    } else if (reader === undefined) {
      events[event.eventId] = { kind: 'noise', reason: 'not-time-clock' };
    } else if (!isAccessGranted(event.eventType)) {
      events[event.eventId] = { kind: 'noise', reason: 'refused' };
    } else if (personCode === undefined) {
      events[event.eventId] = { kind: 'noise', reason: 'no-person' };
    } else {
      const previous = lastCounted.get(personCode);
      if (previous !== undefined && event.eventTime - previous <= windowMs) {
        events[event.eventId] = { kind: 'noise', reason: 'double-tap' };
        continue;
      }
      lastCounted.set(personCode, event.eventTime);
      const type = reader.direction === 'in' ? 'START' : 'END';
      events[event.eventId] = { kind: type === 'START' ? 'clock-in' : 'clock-out' };
      (timelines[personCode] ??= []).push({ type, time: event.eventTime, readerIndexCode: reader.readerIndexCode });
    }
  }
  return { timelines, events };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
