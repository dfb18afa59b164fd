import type { IsapiDeviceConfig } from '../../config/isapi.js';
import type { IsapiClient } from '../../isapi/client.js';
import { ACCESS_MAJOR } from '../../isapi/device-poller.js';
import type { CheckResult } from './checks.js';

/** How far back, and at most how many pages, doctor reads a terminal's events: a few requests, never a full history. */
export const READER_SCAN_MS = 24 * 3_600_000;
const MAX_PAGES = 20;

/**
 * The configured reader numbers against the terminal's last day of access events (a terminal
 * lists no readers by name): a reader with no event while another one has them is most likely
 * a wrong number. A warning, not a failure: a quiet day is possible.
 */
export async function terminalReadersCheck(
  client: Pick<IsapiClient, 'searchEvents'>,
  device: IsapiDeviceConfig,
  nowMs: number,
  offsetMinutes: number,
): Promise<CheckResult> {
  const name = `terminal ${device.name} readers`;
  const wanted = device.readers.map((r) => r.cardReaderNo);
  const seen = new Map<number, number>();
  let pages = 0;
  let cut = false;
  for await (const page of client.searchEvents({ startMs: nowMs - READER_SCAN_MS, endMs: nowMs, offsetMinutes, major: ACCESS_MAJOR })) {
    for (const record of page.records)
      if (record.cardReaderNo !== null && record.cardReaderNo !== undefined) seen.set(record.cardReaderNo, (seen.get(record.cardReaderNo) ?? 0) + 1);
    pages += 1;
    if (wanted.every((n) => seen.has(n))) break;
    if (pages >= MAX_PAGES) {
      cut = page.status === 'MORE';
      break;
    }
  }
  const counted =
    [...seen]
      .sort((a, b) => a[0] - b[0])
      .map(([n, count]) => `reader ${n}: ${count}`)
      .join(', ') || 'none';
  const where = `in the last 24 h${cut ? ' (first pages only)' : ''}`;
  const silent = wanted.filter((n) => !seen.has(n));
  if (silent.length === 0) return { name, status: 'ok', message: `every configured reader (${wanted.join(', ')}) had access events ${where}`, fix: null };
  const others = [...seen.keys()].filter((n) => !wanted.includes(n));
  return {
    name,
    status: 'warn',
    message: `configured reader(s) ${silent.join(', ')} had no access event ${where}; events by reader: ${counted}`,
    fix:
      others.length > 0
        ? `Check cardReaderNo in the config file (timeClocks of ${device.name}): reader(s) ${others.join(', ')} had the passages — did you mean ${others.join(' or ')}?`
        : "If the terminal was in use, check cardReaderNo in the config file (1 is the terminal's own reader).",
  };
}
