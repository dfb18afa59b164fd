import { describe, expect, it } from 'vitest';
import { clockTypeOf } from '../../../src/pipeline/decisions/direction.js';
import type { DirectionMode, Direction } from '../../../src/config/types.js';
import { clockRule } from '../rules-fixture.js';

describe('in or out, as far as the clock knows', () => {
  it.each<[DirectionMode, Direction | null, number | null, string]>([
    ['door', 'in', 2, 'START'],
    ['door', 'out', 1, 'END'],
    ['door', null, 1, 'rejected: the time clock is in door mode but has no direction configured'],
    ['device', 'out', 1, 'START'],
    ['device', 'in', 4, 'START'],
    ['device', 'in', 5, 'START'],
    ['device', 'in', 2, 'END'],
    ['device', 'in', 3, 'END'],
    ['device', 'in', 6, 'END'],
    ['device', 'out', 0, 'END'],
    ['device', null, 0, 'alternate'],
    ['device', null, null, 'alternate'],
    ['alternate', 'in', 1, 'alternate'],
    ['alternate', 'out', 2, 'alternate'],
  ])('mode %s, direction %s, device status %s → %s', (mode, direction, device, expected) => {
    const decision = clockTypeOf(clockRule({ mode, direction }), device);
    expect(decision.kind === 'fixed' ? decision.type : decision.kind === 'misconfigured' ? decision.reason : 'alternate').toBe(expected);
  });
});
