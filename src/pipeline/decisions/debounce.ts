export interface CountedPassage {
  readonly id: number;
  readonly eventMs: number;
}

/**
 * A double tap: a passage within `windowMs` after the employee's previous counted passage
 * (any time clock) collapses into that one. Also when a counted passage already lies within
 * the window *after* it (an earlier copy that arrived late): the pair is already represented.
 */
export function findDoubleTap(eventMs: number, counted: readonly CountedPassage[], windowMs: number): CountedPassage | null {
  if (windowMs <= 0) return null;
  let match: CountedPassage | null = null;
  for (const passage of counted) {
    const delta = eventMs - passage.eventMs;
    if (Math.abs(delta) <= windowMs && (match === null || Math.abs(eventMs - match.eventMs) > Math.abs(delta))) match = passage;
  }
  return match;
}
