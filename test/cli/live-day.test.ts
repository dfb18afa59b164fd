import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { liveWorkingDay } from '../../src/cli/demo/live-day.js';

const ZONE = 'America/Argentina/Buenos_Aires';
const NOW = Date.UTC(2026, 0, 27, 15, 0, 0);

describe('the demo day played live', () => {
  const day = liveWorkingDay({ employees: 40, seed: 1, timezone: ZONE, speed: 60, startAt: '05:45', nowMs: NOW });
  const events = day.scenario.events;

  it('starts at the chosen site time and runs `speed` times faster than the wall clock', () => {
    expect(day.dayTimeAt(NOW)).toBe('05:45');
    expect(day.dayTimeAt(NOW + 60_000)).toBe('06:45');
    // A 24-hour day (plus the night shift's morning) is over within about half an hour at 60x.
    expect(day.endsAtMs - NOW).toBeGreaterThan(15 * 60_000);
    expect(day.endsAtMs - NOW).toBeLessThan(40 * 60_000);
  });

  it('keeps whole seconds, arrival after the event, and most of the day still ahead', () => {
    for (const event of events) {
      expect(event.eventTime % 1000).toBe(0);
      expect(event.arrivalTime).toBeGreaterThanOrEqual(event.eventTime);
    }
    const alreadyVisible = events.filter((event) => event.arrivalTime <= NOW).length;
    expect(alreadyVisible).toBeGreaterThan(0); // a small backlog to show at once (the night before, early arrivals)
    expect(alreadyVisible).toBeLessThan(events.length / 4);
  });

  it("never puts two of one person's events in the same second, and keeps their order", () => {
    const byPerson = new Map<string, number[]>();
    for (const event of events) {
      if (event.personId === null) continue;
      byPerson.set(event.personId, [...(byPerson.get(event.personId) ?? []), event.eventTime]);
    }
    expect(byPerson.size).toBeGreaterThan(30);
    for (const times of byPerson.values()) {
      for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
    }
  });

  it('writes the events on the wall clock of today in the site zone', () => {
    const first = DateTime.fromMillis(events[0]!.eventTime, { zone: ZONE });
    expect(Math.abs(first.toMillis() - NOW)).toBeLessThan(3 * 3_600_000);
    expect(day.expectedPunches).toBeGreaterThan(40);
  });
});
