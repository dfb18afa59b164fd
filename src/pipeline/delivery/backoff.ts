/**
 * Exponential backoff with jitter: attempt n waits base·2^(n−1), capped, then a random
 * 50–100 % of that so that many punches failing together do not retry together.
 */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + 0.5 * random()));
}
