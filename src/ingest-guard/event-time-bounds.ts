import { DateTime } from 'luxon';

/** The zone designator after a time of day: Z, ±hh, ±hhmm or ±hh:mm. */
const OFFSET = /T\d{2}(?::?\d{2}){0,2}(?:[.,]\d+)?(?:Z|([+-])(\d{2}):?(\d{2})?)$/i;

/**
 * Why an event time cannot be a real punch, or null when it can: an offset no zone has
 * (beyond ±14 h: it would also break Humand's time format), or a time older than the site keeps.
 * The future is not refused here: a future time is held until it is due (the evaluator).
 */
export function eventTimeProblem(text: string, nowMs: number, maxAgeMs: number, maxOffsetMinutes: number): string | null {
  const trimmed = text.trim();
  const offset = OFFSET.exec(trimmed);
  if (offset?.[1] !== undefined) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? '0');
    if (minutes > maxOffsetMinutes) {
      return `unreadable time: offset ${offset[1]}${offset[2]}:${offset[3] ?? '00'} is beyond ±${formatHours(maxOffsetMinutes)} (no real time zone)`;
    }
  }
  // Zone does not matter at this scale: a time without offset is read as UTC.
  const parsed = DateTime.fromISO(trimmed, offset ? { setZone: true } : { zone: 'UTC' });
  if (!parsed.isValid) return null; // the schema and the evaluator say what is wrong with it
  if (parsed.toMillis() < nowMs - maxAgeMs) {
    return `unreadable time: ${trimmed} is more than ${Math.round(maxAgeMs / 86_400_000)} days old (EVENT_MAX_AGE)`;
  }
  return null;
}

function formatHours(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}
