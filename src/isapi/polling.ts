import type { Clock } from '../domain/ports.js';
import type { IsapiConfig } from '../config/isapi.js';
import type { Logger } from '../logging/logger.js';
import { IsapiClient } from './client.js';
import { IsapiDevicePoller, type DevicePollSummary, type IsapiLedger } from './device-poller.js';
import { noteTerminalRead, readTerminalStatus, type TerminalStatus, type TerminalStatusStore } from './terminal-status.js';

export interface IsapiPollPass {
  readonly devices: readonly DevicePollSummary[];
  /** One line per device that could not be read. */
  readonly errors: readonly string[];
  /** Totals, shaped like a HikCentral scan (window on our clock). */
  readonly scan: { readonly fromMs: number; readonly toMs: number; readonly events: number; readonly fresh: number; readonly duplicates: number };
}

/**
 * Every configured terminal, read one after another each pass. A terminal that fails (offline,
 * credentials refused, odd answer) is named in `errors` and keeps its cursor; the others go on.
 */
export class IsapiPolling {
  readonly clients: readonly IsapiClient[];
  private readonly pollers: readonly IsapiDevicePoller[];

  constructor(
    config: IsapiConfig,
    private readonly ledger: IsapiLedger & TerminalStatusStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    timeZone: string,
  ) {
    this.clients = config.devices.map((device) => IsapiClient.fromConfig(config, device, { logger, clock, timeZone }));
    this.pollers = this.clients.map((client) => new IsapiDevicePoller(client, ledger, config, clock, logger, timeZone));
  }

  async pollAll(signal?: AbortSignal): Promise<IsapiPollPass> {
    const startedMs = this.clock.now();
    const devices: DevicePollSummary[] = [];
    const errors: string[] = [];
    for (const poller of this.pollers) {
      if (signal?.aborted) break;
      try {
        const summary = await poller.pollOnce(signal);
        devices.push(summary);
        await noteTerminalRead(this.ledger, poller.device, this.clock.now(), { summary });
      } catch (error) {
        if (signal?.aborted) break;
        const message = error instanceof Error ? error.message : String(error);
        errors.push(message);
        await noteTerminalRead(this.ledger, poller.device, this.clock.now(), { error: message }).catch(() => undefined);
        this.logger.error({ device: poller.device, err: error }, `terminal ${poller.device} could not be read; its cursor stays where it was`);
      }
    }
    const sum = (key: 'events' | 'fresh' | 'duplicates') => devices.reduce((n, d) => n + d[key], 0);
    return { devices, errors, scan: { fromMs: startedMs, toMs: this.clock.now(), events: sum('events'), fresh: sum('fresh'), duplicates: sum('duplicates') } };
  }

  /** What `status` shows of each terminal (from the ledger: any process on it sees the same). */
  statuses(): Promise<TerminalStatus[]> {
    return Promise.all(this.pollers.map((poller) => readTerminalStatus(this.ledger, poller.device)));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.clients.map((client) => client.close()));
  }
}
