import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HikCentralClient } from '../../src/hikcentral/client.js';
import { HikCentralError } from '../../src/hikcentral/errors.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startHikCentralSimulator, type HikSimulator } from '../../src/sim/hikcentral/index.js';
import { capturedLogger, person, startHarness, type Harness } from './support/harness.js';

const APP_KEY = '70707070';
const APP_SECRET = 'tls-test-secret-value';

async function failure(promise: Promise<unknown>): Promise<HikCentralError> {
  try {
    await promise;
  } catch (error) {
    return error as HikCentralError;
  }
  throw new Error('expected the call to fail');
}

describe('TLS to HikCentral', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ appKey: APP_KEY, appSecret: APP_SECRET, http: true });
    harness.sim.state.addPersons([person(1)]);
  });
  afterAll(async () => {
    await harness.closeAll();
  });

  it('succeeds when the client trusts the given CA (HIK_CA_CERT)', async () => {
    const first = await harness.client().listPersons().next();
    expect(first.value).toMatchObject({ personId: '1001' });
  });

  it('is refused without the CA: a configuration error whose hint names HIK_CA_CERT', async () => {
    const client = new HikCentralClient({
      baseUrl: harness.sim.httpsUrl,
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      connectTimeoutMs: 5_000,
      requestTimeoutMs: 5_000,
      logger: silentLogger(),
    });
    try {
      const error = await failure(client.listPersons().next());
      expect(error).toMatchObject({ category: 'configuration' });
      expect(error).toMatchObject({ category: 'configuration', reason: 'tls-untrusted', hint: expect.stringMatching(/HIK_CA_CERT/) });
      // Nothing reached the platform: the handshake was refused before any request was sent.
      const probe = await client.probe();
      expect(probe).toMatchObject({ ok: false, error: { reason: 'tls-untrusted' } });
    } finally {
      await client.close();
    }
  });

  it('with tlsInsecure: works, and warns loudly exactly once, at construction', async () => {
    const log = capturedLogger();
    const client = harness.client({ caCertPem: undefined, tlsInsecure: true, logger: log.logger });
    const warningsAfterConstruction = log.records().filter((r) => r.level === 'warn');
    expect(warningsAfterConstruction).toHaveLength(1);
    expect(String(warningsAfterConstruction[0]?.msg)).toMatch(/VERIFICATION IS DISABLED/);
    expect(String(warningsAfterConstruction[0]?.msg)).toMatch(/HIK_CA_CERT/);

    await expect(client.listPersons().next()).resolves.toMatchObject({ done: false });
    await expect(client.listPersons().next()).resolves.toMatchObject({ done: false });
    expect(log.records().filter((r) => r.level === 'warn')).toHaveLength(1);
  });

  it('refuses a HIK_CA_CERT that is not a PEM certificate before any request', () => {
    expect(() => harness.client({ caCertPem: 'not a certificate' })).toThrow(/HIK_CA_CERT/);
  });

  it('plain HTTP is refused by the platform (0x0240103c): a configuration error asking for https://', async () => {
    const httpUrl = harness.sim.httpUrl;
    if (httpUrl === null) throw new Error('the simulator was started with http: true');
    const error = await failure(harness.client({ baseUrl: httpUrl }).listPersons().next());
    expect(error).toMatchObject({ category: 'configuration' });
    expect(error).toMatchObject({ reason: 'plain-http-refused', artemisCode: '0x0240103c', hint: expect.stringMatching(/https:\/\//) });
  });

  describe('a certificate issued for another host name', () => {
    let sim: HikSimulator;
    let certPem: string;
    beforeAll(async () => {
      const pems = await generate([{ name: 'commonName', value: 'hcp.example.invalid' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        extensions: [
          { name: 'basicConstraints', cA: true },
          { name: 'subjectAltName', altNames: [{ type: 2, value: 'hcp.example.invalid' }] },
        ],
      });
      certPem = pems.cert;
      sim = await startHikCentralSimulator({ appKey: APP_KEY, appSecret: APP_SECRET, tls: { certPem: pems.cert, keyPem: pems.private } });
    });
    afterAll(async () => {
      await sim.close();
    });

    it('is a configuration error explaining the name mismatch, even with the CA trusted', async () => {
      const client = new HikCentralClient({
        baseUrl: sim.httpsUrl,
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        caCertPem: certPem,
        connectTimeoutMs: 5_000,
        requestTimeoutMs: 5_000,
        logger: silentLogger(),
      });
      try {
        const error = await failure(client.listPersons().next());
        expect(error).toMatchObject({ category: 'configuration' });
        expect(error).toMatchObject({ reason: 'tls-hostname-mismatch', hint: expect.stringMatching(/HIKVISION_HOST/) });
      } finally {
        await client.close();
      }
    });
  });
});
