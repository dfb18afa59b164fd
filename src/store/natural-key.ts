import type { AccessEvent } from '../domain/access-event.js';

/**
 * The identity of a punch that survives re-sends with new eventIds: the person, the
 * event instant truncated to the second (UTC), and the door. Poll and push both carry
 * personId and the door (push's `srcIndex`); reader codes may be missing in one of them,
 * so they are not part of the key. Events that name nobody have no natural key.
 */
export function naturalKeyOf(event: AccessEvent, eventMs: number | null): string | null {
  if (event.personId === null || event.personId === '' || eventMs === null) return null;
  const second = Math.floor(eventMs / 1000);
  return `${event.personId}|${second}|${event.doorIndexCode ?? ''}`;
}
