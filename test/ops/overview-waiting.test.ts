import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../src/cli/format/status.js';
import type { OpsDataSource } from '../../src/ops/data-source.js';
import { buildOverview } from '../../src/ops/views/overview.js';
import { statusReportWith } from '../support/status-report.js';

const NOW = Date.parse('2026-01-28T11:00:00Z');
const YESTERDAY_0800 = Date.parse('2026-01-27T11:00:00Z');
const RECORDED_1040 = Date.parse('2026-01-28T10:40:00Z');

// The morning after an outage: yesterday's 29 punches were read back by a backfill 20 minutes ago.
const status = statusReportWith({
  timezone: 'America/Argentina/Buenos_Aires',
  counts: { ...statusReportWith().counts, queued: 29, delivered: 10 },
  oldestPendingEventMs: YESTERDAY_0800,
  oldestPendingReceivedMs: RECORDED_1040,
});
const todayCounts = { ...statusReportWith().counts, delivered: 10 };
const data = { timezone: 'America/Argentina/Buenos_Aires', countsForDay: async () => todayCounts } as unknown as OpsDataSource;

describe('"oldest waiting" and "today" as a person reads them (issue #10)', () => {
  it('the overview says how long punches have waited since they were recorded, and that earlier days still wait', async () => {
    const overview = await buildOverview(data, status, NOW, []);
    expect(overview.backlog.oldestPendingAgeSeconds).toBe(20 * 60);
    expect(overview.backlog.oldestPendingEventLocal).toBe('2026-01-27T08:00:00-03:00');
    expect(overview.todayCounts.queued).toBe(0);
    expect(overview.backlog.pendingFromEarlierDays).toBe(29);
  });

  it('status says the wait and when the oldest punch happened', () => {
    const lines = formatStatus(status, NOW, 'ledger.db');
    expect(lines.find((line) => /^\s*Waiting/.test(line))).toMatch(
      /Waiting +29 punches, the longest waiting for 20 min; oldest punch from 2026-01-27 08:00:00$/,
    );
  });
});
