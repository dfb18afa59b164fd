import { Writable } from 'node:stream';
import { HikCentralClient, type HikCentralClientOptions } from '../../../src/hikcentral/client.js';
import { createLogger, type Logger } from '../../../src/logging/logger.js';
import { startHikCentralSimulator, type HikSimulator, type HikSimulatorOptions } from '../../../src/sim/hikcentral/index.js';
import type { SimDoor, SimPerson } from '../../../src/sim/scenario/index.js';

export const SITE_ZONE = 'America/Argentina/Buenos_Aires';
export const at = (iso: string): number => Date.parse(iso);

/** A real JSON-lines logger whose output the test can read. */
export function capturedLogger(): { logger: Logger; lines: () => string[]; records: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ destination: stream, pretty: false, level: 'debug' });
  const lines = () => chunks.join('').split('\n').filter(Boolean);
  return { logger, lines, records: () => lines().map((line) => JSON.parse(line) as Record<string, unknown>) };
}

export function doorsNumbered(count: number): SimDoor[] {
  return Array.from({ length: count }, (_, i) => ({
    doorIndexCode: String(i + 1),
    doorName: `Puerta ${i + 1}`,
    readers: [{ readerIndexCode: `${i + 1}01`, readerName: `Lector ${i + 1}` }],
  }));
}

export function person(index: number, overrides: Partial<SimPerson> = {}): SimPerson {
  return {
    personId: String(1000 + index),
    personCode: `E${String(index).padStart(5, '0')}`,
    personGivenName: `Nombre${index}`,
    personFamilyName: `Apellido${index}`,
    orgIndexCode: '1',
    phoneNo: '',
    email: `persona${index}@example.com`,
    cardNos: index % 3 === 0 ? [] : [`30000${index}`],
    customFields: {},
    ...overrides,
  };
}

export interface Harness {
  readonly sim: HikSimulator;
  readonly appKey: string;
  readonly appSecret: string;
  /** A client for this simulator trusting its CA; close it yourself (or via `closeAll`). */
  client(overrides?: Partial<HikCentralClientOptions>): HikCentralClient;
  closeAll(): Promise<void>;
}

export async function startHarness(options: Partial<HikSimulatorOptions> & { appKey: string; appSecret: string }): Promise<Harness> {
  const sim = await startHikCentralSimulator({ host: '127.0.0.1', httpsPort: 0, ...options });
  const clients: HikCentralClient[] = [];
  return {
    sim,
    appKey: options.appKey,
    appSecret: options.appSecret,
    client(overrides = {}) {
      const client = new HikCentralClient({
        baseUrl: sim.httpsUrl,
        appKey: options.appKey,
        appSecret: options.appSecret,
        caCertPem: sim.caPem,
        connectTimeoutMs: 5_000,
        requestTimeoutMs: 10_000,
        logger: createLogger({ level: 'silent', pretty: false, destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
        timeZone: SITE_ZONE,
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    async closeAll() {
      await Promise.allSettled(clients.map((client) => client.close()));
      await sim.close();
    },
  };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
