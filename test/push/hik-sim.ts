import type { Clock } from '../../src/domain/ports.js';
import { HikCentralClient } from '../../src/hikcentral/client.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startHikCentralSimulator, type HikPushOptions, type HikSimulator } from '../../src/sim/hikcentral/index.js';
import type { HikScenario } from '../../src/sim/scenario/types.js';

export const APP_KEY = 'push-test-key';
export const APP_SECRET = 'push-test-secret-0123456789';

export interface HikFixture {
  readonly sim: HikSimulator;
  readonly client: HikCentralClient;
  close(): Promise<void>;
}

/** A simulated HikCentral and our real client talking to it over HTTPS. */
export async function startHik(options: { clock: Clock; scenario?: HikScenario; push?: HikPushOptions }): Promise<HikFixture> {
  const sim = await startHikCentralSimulator({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    clock: options.clock,
    ...(options.scenario ? { scenario: options.scenario } : {}),
    push: { retryBaseMs: 1_000, retryMaxMs: 60_000, ...(options.push ?? {}) },
  });
  const client = new HikCentralClient({
    baseUrl: sim.httpsUrl,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    caCertPem: sim.caPem,
    connectTimeoutMs: 5_000,
    requestTimeoutMs: 10_000,
    logger: silentLogger(),
  });
  return {
    sim,
    client,
    async close() {
      await client.close();
      await sim.close();
    },
  };
}
