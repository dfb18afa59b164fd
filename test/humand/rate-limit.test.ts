import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
import { startHarness, API_KEY, OFFSET, type Harness } from './support/fixtures.js';

describe('Humand rate limit (simulator headers and client parsing)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('counts remaining down on every answer, then 429 with a Retry-After that is the time left in the window', async () => {
    const h = (harness = await startHarness());
    const remaining: (number | null)[] = [];
    const resets: (number | null)[] = [];
    for (let call = 0; call < 50; call++) {
      // Spread the burst over 25 s of simulated time: reset must shrink with it.
      if (call > 0 && call % 10 === 0) h.clock.advance(5_000);
      const result = await h.client.getUser('30000001');
      expect(result.ok).toBe(true);
      remaining.push(result.rateLimit?.remaining ?? null);
      resets.push(result.rateLimit?.resetSeconds ?? null);
    }
    expect(remaining).toEqual(Array.from({ length: 50 }, (_unused, index) => 49 - index));
    expect(resets.slice(0, 10)).toEqual(Array(10).fill(60));
    expect(resets.at(-1)).toBe(40);

    h.clock.advance(3_500);
    const limited = await h.client.clock('START', { employeeId: '30000001', now: formatHumandTime(h.clock.now(), OFFSET), comment: '' });
    // 60 s window opened at t0; we are at t0 + 23.5 s → 36.5 s left → 37 whole seconds.
    expect(limited).toMatchObject({ ok: false, failure: { kind: 'rate-limited', status: 429, retryAfterMs: 37_000 } });
    expect(limited.rateLimit).toMatchObject({ limit: 50, remaining: 0, resetSeconds: 37, windowSeconds: 60 });
    // Rate-limited requests are not processed.
    expect(h.sim.state.timeline('30000001')).toHaveLength(0);

    // Retrying exactly when told to works: the window has reset.
    h.clock.advance(37_000);
    const retried = await h.client.clock('START', { employeeId: '30000001', now: formatHumandTime(h.clock.now(), OFFSET), comment: '' });
    expect(retried).toMatchObject({ ok: true, status: 201, rateLimit: { remaining: 49, resetSeconds: 60 } });
  });

  it('one millisecond before the window ends is still limited; the window is per key', async () => {
    const h = (harness = await startHarness({ rateLimit: { limit: 3, windowMs: 10_000 } }));
    for (let call = 0; call < 3; call++) expect((await h.client.getUser('30000001')).ok).toBe(true);
    h.clock.advance(9_999);
    const limited = await h.client.getUser('30000001');
    expect(limited).toMatchObject({ ok: false, failure: { kind: 'rate-limited', retryAfterMs: 1_000 } });
    expect(limited.rateLimit).toMatchObject({ limit: 3, windowSeconds: 10 });

    // Another key (here: a wrong one) has its own budget, and its 401 carries the headers too.
    const other = await request(`${h.sim.url}/users/30000001`, { headers: { authorization: 'Basic another-key' } });
    await other.body.text();
    expect(other.statusCode).toBe(401);
    expect(other.headers['ratelimit']).toBe('limit=3, remaining=2, reset=10');
    expect(other.headers['ratelimit-policy']).toBe('3;w=10');

    h.clock.advance(1);
    expect((await h.client.getUser('30000001')).rateLimit?.remaining).toBe(2);
  });

  it("the raw 429 looks like Humand's: error body, Retry-After, RateLimit and RateLimit-Policy", async () => {
    const h = (harness = await startHarness({ rateLimit: { limit: 1, windowMs: 60_000 } }));
    const headers = { authorization: `Basic ${API_KEY}` };
    await (await request(`${h.sim.url}/users?limit=10`, { headers })).body.text();
    h.clock.advance(12_300);
    const limited = await request(`${h.sim.url}/users?limit=10`, { headers });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('48');
    expect(limited.headers['ratelimit']).toBe('limit=1, remaining=0, reset=48');
    expect(limited.headers['ratelimit-policy']).toBe('1;w=60');
    expect(await limited.body.json()).toEqual({ message: 'Rate limit reached, please try again later', code: 'RATE_LIMIT_EXCEEDED', metadata: {} });
  });
});
