import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { Clock } from '../domain/ports.js';
import type { IsapiConfig } from '../config/isapi.js';
import type { Logger } from '../logging/logger.js';
import type { IsapiClient } from './client.js';
import { toAccessEvent } from './event-mapping.js';

/** What the poller needs of the ledger: durable cursors and the one way events enter. */
export interface IsapiLedger {
  getCursor(name: string): Promise<number | null>;
  setCursor(name: string, valueMs: number, nowMs: number): Promise<void>;
  ingest(events: readonly AccessEvent[], source: EventSource): Promise<{ readonly newPunchIds: readonly number[]; readonly duplicates: number }>;
}

export interface DevicePollSummary {
  readonly device: string;
  /** The window read, on the device's clock. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly events: number;
  readonly fresh: number;
  readonly duplicates: number;
  /** Device clock minus ours (ms, includes the request's latency). */
  readonly driftMs: number;
  /** Serial numbers overwritten on the device before we read them, when its buffer wrapped past our cursor. */
  readonly lost: { readonly fromSerial: number; readonly toSerial: number } | null;
}

/** Access events (major 5); door and alarm minors come with them and are recorded as ignored. */
export const ACCESS_MAJOR = 5;
const LONG_AGO_MS = Date.UTC(2000, 0, 1);

export const cursorName = (device: string) => `isapi:${device}`;
export const serialCursorName = (device: string) => `isapi-serial:${device}`;

/**
 * Reads one terminal: from its durable cursor (on the device's own clock) minus an overlap to
 * the device's now, every page, committing each page before the next; only then the cursor
 * moves. Re-read events collapse in the ledger (serialNo is part of the event id). Before
 * reading, checks whether the device's oldest event is past the last serialNo we read: its
 * buffer wrapped and events were overwritten unread (warned, and reported).
 */
export class IsapiDevicePoller {
  constructor(
    private readonly client: IsapiClient,
    private readonly ledger: IsapiLedger,
    private readonly config: IsapiConfig,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly timeZone: string,
  ) {}

  get device(): string {
    return this.client.name;
  }

  async pollOnce(signal?: AbortSignal): Promise<DevicePollSummary> {
    const device = this.device;
    const time = await this.client.deviceTime(signal);
    const driftMs = time.ms - this.clock.now();
    if (Math.abs(driftMs) > this.config.driftWarnMs) {
      this.logger.warn(
        { device, driftSeconds: Math.round(driftMs / 1000), deviceTime: time.localTime },
        `terminal ${device}'s clock is ${Math.round(Math.abs(driftMs) / 1000)} s ${driftMs > 0 ? 'ahead' : 'behind'}: punches carry the device's time — set NTP on the device (Configuration > System > Time)`,
      );
    }
    const cursor = (await this.ledger.getCursor(cursorName(device))) ?? time.ms - this.config.initialLookbackMs;
    const fromMs = Math.min(cursor, time.ms) - this.config.overlapMs;
    const toMs = time.ms;
    const lastSerial = await this.ledger.getCursor(serialCursorName(device));
    const lost = lastSerial === null ? null : await this.checkWrap(lastSerial, toMs, time.offsetMinutes, signal);

    let events = 0;
    let fresh = 0;
    let duplicates = 0;
    let maxSerial = lastSerial ?? 0;
    for await (const page of this.client.searchEvents({ startMs: fromMs, endMs: toMs, offsetMinutes: time.offsetMinutes, major: ACCESS_MAJOR }, signal)) {
      if (page.records.length === 0) continue;
      const batch = page.records.map((record) => toAccessEvent(device, record, record, this.timeZone));
      const result = await this.ledger.ingest(batch, 'poll');
      events += batch.length;
      fresh += result.newPunchIds.length;
      duplicates += result.duplicates;
      for (const record of page.records) maxSerial = Math.max(maxSerial, record.serialNo);
    }
    // Everything up to the device's `now` is committed: only now may the cursor move.
    const nowMs = this.clock.now();
    await this.ledger.setCursor(cursorName(device), toMs, nowMs);
    if (maxSerial > 0) await this.ledger.setCursor(serialCursorName(device), maxSerial, nowMs);
    this.logger.info({ device, fromMs: new Date(fromMs).toISOString(), toMs: new Date(toMs).toISOString(), events, fresh, duplicates }, 'terminal events read');
    return { device, fromMs, toMs, events, fresh, duplicates, driftMs, lost };
  }

  private async checkWrap(lastSerial: number, toMs: number, offsetMinutes: number, signal?: AbortSignal): Promise<DevicePollSummary['lost']> {
    for await (const page of this.client.searchEvents({ startMs: LONG_AGO_MS, endMs: toMs, offsetMinutes, major: ACCESS_MAJOR, maxResults: 1 }, signal)) {
      const oldest = page.records[0];
      if (oldest === undefined || oldest.serialNo <= lastSerial + 1) return null;
      const lost = { fromSerial: lastSerial + 1, toSerial: oldest.serialNo - 1 };
      this.logger.warn(
        {
          device: this.device,
          lastReadSerial: lastSerial,
          oldestOnDevice: oldest.serialNo,
          oldestTime: oldest.time,
          lost: lost.toSerial - lost.fromSerial + 1,
        },
        `terminal ${this.device}'s event buffer wrapped past our cursor: events ${lost.fromSerial}–${lost.toSerial} were overwritten before they were read — check those punches by hand (the device was unreachable too long, or its buffer is small)`,
      );
      return lost;
    }
    return null;
  }
}
