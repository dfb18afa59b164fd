import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders, parseRetryAfterMs } from '../../src/humand/index.js';

const OBSERVED = Date.parse('2026-01-27T11:00:00.000Z');

describe('parseRateLimitHeaders', () => {
  it.each([
    {
      form: 'Humand (documented)',
      headers: { ratelimit: 'limit=50, remaining=45, reset=30', 'ratelimit-policy': '50;w=60' },
      expected: { limit: 50, remaining: 45, resetSeconds: 30, windowSeconds: 60 },
    },
    {
      form: 'header names in any case',
      headers: { RateLimit: 'limit=50, remaining=0, reset=42', 'RateLimit-Policy': '50;w=60' },
      expected: { limit: 50, remaining: 0, resetSeconds: 42, windowSeconds: 60 },
    },
    {
      form: 'IETF structured fields',
      headers: { ratelimit: '"default";r=12;t=7', 'ratelimit-policy': '"default";q=100;w=60' },
      expected: { limit: 100, remaining: 12, resetSeconds: 7, windowSeconds: 60 },
    },
    {
      form: 'IETF separate fields with a draft-03 policy in the limit',
      headers: { 'ratelimit-limit': '50, 50;w=60', 'ratelimit-remaining': '3', 'ratelimit-reset': '9' },
      expected: { limit: 50, remaining: 3, resetSeconds: 9, windowSeconds: 60 },
    },
    {
      form: 'X-RateLimit with an epoch reset',
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59', 'x-ratelimit-reset': String(OBSERVED / 1000 + 25) },
      expected: { limit: 60, remaining: 59, resetSeconds: 25, windowSeconds: null },
    },
    {
      form: 'several policies: the one matching the limit wins',
      headers: { ratelimit: 'limit=50, remaining=10, reset=5', 'ratelimit-policy': '10;w=1, 50;w=60' },
      expected: { limit: 50, remaining: 10, resetSeconds: 5, windowSeconds: 60 },
    },
    {
      form: 'only a policy',
      headers: { 'ratelimit-policy': '50;w=60' },
      expected: { limit: 50, remaining: null, resetSeconds: null, windowSeconds: 60 },
    },
    {
      form: 'garbage values become null',
      headers: { ratelimit: 'limit=lots, remaining=-1, reset=soon', 'ratelimit-policy': 'whatever' },
      expected: { limit: null, remaining: null, resetSeconds: null, windowSeconds: null },
    },
  ])('$form', ({ headers, expected }) => {
    expect(parseRateLimitHeaders(headers, OBSERVED)).toEqual({ ...expected, observedAt: OBSERVED });
  });

  it('is null when no rate-limit header is present', () => {
    expect(parseRateLimitHeaders({ 'content-type': 'application/json' }, OBSERVED)).toBeNull();
  });
});

describe('parseRetryAfterMs', () => {
  it.each([
    ['42', 42_000],
    [' 0 ', 0],
    ['1.5', 1_500],
    [new Date(OBSERVED + 30_000).toUTCString(), 30_000],
    [new Date(OBSERVED - 30_000).toUTCString(), 0],
    ['soon', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfterMs(value, OBSERVED)).toBe(expected);
  });
});
