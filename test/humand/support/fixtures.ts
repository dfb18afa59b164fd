import { generateSimUsers, startHumandSimulator, type HumandSimulator, type HumandSimulatorOptions } from '../../../src/sim/humand/index.js';
import { HumandClient } from '../../../src/humand/index.js';
import type { HumandClientOptions } from '../../../src/humand/index.js';
import { AutoAdvanceClock } from '../../support/manual-clock.js';

/** 2026-01-27 12:00:00 at UTC-03:00. */
export const NOON_BUENOS_AIRES = Date.parse('2026-01-27T15:00:00.000Z');
export const OFFSET = '-03:00';
export const API_KEY = 'sim-key-7f3a9c1e5b';

export interface Harness {
  readonly sim: HumandSimulator;
  readonly client: HumandClient;
  readonly clock: AutoAdvanceClock;
  close(): Promise<void>;
}

/** A simulator and a client pointed at it, both on one manual clock. */
export async function startHarness(simOptions: Partial<HumandSimulatorOptions> = {}, clientOptions: Partial<HumandClientOptions> = {}): Promise<Harness> {
  const clock = new AutoAdvanceClock(NOON_BUENOS_AIRES);
  const sim = await startHumandSimulator({ apiKey: API_KEY, users: generateSimUsers(5), clock, ...simOptions });
  const client = new HumandClient({ baseUrl: sim.url, auth: API_KEY, clock, requestTimeoutMs: 5_000, connectTimeoutMs: 2_000, ...clientOptions });
  return {
    sim,
    client,
    clock,
    close: async () => {
      await client.close();
      await sim.close();
    },
  };
}
