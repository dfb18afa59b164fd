import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { eventTimeMillis } from '../../src/hikcentral/door-event-record.js';
import type { PushIngest } from '../../src/push/ports.js';
import type { LedgerStore } from '../../src/store/index.js';

let counter = 0;

/** One `params.events` entry as HikCentral pushes it; override what the test is about. */
export function pushedEvent(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    eventId: `push-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    eventType: 196893,
    happenTime: '2026-01-27T08:01:02-03:00',
    srcIndex: 'door-1',
    srcName: 'Facial Entrada',
    srcType: 'door',
    status: 0,
    timeout: 0,
    data: {
      personId: '42',
      personCode: 'E-0042',
      personName: 'Ana Test',
      cardNo: '',
      checkInAndOutType: 1,
      readerIndexCode: 'reader-1',
      readerName: 'Facial Entrada',
      picUri: '',
      ...data,
    },
    ...overrides,
  };
}

export function notification(events: unknown[]): Record<string, unknown> {
  return { method: 'OnEventNotify', params: { ability: 'event_acs', sendTime: '2026-01-27T08:01:05-03:00', events } };
}

export interface PostResult {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs like HikCentral does: JSON body, `token` header. */
export async function post(
  url: string,
  body: unknown,
  options: { token?: string | undefined; headers?: Record<string, string>; rawBody?: string | Buffer } = {},
): Promise<PostResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.headers ?? {}) };
  if (options.token !== undefined) headers.token = options.token;
  const response = await request(url, { method: 'POST', headers, body: options.rawBody ?? JSON.stringify(body) });
  const text = await response.body.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.statusCode, body: parsed };
}

/** The ledger's own ingest, with event times read in UTC when they carry no offset. */
export function ledgerIngest(store: LedgerStore, nowMs: () => number = () => Date.now()): PushIngest {
  return async (events, source) => {
    const items = events.map((event) => {
      const eventMs = eventTimeMillis(event.eventTime, 'UTC');
      return { event, eventMs: Number.isNaN(eventMs) ? null : eventMs, utcOffsetMinutes: null };
    });
    const result = await store.ingest(items, source, nowMs());
    return { inserted: result.newPunchIds.length, duplicates: result.duplicates };
  };
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function totalPunches(store: LedgerStore): Promise<number> {
  const counts = await store.countsByOutcome();
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
