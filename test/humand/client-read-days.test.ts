import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
import { generateSimUsers } from '../../src/sim/humand/index.js';
import { startHarness, OFFSET, type Harness } from './support/fixtures.js';

describe('HumandClient.readDays', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('reads several employees in one day-summaries request, every source, each day in time order', async () => {
    const h = (harness = await startHarness());
    const at = (iso: string) => formatHumandTime(Date.parse(iso), OFFSET);
    h.sim.state.addAppEntry({ employeeInternalId: '30000001', time: at('2026-01-20T12:00:00Z'), type: 'START', source: 'APP' });
    h.sim.state.addAppEntry({ employeeInternalId: '30000001', time: at('2026-01-20T16:00:00Z'), type: 'END', source: 'KIOSK' });
    h.sim.state.addAppEntry({ employeeInternalId: '30000002', time: at('2026-01-21T12:00:00Z'), type: 'START', source: 'INTEGRATION' });

    const result = await h.client.readDays(['30000001', '30000002', '30000003'], '2026-01-20', '2026-01-21');

    expect(result.ok).toBe(true);
    const days = result.ok ? result.value.map((day) => [day.employeeId, day.date, day.entries.map((e) => `${e.type}/${e.source}`)]) : [];
    expect(days).toEqual([
      ['30000001', '2026-01-20', ['START/APP', 'END/KIOSK']],
      ['30000002', '2026-01-21', ['START/INTEGRATION']],
    ]);
    expect(h.sim.state.requests.filter((r) => r.path.endsWith('/day-summaries'))).toHaveLength(1);
    expect(h.sim.state.requests.filter((r) => r.path.endsWith('/time-tracking/entries'))).toHaveLength(0);
  });

  const at = (iso: string) => formatHumandTime(Date.parse(iso), OFFSET);
  const summariesAsked = (h: Harness) => h.sim.state.requests.filter((r) => r.path.endsWith('/day-summaries')).length;
  const entriesAsked = (h: Harness) => h.sim.state.requests.filter((r) => r.path.endsWith('/time-tracking/entries')).length;
  const daysOf = (result: Awaited<ReturnType<Harness['client']['readDays']>>) =>
    result.ok
      ? result.value.map((day) => `${day.employeeId} ${day.date} ${day.entries.map((e) => `${e.type}@${e.time.slice(11, 16)}/${e.source ?? '?'}`).join(' ')}`)
      : result.failure;

  /** Two employees' days written out of time order (an app entry added after the terminal's later one). */
  const writeDays = (h: Harness) => {
    h.sim.state.addAppEntry({ employeeInternalId: '30000001', time: at('2026-01-20T21:00:00Z'), type: 'END', source: 'INTEGRATION' });
    h.sim.state.addAppEntry({ employeeInternalId: '30000001', time: at('2026-01-20T13:00:00Z'), type: 'END', source: 'APP' });
    h.sim.state.addAppEntry({ employeeInternalId: '30000001', time: at('2026-01-20T09:00:00Z'), type: 'START', source: 'INTEGRATION' });
    h.sim.state.addAppEntry({ employeeInternalId: '30000001', time: at('2026-01-20T14:00:00Z'), type: 'START', source: 'APP' });
    h.sim.state.addAppEntry({ employeeInternalId: '30000002', time: at('2026-01-21T12:00:00Z'), type: 'START', source: 'KIOSK' });
  };
  const EXPECTED_DAYS = [
    '30000001 2026-01-20 START@06:00/INTEGRATION END@10:00/APP START@11:00/APP END@18:00/INTEGRATION',
    '30000002 2026-01-21 START@09:00/KIOSK',
  ];

  it("puts each day in time order although Humand serves a day's entries in no particular order", async () => {
    const h = (harness = await startHarness());
    writeDays(h);
    const raw = await fetch(`${h.sim.url}/time-tracking/day-summaries?employeeIds=30000001&startDate=2026-01-20&endDate=2026-01-20`, {
      headers: { authorization: `Basic ${'sim-key-7f3a9c1e5b'}` },
    });
    const served = ((await raw.json()) as { items: { entries: { time: string }[] }[] }).items[0]!.entries.map((e) => e.time.slice(11, 16));
    expect(served).not.toEqual([...served].sort()); // the trap is armed
    expect(daysOf(await h.client.readDays(['30000001', '30000002'], '2026-01-20', '2026-01-21'))).toEqual(EXPECTED_DAYS);
  });

  it('falls back to one entries read per employee when the tenant refuses day summaries, and does not ask day summaries again for an hour', async () => {
    const h = (harness = await startHarness({ refuseReads: { daySummaries: true } }));
    writeDays(h);
    expect(daysOf(await h.client.readDays(['30000001', '30000002', '30000003'], '2026-01-20', '2026-01-21'))).toEqual(EXPECTED_DAYS);
    const summariesAfterFirst = summariesAsked(h);
    expect(entriesAsked(h)).toBe(3);
    expect(daysOf(await h.client.readDays(['30000001', '30000002'], '2026-01-20', '2026-01-21'))).toEqual(EXPECTED_DAYS);
    expect(summariesAsked(h)).toBe(summariesAfterFirst);
    expect(entriesAsked(h)).toBe(5);
    // An hour later the tenant serves day summaries again: one request for both.
    h.sim.state.setReadRefusals({ daySummaries: false });
    h.clock.advance(3_600_000);
    expect(daysOf(await h.client.readDays(['30000001', '30000002'], '2026-01-20', '2026-01-21'))).toEqual(EXPECTED_DAYS);
    expect(summariesAsked(h)).toBe(summariesAfterFirst + 1);
    expect(entriesAsked(h)).toBe(5);
  });

  it('still works in one request when the tenant refuses GET /time-tracking/entries (seen in June 2026)', async () => {
    const h = (harness = await startHarness({ refuseReads: { entries: true } }));
    writeDays(h);
    expect(daysOf(await h.client.readDays(['30000001', '30000002'], '2026-01-20', '2026-01-21'))).toEqual(EXPECTED_DAYS);
    expect(summariesAsked(h)).toBe(1);
    expect(entriesAsked(h)).toBe(0);
  });

  it('says so when the tenant refuses both read paths', async () => {
    const h = (harness = await startHarness({ refuseReads: { entries: true, daySummaries: true } }));
    expect(await h.client.readDays(['30000001'], '2026-01-20', '2026-01-21')).toMatchObject({ ok: false, failure: { kind: 'bad-request', status: 400 } });
  });

  it("reads 1,200 employees' days in groups that Humand's silent 500-item cap cannot cut short", async () => {
    const h = (harness = await startHarness({ users: generateSimUsers(1200) }));
    for (let i = 0; i < 1200; i++) {
      const id = String(30_000_001 + i);
      h.sim.state.addAppEntry({ employeeInternalId: id, time: at('2026-01-20T09:00:00Z'), type: 'START' });
      h.sim.state.addAppEntry({ employeeInternalId: id, time: at('2026-01-21T09:00:00Z'), type: 'START' });
    }
    const ids = Array.from({ length: 1200 }, (_unused, i) => String(30_000_001 + i));
    // The trap: one request for all of them is served 500 summaries and says it is the only page.
    const raw = await fetch(`${h.sim.url}/time-tracking/day-summaries?employeeIds=${ids.join(',')}&startDate=2026-01-20&endDate=2026-01-21&limit=500`, {
      headers: { authorization: 'Basic sim-key-7f3a9c1e5b' },
    });
    expect(await raw.json()).toMatchObject({ totalPages: 1, count: 500 });
    const before = summariesAsked(h);
    const result = await h.client.readDays(ids, '2026-01-20', '2026-01-21');
    expect(result.ok && result.value.length).toBe(2400);
    expect(summariesAsked(h) - before).toBe(Math.ceil(1200 / Math.min(200, Math.floor(450 / 2))));
  });

  it('splits a group whose answer reaches the 500-item cap and reads it again in halves (groups made too big on purpose)', async () => {
    const h = (harness = await startHarness({ users: generateSimUsers(1200) }, { daySummariesMaxEmployees: 1000, daySummariesMaxItems: 1000 }));
    for (let i = 0; i < 1200; i++) h.sim.state.addAppEntry({ employeeInternalId: String(30_000_001 + i), time: at('2026-01-20T09:00:00Z'), type: 'START' });
    const ids = Array.from({ length: 1200 }, (_unused, i) => String(30_000_001 + i));
    const result = await h.client.readDays(ids, '2026-01-20', '2026-01-20');
    expect(result.ok && new Set(result.value.map((day) => day.employeeId)).size).toBe(1200);
    // 1000 (cut at 500) → 500 + 500 (each at the cap, so not trusted) → 4 × 250; then the last 200.
    expect(summariesAsked(h)).toBe(1 + 2 + 4 + 1);
  });

  it('reads pages of 50 where a tenant refuses day-summaries pages of 500, and keeps doing so', async () => {
    const h = (harness = await startHarness({ users: generateSimUsers(120), daySummariesMaxLimit: 50 }));
    for (let i = 0; i < 120; i++) h.sim.state.addAppEntry({ employeeInternalId: String(30_000_001 + i), time: at('2026-01-20T09:00:00Z'), type: 'START' });
    const ids = Array.from({ length: 120 }, (_unused, i) => String(30_000_001 + i));
    const result = await h.client.readDays(ids, '2026-01-20', '2026-01-20');
    expect(result.ok && result.value.length).toBe(120);
    expect(summariesAsked(h)).toBe(1 + 3); // the refused 500, then pages 1-3 of 50
    expect(entriesAsked(h)).toBe(0);
    await h.client.readDays(ids, '2026-01-20', '2026-01-20');
    expect(summariesAsked(h)).toBe(1 + 3 + 3);
  });

  it('refuses an empty employee list or reversed dates without sending anything', async () => {
    const h = (harness = await startHarness());
    expect(await h.client.readDays([' '], '2026-01-20', '2026-01-21')).toMatchObject({ ok: false, failure: { kind: 'bad-request' } });
    expect(await h.client.readDays(['30000001'], '2026-01-22', '2026-01-21')).toMatchObject({ ok: false, failure: { kind: 'bad-request' } });
    expect(h.sim.state.requests).toHaveLength(0);
  });
});
