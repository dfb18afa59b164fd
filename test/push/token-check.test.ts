import { describe, expect, it } from 'vitest';
import { createTokenCheck } from '../../src/push/token-check.js';

describe('token check', () => {
  const matches = createTokenCheck('s3cret-token-value');

  it('accepts only the exact token', () => {
    expect(matches('s3cret-token-value')).toBe(true);
    expect(matches('s3cret-token-valuE')).toBe(false);
    expect(matches('s3cret-token-value ')).toBe(false);
    expect(matches('s3cret')).toBe(false);
    expect(matches('')).toBe(false);
    expect(matches(undefined)).toBe(false);
  });

  it('never accepts anything when the expected token is empty', () => {
    const empty = createTokenCheck('');
    expect(empty('')).toBe(false);
    expect(empty(undefined)).toBe(false);
  });
});
