import type { IsapiDeviceConfig } from '../../config/isapi.js';
import type { Clock } from '../../domain/ports.js';
import type { HikScenario, TimeClockReader } from '../scenario/types.js';
import { scenarioOnTerminals, terminalClocks, type TerminalLayout } from './from-scenario.js';
import { startIsapiTerminal, type IsapiTerminalSimulator } from './index.js';

export interface SiteTerminals {
  readonly terminals: ReadonlyMap<string, IsapiTerminalSimulator>;
  /** The device list a site would configure for them (time-clock readers with their directions). */
  readonly devices: readonly IsapiDeviceConfig[];
  close(): Promise<void>;
}

/**
 * A generated day's site on simulated terminals (tests, demo): one terminal per layout entry,
 * each holding its doors' events, and the matching device configuration.
 */
export async function startSiteTerminals(options: {
  readonly scenario: HikScenario;
  readonly timeClockReaders: readonly TimeClockReader[];
  readonly layout: readonly TerminalLayout[];
  readonly clock: Clock;
  readonly timezone: string;
  readonly user: string;
  readonly password: string;
  readonly driftMs?: Readonly<Record<string, number>>;
  readonly capacity?: number;
}): Promise<SiteTerminals> {
  const day = scenarioOnTerminals(options.scenario, options.layout);
  const clocks = terminalClocks(day, options.timeClockReaders);
  const terminals = new Map<string, IsapiTerminalSimulator>();
  const close = async () => {
    await Promise.allSettled([...terminals.values()].map((t) => t.close()));
  };
  try {
    for (const layout of options.layout) {
      const terminal = await startIsapiTerminal({
        clock: options.clock,
        timezone: options.timezone,
        user: options.user,
        password: options.password,
        driftMs: options.driftMs?.[layout.name] ?? 0,
        ...(options.capacity ? { capacity: options.capacity } : {}),
      });
      terminal.state.addEvents(day.events.get(layout.name)!);
      terminals.set(layout.name, terminal);
    }
  } catch (error) {
    await close();
    throw error;
  }
  const devices = options.layout.map((layout): IsapiDeviceConfig => ({
    name: layout.name,
    baseUrl: terminals.get(layout.name)!.url,
    user: options.user,
    password: options.password,
    caCertPem: null,
    tlsInsecure: false,
    pageSize: null,
    readers: clocks
      .filter((c) => c.terminal === layout.name)
      .map((c) => ({ cardReaderNo: c.cardReaderNo, mode: 'door' as const, direction: c.direction, debounceMs: null, label: null })),
    pushAddresses: ['127.0.0.1'],
  }));
  return { terminals, devices, close };
}
