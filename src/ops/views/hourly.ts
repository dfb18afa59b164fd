import { DateTime } from 'luxon';
import type { OpsDataSource } from '../data-source.js';

export interface HourlyView {
  readonly date: string;
  /** Time-clock punches (not the `ignored` passages of other doors) per local hour, 0–23. */
  readonly hours: readonly number[];
  readonly total: number;
}

/** Clock punches of one day per hour of the site's clock, for the overview's chart. */
export async function hourlyPunches(data: OpsDataSource, date: string): Promise<HourlyView> {
  const instants = await data.ranges.punchInstants({ from: date, to: date, excludeOutcomes: ['ignored'] });
  const hours = Array.from({ length: 24 }, () => 0);
  for (const ms of instants) {
    const local = DateTime.fromMillis(ms, { zone: data.timezone });
    // A night shift's punch after midnight belongs to the working day before; it is counted at its own hour.
    hours[local.hour] = (hours[local.hour] ?? 0) + 1;
  }
  return { date, hours, total: instants.length };
}
