import { describe, expect, it } from 'vitest';
import { chunk, formatArtemisTime, MAX_SLICE_MS, sliceWindow } from '../../src/hikcentral/time-window.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1, 3, 0, 0); // 2026-01-01T00:00:00-03:00

describe('formatArtemisTime', () => {
  it('writes ISO 8601 with an explicit numeric offset in the given zone', () => {
    expect(formatArtemisTime(T0, 'America/Argentina/Buenos_Aires')).toBe('2026-01-01T00:00:00-03:00');
    expect(formatArtemisTime(T0, 'UTC')).toBe('2026-01-01T03:00:00+00:00');
  });
});

describe('sliceWindow', () => {
  it('keeps a short window whole', () => {
    const slices = sliceWindow(T0, T0 + 3_600_000, 'UTC');
    expect(slices).toHaveLength(1);
    expect(slices[0]?.startMs).toBe(T0);
    expect(slices[0]?.endMs).toBe(T0 + 3_600_000);
  });

  it('splits a 75-day window into contiguous slices that never exceed 31 days', () => {
    const slices = sliceWindow(T0, T0 + 75 * DAY, 'America/Argentina/Buenos_Aires');
    expect(slices.length).toBe(3);
    expect(slices[0]?.startMs).toBe(T0);
    expect(slices.at(-1)?.endMs).toBe(T0 + 75 * DAY);
    for (let i = 0; i < slices.length; i++) {
      const slice = slices[i];
      if (!slice) throw new Error('missing slice');
      expect(slice.endMs - slice.startMs).toBeLessThanOrEqual(31 * DAY);
      expect(slice.endMs - slice.startMs).toBeLessThanOrEqual(MAX_SLICE_MS);
      if (i > 0) expect(slice.startMs).toBe(slices[i - 1]?.endMs);
    }
  });

  it('rounds to whole seconds outward so nothing inside the window is left out', () => {
    const slices = sliceWindow(T0 + 1_500, T0 + 10_200, 'UTC');
    expect(slices[0]?.startTime).toBe('2026-01-01T03:00:01+00:00');
    expect(slices[0]?.endTime).toBe('2026-01-01T03:00:11+00:00');
  });

  it('returns nothing for an empty window', () => {
    expect(sliceWindow(T0, T0, 'UTC')).toEqual([]);
    expect(sliceWindow(T0 + 1000, T0, 'UTC')).toEqual([]);
  });
});

describe('chunk', () => {
  it('groups 23 doors into 10 + 10 + 3', () => {
    const doors = Array.from({ length: 23 }, (_, i) => `door-${i}`);
    expect(chunk(doors, 10).map((group) => group.length)).toEqual([10, 10, 3]);
    expect(chunk(doors, 10).flat()).toEqual(doors);
  });
});
