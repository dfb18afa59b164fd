import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/app/types.js';
import { formatStatus } from '../../src/cli/format/status.js';
import type { OpsDataSource } from '../../src/ops/data-source.js';
import { createOpsMetrics } from '../../src/ops/metrics.js';
import { buildOverview } from '../../src/ops/views/overview.js';
import { statusReportWith } from '../support/status-report.js';

const NOW = Date.parse('2026-01-27T12:00:40Z');

function statusWith(deliveryLease: StatusReport['deliveryLease']): StatusReport {
  return statusReportWith({ deliveryLease });
}

// b took the lease at 12:00:10, 4 s after a's lease (last renewed 11:59:36, 30 s TTL) ran out.
const takenOver = {
  ownerId: 'host-b/2002/bbbb',
  epoch: 7,
  acquiredMs: Date.parse('2026-01-27T12:00:10Z'),
  expiresMs: Date.parse('2026-01-27T12:00:50Z'),
  previousHolder: { ownerId: 'host-a/1001/aaaa', expiredMs: Date.parse('2026-01-27T12:00:06Z') },
};
const data = { timezone: 'UTC', countsForDay: async () => statusWith(null).counts } as unknown as OpsDataSource;

describe('the delivery lease takeover is shown where IT looks (issue #14 operability)', () => {
  it('status says whom the lease was taken from and how long delivery waited for it', () => {
    const lines = formatStatus(statusWith(takenOver), NOW, 'ledger.db');
    expect(lines.some((line) => /Delivery lease +host-b\/2002\/bbbb, epoch 7/.test(line))).toBe(true);
    expect(lines.some((line) => /taken from +host-a\/1001\/aaaa, 4 ?s after its lease ran out/.test(line))).toBe(true);
    const handedOver = formatStatus(statusWith({ ...takenOver, previousHolder: { ownerId: 'host-a/1001/aaaa', expiredMs: null } }), NOW, 'ledger.db');
    expect(handedOver.some((line) => /taken from +host-a\/1001\/aaaa, which handed it over on stopping/.test(line))).toBe(true);
  });

  it('the dashboard overview carries the holder, its epoch and the takeover wait', async () => {
    const overview = await buildOverview(data, statusWith(takenOver), NOW, []);
    expect(overview.deliveryLease).toEqual({
      ownerId: 'host-b/2002/bbbb',
      epoch: 7,
      sinceLocal: '2026-01-27T12:00:10Z',
      expired: false,
      previousOwnerId: 'host-a/1001/aaaa',
      takeoverWaitSeconds: 4,
    });
    expect((await buildOverview(data, statusWith(null), NOW, [])).deliveryLease).toBeNull();
  });

  it('/metrics exports the epoch and the last takeover wait', async () => {
    const metrics = createOpsMetrics({ processMetrics: false });
    metrics.observe(statusWith(takenOver), NOW);
    const text = await metrics.render();
    expect(text).toMatch(/^hik2humand_delivery_lease_epoch 7$/m);
    expect(text).toMatch(/^hik2humand_delivery_lease_takeover_wait_seconds 4$/m);
  });
});
