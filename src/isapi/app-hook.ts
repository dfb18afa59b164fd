import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { Clock } from '../domain/ports.js';
import type { AppConfig } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import type { IngestResult } from '../store/punch.js';
import type { LedgerStore } from '../store/store.js';
import { IsapiPolling, type IsapiPollPass } from './polling.js';

/** The ISAPI terminals of a configuration, polled into the same ledger through the same ingestor; null when none. */
export function createIsapiPolling(
  config: AppConfig,
  store: LedgerStore,
  ingestor: { ingest(events: readonly AccessEvent[], source: EventSource): Promise<IngestResult> },
  clock: Clock,
  logger: Logger,
): IsapiPolling | null {
  if (config.isapi === undefined || config.isapi === null || config.isapi.devices.length === 0) return null;
  const ledger = {
    getCursor: (name: string) => store.getCursor(name),
    setCursor: (name: string, valueMs: number, nowMs: number) => store.setCursor(name, valueMs, nowMs),
    ingest: (events: readonly AccessEvent[], source: EventSource) => ingestor.ingest(events, source),
    getMeta: (key: string) => store.getMeta(key),
    setMeta: (key: string, value: string | null) => store.setMeta(key, value),
  };
  return new IsapiPolling(config.isapi, ledger, clock, logger, config.siteTimezone);
}

type Scan = { readonly fromMs: number; readonly toMs: number; readonly events: number; readonly fresh: number; readonly duplicates: number };

/** A pass's poll result with the terminals' added: counts summed, their errors joined to HikCentral's. */
export function withIsapiPass<S extends Scan>(poll: S | null, pollError: string | null, pass: IsapiPollPass): { poll: S | Scan; pollError: string | null } {
  const merged: S | Scan =
    poll === null
      ? pass.scan
      : { ...poll, events: poll.events + pass.scan.events, fresh: poll.fresh + pass.scan.fresh, duplicates: poll.duplicates + pass.scan.duplicates };
  const errors = [...(pollError === null ? [] : [pollError]), ...pass.errors];
  return { poll: merged, pollError: errors.length === 0 ? null : errors.join('; ') };
}
