import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
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

  it('refuses an empty employee list or reversed dates without sending anything', async () => {
    const h = (harness = await startHarness());
    expect(await h.client.readDays([' '], '2026-01-20', '2026-01-21')).toMatchObject({ ok: false, failure: { kind: 'bad-request' } });
    expect(await h.client.readDays(['30000001'], '2026-01-22', '2026-01-21')).toMatchObject({ ok: false, failure: { kind: 'bad-request' } });
    expect(h.sim.state.requests).toHaveLength(0);
  });
});
