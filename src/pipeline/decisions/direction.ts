import type { EntryType } from '../../domain/humand.js';
import type { TimeClockRule } from '../../config/types.js';

export type DirectionDecision = { readonly ok: true; readonly type: EntryType; readonly why: string } | { readonly ok: false; readonly reason: string };

const DEVICE_IN = new Set([1, 4, 5]);
const DEVICE_OUT = new Set([2, 3, 6]);

/**
 * In or out? `door`: the clock's configured direction. `device`: the device's attendance
 * status (1/4/5 in, 2/3/6 out), falling back to the configured direction, then to
 * alternation, when it says 0/unknown. `alternate`: the opposite of the employee's last
 * entry that working day (a clock-in when there is none).
 */
export function decideDirection(input: {
  readonly clock: TimeClockRule;
  readonly checkInAndOutType: number | null;
  /** Type of the employee's last entry in the same working day, null when none. */
  readonly previousTypeToday: EntryType | null;
}): DirectionDecision {
  const { clock, checkInAndOutType, previousTypeToday } = input;
  const alternate = (): DirectionDecision => ({
    ok: true,
    type: previousTypeToday === 'START' ? 'END' : 'START',
    why: previousTypeToday === null ? 'alternate: first entry of the working day' : `alternate: last entry was ${previousTypeToday}`,
  });
  const byDoor = (): DirectionDecision | null =>
    clock.direction === null ? null : { ok: true, type: clock.direction === 'in' ? 'START' : 'END', why: `door direction ${clock.direction}` };
  switch (clock.mode) {
    case 'door':
      return byDoor() ?? { ok: false, reason: 'rejected: the time clock is in door mode but has no direction configured' };
    case 'device':
      if (checkInAndOutType !== null && DEVICE_IN.has(checkInAndOutType)) return { ok: true, type: 'START', why: `device status ${checkInAndOutType}` };
      if (checkInAndOutType !== null && DEVICE_OUT.has(checkInAndOutType)) return { ok: true, type: 'END', why: `device status ${checkInAndOutType}` };
      return byDoor() ?? alternate();
    case 'alternate':
      return alternate();
  }
}
