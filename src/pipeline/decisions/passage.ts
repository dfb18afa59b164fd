import type { RulesConfig, TimeClockRule } from '../../config/types.js';

/** The facts about an event that decide whether it is a time-clock passage. */
export interface PassageFacts {
  readonly eventCode: number;
  readonly personId: string | null;
  readonly doorIndexCode: string | null;
  readonly doorName: string | null;
  readonly readerIndexCode: string | null;
  readonly readerName: string | null;
}

export type PassageDecision = { readonly kind: 'time-clock'; readonly clock: TimeClockRule } | { readonly kind: 'ignored'; readonly reason: string };

function matches(selector: string | null, code: string | null, name: string | null): boolean {
  if (selector === null) return true;
  return selector === code || selector === name;
}

/** The first configured time clock the event's door/reader matches, if any. */
export function findTimeClock(facts: PassageFacts, clocks: readonly TimeClockRule[]): TimeClockRule | null {
  for (const clock of clocks) {
    if (clock.door === null && clock.reader === null) continue;
    if (matches(clock.door, facts.doorIndexCode, facts.doorName) && matches(clock.reader, facts.readerIndexCode, facts.readerName)) {
      return clock;
    }
  }
  return null;
}

/**
 * Is it a time-clock passage? Checked in this order: door-state event, not a time-clock
 * door/reader, refused or not an access-granted code, nobody named. Anything else passes.
 */
export function classifyPassage(facts: PassageFacts, rules: RulesConfig): PassageDecision {
  if (rules.doorStateEventCodes.includes(facts.eventCode)) {
    return { kind: 'ignored', reason: 'ignored: door-state event, nobody passed' };
  }
  const clock = findTimeClock(facts, rules.timeClocks);
  if (clock === null) return { kind: 'ignored', reason: 'ignored: not a time-clock door' };
  if (!rules.grantedEventCodes.includes(facts.eventCode)) {
    return rules.refusedEventCodes.includes(facts.eventCode)
      ? { kind: 'ignored', reason: 'ignored: refused access' }
      : { kind: 'ignored', reason: `ignored: event code ${facts.eventCode} is not an access-granted passage` };
  }
  if (facts.personId === null || facts.personId === '') return { kind: 'ignored', reason: 'ignored: the event names no person' };
  return { kind: 'time-clock', clock };
}
