import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HikCentralClient } from '../../src/hikcentral/client.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startHikCentralSimulator, type HikSimulator } from '../../src/sim/hikcentral/index.js';

const APP_KEY = '61616161';
const APP_SECRET = 'network-test-secret';

async function probe(baseUrl: string, caCertPem?: string) {
  const client = new HikCentralClient({
    baseUrl,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    connectTimeoutMs: 5_000,
    requestTimeoutMs: 5_000,
    logger: silentLogger(),
    ...(caCertPem ? { caCertPem } : {}),
  });
  try {
    return await client.probe();
  } finally {
    await client.close();
  }
}

describe('what IT reads when HIKVISION_HOST is written wrong', () => {
  let sim: HikSimulator;
  beforeAll(async () => {
    sim = await startHikCentralSimulator({ appKey: APP_KEY, appSecret: APP_SECRET });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('http:// to HikCentral\'s TLS port says to write https:// (it was "other side closed")', async () => {
    const plain = sim.httpsUrl.replace(/^https:/, 'http:');
    const result = await probe(plain, sim.caPem);
    expect(result).toMatchObject({
      ok: false,
      error: {
        category: 'configuration',
        reason: 'https-expected',
        message: expect.stringMatching(/speaks HTTPS/),
        hint: expect.stringContaining(`Write https:// in HIKVISION_HOST (e.g. ${sim.httpsUrl})`),
      },
    });
  });

  it('a host name that does not resolve is named, with what to try (it was raw "getaddrinfo ENOTFOUND")', async () => {
    const result = await probe('https://hikcentral-typo.invalid');
    expect(result).toMatchObject({
      ok: false,
      error: {
        category: 'transient',
        reason: 'dns-unresolved',
        message: expect.stringMatching(/^The name hikcentral-typo\.invalid in HIKVISION_HOST cannot be resolved/),
        hint: expect.stringContaining('nslookup hikcentral-typo.invalid'),
      },
    });
  });
});
