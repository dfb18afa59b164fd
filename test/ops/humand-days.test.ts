import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
import { cachedHumandDays, humandDayKey } from '../../src/ops/views/humand-days.js';
import { OFFSET, startHarness, type Harness } from '../humand/support/fixtures.js';

/** The attendance view's reads of Humand's days, against the Humand simulator over HTTP. */
describe('cached Humand days', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const dayRequests = (h: Harness) => h.sim.state.requests.filter((r) => r.path.endsWith('/day-summaries')).length;

  it('reads many employees per request, then answers from its cache until it expires', async () => {
    const h = (harness = await startHarness());
    const at = (iso: string) => formatHumandTime(Date.parse(iso), OFFSET);
    h.sim.state.addAppEntry({ employeeInternalId: '30000001', time: at('2026-01-20T12:00:00Z'), type: 'START', source: 'APP' });
    h.sim.state.addAppEntry({ employeeInternalId: '30000002', time: at('2026-01-21T12:00:00Z'), type: 'START', source: 'KIOSK' });
    const days = cachedHumandDays({ port: h.client, clock: h.clock, ttlMs: 60_000, batchSize: 2 });
    const ids = ['30000001', '30000002', '30000003'];

    const first = await days.days(ids, '2026-01-20', '2026-01-21');
    expect(first.state).toBe('read');
    if (first.state !== 'read') return;
    expect([...first.days.keys()].sort()).toEqual([humandDayKey('30000001', '2026-01-20'), humandDayKey('30000002', '2026-01-21')]);
    expect(first.days.get(humandDayKey('30000002', '2026-01-21'))!.entries.map((e) => e.source)).toEqual(['KIOSK']);
    expect(dayRequests(h)).toBe(2);

    await days.days(ids, '2026-01-20', '2026-01-21');
    expect(dayRequests(h)).toBe(2);
    await h.clock.sleep(61_000);
    await days.days(ids.slice(0, 1), '2026-01-20', '2026-01-21');
    expect(dayRequests(h)).toBe(3);
  });

  it('spends no request while the rate budget is kept for deliveries, nor more than a view may', async () => {
    const h = (harness = await startHarness());
    let allowed = false;
    const days = cachedHumandDays({ port: h.client, clock: h.clock, batchSize: 1, maxRequestsPerView: 2, mayRequest: () => allowed });
    expect(await days.days(['30000001'], '2026-01-20', '2026-01-20')).toEqual({
      state: 'unavailable',
      reason: 'rate budget kept for deliveries: try again in a minute',
    });
    expect(dayRequests(h)).toBe(0);
    allowed = true;
    expect((await days.days(['30000001', '30000002', '30000003'], '2026-01-20', '2026-01-20')).state).toBe('unavailable');
    expect(dayRequests(h)).toBe(2);
  });

  it('says what Humand answered when the read fails', async () => {
    const h = (harness = await startHarness());
    h.sim.faults.set({ fail5xxNext: 5 });
    const answer = await cachedHumandDays({ port: h.client, clock: h.clock }).days(['30000001'], '2026-01-20', '2026-01-20');
    expect(answer).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/^Humand answered 5\d\d/) });
  });
});
