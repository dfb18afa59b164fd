import type { EntryType } from '../../domain/humand.js';
import type { TimeClockRule } from '../../config/types.js';

/** What a clock says about a passage's type by itself, before the employee's timeline is looked at. */
export type ClockType =
  | { readonly kind: 'fixed'; readonly type: EntryType; readonly why: string }
  /** An alternate-mode clock (or a device that says nothing and has no direction): the timeline decides. */
  | { readonly kind: 'alternate'; readonly why: string }
  | { readonly kind: 'misconfigured'; readonly reason: string };

const DEVICE_IN = new Set([1, 4, 5]);
const DEVICE_OUT = new Set([2, 3, 6]);

/**
 * In or out, as far as the clock knows: `door`, the clock's configured direction; `device`, the
 * device's attendance status (1/4/5 in, 2/3/6 out), falling back to the configured direction and
 * then to alternation when it says 0/unknown; `alternate`, always the timeline's (decideDay).
 */
export function clockTypeOf(clock: TimeClockRule, checkInAndOutType: number | null): ClockType {
  const byDoor = (): ClockType | null =>
    clock.direction === null ? null : { kind: 'fixed', type: clock.direction === 'in' ? 'START' : 'END', why: `door direction ${clock.direction}` };
  switch (clock.mode) {
    case 'door':
      return byDoor() ?? { kind: 'misconfigured', reason: 'rejected: the time clock is in door mode but has no direction configured' };
    case 'device':
      if (checkInAndOutType !== null && DEVICE_IN.has(checkInAndOutType)) return { kind: 'fixed', type: 'START', why: `device status ${checkInAndOutType}` };
      if (checkInAndOutType !== null && DEVICE_OUT.has(checkInAndOutType)) return { kind: 'fixed', type: 'END', why: `device status ${checkInAndOutType}` };
      return byDoor() ?? { kind: 'alternate', why: 'the device gave no attendance status' };
    case 'alternate':
      return { kind: 'alternate', why: 'alternate-mode clock' };
  }
}
