import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HikCentralClient } from '../../src/hikcentral/client.js';
import { HikCentralError } from '../../src/hikcentral/errors.js';
import { silentLogger } from '../../src/logging/logger.js';
import { at, capturedLogger, collect, doorsNumbered, person, SITE_ZONE, startHarness, type Harness } from './support/harness.js';

const APP_KEY = '80808080';
const APP_SECRET = 'the-real-secret-of-the-partner-app';
const EVENTS_PATH = '/artemis/api/acs/v1/door/events';
const PERSONS_PATH = '/artemis/api/resource/v1/person/personList';
const NOW = at('2026-03-31T12:00:00-03:00');
const scanQuery = { startMs: NOW - 3_600_000, endMs: NOW, doorIndexCodes: [], eventCodes: [196893] };

async function failure(promise: Promise<unknown>): Promise<HikCentralError> {
  try {
    await promise;
  } catch (error) {
    return error as HikCentralError;
  }
  throw new Error('expected the call to fail');
}

describe('HikCentral errors, as the client meets them over HTTPS', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ appKey: APP_KEY, appSecret: APP_SECRET });
  });
  afterAll(async () => {
    await harness.closeAll();
  });
  beforeEach(() => {
    harness.sim.faults.clear();
    harness.sim.state.loadScenario({ site: { timezone: SITE_ZONE }, persons: [person(1)], doors: doorsNumbered(2), events: [] });
  });

  it('works with the right credentials (the baseline every other case departs from)', async () => {
    await expect(collect(harness.client().scanDoorEvents(scanQuery))).resolves.toEqual([]);
  });

  describe('a wrong secret', () => {
    it('is a configuration error whose hint names HIK_SECRET, and the log shows neither the secret nor the echoed string-to-sign', async () => {
      const wrongSecret = 'a-wrong-secret-typed-by-someone';
      const log = capturedLogger();
      const client = harness.client({ appSecret: wrongSecret, logger: log.logger });
      const error = await failure(collect(client.scanDoorEvents(scanQuery)));

      expect(error).toMatchObject({ category: 'configuration' });
      expect(error).toMatchObject({ category: 'configuration', reason: 'signature-invalid', artemisCode: '0x02401003' });
      expect(error.hint).toMatch(/HIK_SECRET/);
      expect(error.message).toMatch(/secret itself differs/);

      const output = log.lines().join('\n');
      expect(log.records().some((r) => r.level === 'warn' && r.reason === 'signature-invalid')).toBe(true);
      for (const text of [output, error.message]) {
        expect(text).not.toContain(wrongSecret);
        expect(text).not.toContain(APP_SECRET);
        expect(text).not.toContain(APP_KEY);
        expect(text).not.toContain(`x-ca-key:${APP_KEY}`);
        expect(text).not.toMatch(/x-ca-nonce:[0-9a-f-]{36}/);
        expect(text).not.toMatch(/x-ca-timestamp:\d+/);
      }
    });
  });

  it('an unknown app key is a configuration error whose hint names HIK_APP_KEY', async () => {
    const error = await failure(harness.client({ appKey: '11112222' }).listPersons().next());
    expect(error).toMatchObject({ category: 'configuration' });
    expect(error).toMatchObject({ reason: 'app-key-unknown', artemisCode: '0x02401001', hint: expect.stringMatching(/HIK_APP_KEY/) });
  });

  it('an empty app key is refused before any request', () => {
    expect(() => harness.client({ appKey: '' })).toThrow(HikCentralError);
  });

  it('the platform answering "app key missing" is a configuration error naming HIK_APP_KEY', async () => {
    harness.sim.faults.set({ forceCode: { code: '0x02401000', msg: 'AppKey is missing', count: 1 } });
    const error = await failure(harness.client().listPersons().next());
    expect(error).toMatchObject({ category: 'configuration', reason: 'app-key-missing', hint: expect.stringMatching(/HIK_APP_KEY/) });
  });

  it('a missing parameter is bad input, not a retryable failure', async () => {
    await harness.closeAll();
    harness = await startHarness({ appKey: APP_KEY, appSecret: APP_SECRET, requireEventTypeOrPersonName: true });
    const error = await failure(collect(harness.client().scanDoorEvents({ ...scanQuery, eventCodes: [] })));
    expect(error).toMatchObject({ category: 'bad-input' });
    expect(error).toMatchObject({ reason: 'missing-parameter', artemisCode: '0x00072001' });
  });

  describe('a platform that requires the userId header', () => {
    let strict: Harness;
    beforeAll(async () => {
      strict = await startHarness({ appKey: APP_KEY, appSecret: APP_SECRET, requireUserIdHeader: true });
      strict.sim.state.addPersons([person(1)]);
    });
    afterAll(async () => {
      await strict.closeAll();
    });

    it('without HIK_USER_ID: a configuration error whose hint names HIK_USER_ID', async () => {
      const error = await failure(strict.client().listPersons().next());
      expect(error).toMatchObject({ category: 'configuration' });
      expect(error).toMatchObject({ reason: 'user-not-authorised', artemisCode: '0x02401010', hint: expect.stringMatching(/HIK_USER_ID/) });
    });

    it('with HIK_USER_ID: the signed userId header is accepted', async () => {
      await expect(strict.client({ userId: 'admin' }).listPersons().next()).resolves.toMatchObject({ done: false });
    });
  });

  describe('transient failures', () => {
    it('a refused connection (nothing listening) is transient and says where it tried', async () => {
      const port = await closedPort();
      const client = new HikCentralClient({
        baseUrl: `https://127.0.0.1:${port}`,
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        connectTimeoutMs: 5_000,
        requestTimeoutMs: 5_000,
        logger: silentLogger(),
      });
      try {
        const error = await failure(client.listPersons().next());
        expect(error).toMatchObject({ category: 'transient' });
        expect(error).toMatchObject({ reason: 'connection-refused', hint: expect.stringMatching(/HIKVISION_HOST/) });
      } finally {
        await client.close();
      }
    });

    it('a connection the platform drops at once is transient', async () => {
      harness.sim.faults.set({ refuseConnections: true });
      const error = await failure(harness.client().listPersons().next());
      expect(error).toMatchObject({ category: 'transient' });
      expect(error.category).toBe('transient');
      expect(['network', 'connection-refused']).toContain(error.reason);
    });

    it('an answer slower than requestTimeoutMs is a transient timeout', async () => {
      harness.sim.faults.set({ delayMs: 30_000, delayPath: EVENTS_PATH });
      const error = await failure(collect(harness.client({ requestTimeoutMs: 300 }).scanDoorEvents(scanQuery)));
      expect(error).toMatchObject({ category: 'transient' });
      expect(error.reason).toBe('timeout');
    });

    it('a body that is not JSON is transient (malformed response)', async () => {
      harness.sim.faults.set({ malformedJson: { count: 1 } });
      const error = await failure(collect(harness.client().scanDoorEvents(scanQuery)));
      expect(error).toMatchObject({ category: 'transient' });
      expect(error.reason).toBe('malformed-response');
    });

    it('an unknown non-"0" code with HTTP 200 is a transient platform error carrying the code', async () => {
      harness.sim.faults.set({ forceCode: { code: '0x0ABCDEF0', msg: 'Internal service busy', count: 1 } });
      const error = await failure(harness.client().listPersons().next());
      expect(error).toMatchObject({ category: 'transient' });
      expect(error).toMatchObject({ reason: 'platform-error', artemisCode: '0x0ABCDEF0' });
      expect(error.message).toContain('Internal service busy');
    });

    it('recovers on the next call once the fault is gone (no poisoned connection pool)', async () => {
      const client = harness.client();
      harness.sim.faults.set({ malformedJson: { count: 1, path: PERSONS_PATH } });
      await failure(client.listPersons().next());
      await expect(client.listPersons().next()).resolves.toMatchObject({ done: false });
    });
  });
});

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
