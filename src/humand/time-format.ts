import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { ConfigurationError } from '../domain/errors.js';

/**
 * The only `now` shape we send to Humand: local wall time with milliseconds and a numeric
 * offset, e.g. `2026-01-27T08:12:45.123-03:00`. `Z` is refused on purpose: Humand files an
 * entry under the date of `now` in its own offset, so a UTC `now` would put a 22:00 (-03:00)
 * punch on the next day.
 */
const HUMAND_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;
const NUMERIC_OFFSET_PATTERN = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * Formats an instant for Humand's `now` field in a fixed offset or an IANA zone.
 *
 * @param offsetOrZone `-03:00` / `+0530` / `UTC`, an IANA zone (`America/Argentina/Buenos_Aires`,
 *   DST-aware), or a number of minutes east of UTC (`-180`).
 */
export function formatHumandTime(epochMs: number, offsetOrZone: string | number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`formatHumandTime: not a finite instant: ${epochMs}`);
  const zone = resolveZone(offsetOrZone);
  return DateTime.fromMillis(epochMs, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}

/** True when `value` is exactly the shape {@link formatHumandTime} produces and is a real date-time. */
export function isHumandTime(value: string): boolean {
  if (!HUMAND_TIME_PATTERN.test(value)) return false;
  return DateTime.fromISO(value, { setZone: true }).isValid;
}

function resolveZone(offsetOrZone: string | number): FixedOffsetZone | IANAZone {
  if (typeof offsetOrZone === 'number') {
    if (!Number.isInteger(offsetOrZone) || Math.abs(offsetOrZone) > 18 * 60) {
      throw new ConfigurationError(`Invalid UTC offset in minutes: ${offsetOrZone}`, {
        hint: 'Use whole minutes between -1080 and 1080, e.g. -180 for UTC-03:00.',
      });
    }
    return FixedOffsetZone.instance(offsetOrZone);
  }
  const text = offsetOrZone.trim();
  if (text === 'Z' || text.toUpperCase() === 'UTC') return FixedOffsetZone.utcInstance;
  const numeric = NUMERIC_OFFSET_PATTERN.exec(text);
  if (numeric) {
    const [, sign, hours, minutes] = numeric;
    const total = Number(hours) * 60 + Number(minutes);
    if (total > 18 * 60 || Number(minutes) > 59) {
      throw new ConfigurationError(`Invalid UTC offset: ${text}`, { hint: 'Use ±HH:MM, e.g. -03:00.' });
    }
    return FixedOffsetZone.instance(sign === '-' ? -total : total);
  }
  const zone = IANAZone.create(text);
  if (!zone.isValid) {
    throw new ConfigurationError(`Unknown time zone: ${text}`, {
      hint: 'Use an IANA zone name such as America/Argentina/Buenos_Aires, or a fixed offset such as -03:00.',
    });
  }
  return zone;
}
