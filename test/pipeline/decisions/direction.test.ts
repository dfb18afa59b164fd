import { describe, expect, it } from 'vitest';
import { decideDirection } from '../../../src/pipeline/decisions/direction.js';
import type { DirectionMode, Direction } from '../../../src/config/types.js';
import type { EntryType } from '../../../src/domain/humand.js';
import { clockRule } from '../rules-fixture.js';

describe('in or out?', () => {
  it.each<[DirectionMode, Direction | null, number | null, EntryType | null, string]>([
    ['door', 'in', 2, null, 'START'],
    ['door', 'out', 1, 'END', 'END'],
    ['door', null, 1, null, 'rejected: the time clock is in door mode but has no direction configured'],
    ['device', 'out', 1, null, 'START'],
    ['device', 'in', 4, null, 'START'],
    ['device', 'in', 5, null, 'START'],
    ['device', 'in', 2, null, 'END'],
    ['device', 'in', 3, null, 'END'],
    ['device', 'in', 6, null, 'END'],
    ['device', 'out', 0, null, 'END'],
    ['device', null, 0, 'START', 'END'],
    ['device', null, null, null, 'START'],
    ['alternate', 'in', 1, null, 'START'],
    ['alternate', 'in', 1, 'START', 'END'],
    ['alternate', 'out', 2, 'END', 'START'],
  ])('mode %s, direction %s, device status %s, previous %s → %s', (mode, direction, device, previous, expected) => {
    const decision = decideDirection({ clock: clockRule({ mode, direction }), checkInAndOutType: device, previousTypeToday: previous });
    expect(decision.ok ? decision.type : decision.reason).toBe(expected);
  });
});
