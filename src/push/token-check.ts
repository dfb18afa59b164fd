import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented token with the expected one in constant time. Both sides are hashed
 * first so the comparison runs over equal-length digests and the token's length does not leak.
 */
export function createTokenCheck(expected: string): (presented: string | undefined) => boolean {
  const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
  return (presented) => {
    // Hash even when absent, so a missing header costs the same as a wrong one.
    const presentedDigest = createHash('sha256')
      .update(presented ?? '', 'utf8')
      .digest();
    return timingSafeEqual(expectedDigest, presentedDigest) && presented !== undefined && expected.length > 0;
  };
}
