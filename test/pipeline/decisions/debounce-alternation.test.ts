import { describe, expect, it } from 'vitest';
import { findDoubleTap } from '../../../src/pipeline/decisions/debounce.js';
import { guardAlternation } from '../../../src/pipeline/decisions/alternation.js';
import type { AlternationPolicy } from '../../../src/config/types.js';
import type { EntryType } from '../../../src/domain/humand.js';

describe('debounce', () => {
  const counted = [{ id: 1, eventMs: 100_000 }];
  it.each<[string, number, readonly { id: number; eventMs: number }[], number, number | null]>([
    ['a tap 5 s after a counted one', 105_000, counted, 60_000, 1],
    ['exactly at the window edge (inclusive)', 160_000, counted, 60_000, 1],
    ['just past the window', 160_001, counted, 60_000, null],
    ['nothing counted before', 105_000, [], 60_000, null],
    ['debounce disabled', 100_500, counted, 0, null],
    ['a counted one 10 s later (late-arrived first tap)', 90_000, counted, 60_000, 1],
    ['nearest of two', 150_000, [{ id: 1, eventMs: 100_000 }, { id: 2, eventMs: 140_000 }], 60_000, 2],
  ])('%s', (_name, at, passages, window, expected) => {
    expect(findDoubleTap(at, passages, window)?.id ?? null).toBe(expected);
  });
});

describe('alternation guard', () => {
  it.each<[EntryType, EntryType | null, AlternationPolicy, string]>([
    ['START', null, 'suppress', 'send'],
    ['START', 'END', 'suppress', 'send'],
    ['END', 'START', 'suppress', 'send'],
    ['START', 'START', 'suppress', 'suppressed: consecutive clock-in'],
    ['END', 'END', 'suppress', 'suppressed: consecutive clock-out'],
    ['END', null, 'suppress', 'send'],
    ['START', 'START', 'send', 'send'],
  ])('%s after %s with policy %s → %s', (proposed, last, policy, expected) => {
    const decision = guardAlternation(proposed, last, policy);
    expect(decision.send ? 'send' : decision.reason).toBe(expected);
  });
});
