import type { IsapiDeviceConfig } from '../../config/isapi.js';
import type { IsapiClient } from '../../isapi/client.js';
import { ACCESS_MAJOR } from '../../isapi/device-poller.js';
import type { CheckResult } from './checks.js';
import { TERMINAL_EN, type TerminalWords } from './terminal-words.js';

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
  w: TerminalWords = TERMINAL_EN,
): Promise<CheckResult> {
  const name = w.readers(device.name);
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
      .map(([n, count]) => w.byReader(n, count))
      .join(', ') || w.none;
  const where = w.lastDay(cut);
  const silent = wanted.filter((n) => !seen.has(n));
  if (silent.length === 0) return { name, status: 'ok', message: w.readersOk(wanted.join(', '), where), fix: null };
  const others = [...seen.keys()].filter((n) => !wanted.includes(n));
  return {
    name,
    status: 'warn',
    message: w.readersSilent(silent, where, counted),
    fix: others.length > 0 ? w.readerTypoFix(device.name, others) : w.readerQuietFix,
  };
}
