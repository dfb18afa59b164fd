import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CODES, startHikCentralSimulator, type HikSimulator } from '../../src/sim/hikcentral/index.js';
import { callArtemis } from './support/artemis-call.js';

const APP_KEY = '24681357';
const APP_SECRET = 'sim-secret-Qw3rTy9';
const VERSION = '/artemis/api/common/v1/version';
const PERSONS = '/artemis/api/resource/v1/person/personList';

describe('HikCentral simulator: gateway authentication over HTTPS', () => {
  let sim: HikSimulator;
  let target: { baseUrl: string; caPem: string };
  const creds = { appKey: APP_KEY, appSecret: APP_SECRET };

  beforeAll(async () => {
    sim = await startHikCentralSimulator({ appKey: APP_KEY, appSecret: APP_SECRET, http: true });
    target = { baseUrl: sim.httpsUrl, caPem: sim.caPem };
  });
  afterAll(async () => {
    await sim.close();
  });

  it('answers a correctly signed request with code "0" and HTTP 200', async () => {
    const answer = await callArtemis(target, VERSION, {}, creds);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ code: '0', msg: 'Success', data: { softVersion: expect.any(String) } });
  });

  it('accepts a signed GET with query parameters (they are part of the signed resource)', async () => {
    const answer = await callArtemis(target, VERSION, undefined, { ...creds, method: 'GET', query: { flag: '', pageNo: '1' } });
    expect(answer.json().code).toBe('0');
  });

  it('wrong secret → 0x02401003, HTTP 200, message echoing the string the gateway signed', async () => {
    const nonce = '4f5e2c1a-0000-4000-8000-00000000abcd';
    const answer = await callArtemis(target, PERSONS, { pageNo: 1, pageSize: 10 }, { appKey: APP_KEY, appSecret: 'not-the-secret', nonce });
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.code).toBe(SIM_CODES.signatureInvalid);
    expect(body.msg).toContain(`POST\napplication/json\napplication/json\nx-ca-key:${APP_KEY}\nx-ca-nonce:${nonce}\n`);
    expect(body.msg).toContain(`\n${PERSONS}`);
    expect(body.msg).not.toContain(APP_SECRET);
  });

  it('an Accept header changed after signing breaks the signature', async () => {
    const answer = await callArtemis(target, VERSION, {}, { ...creds, tamper: (headers) => ({ ...headers, Accept: '*/*' }) });
    expect(answer.json().code).toBe(SIM_CODES.signatureInvalid);
  });

  it('declaring fewer signed headers than were signed breaks the signature', async () => {
    const tampered = await callArtemis(target, VERSION, {}, { ...creds, tamper: (headers) => ({ ...headers, 'x-ca-signature-headers': 'x-ca-key' }) });
    expect(tampered.json().code).toBe(SIM_CODES.signatureInvalid);
  });

  it('a body value is not part of the signature, a query value is', async () => {
    const good = await callArtemis(target, VERSION, undefined, { ...creds, method: 'GET', query: { pageNo: '1' } });
    expect(good.json().code).toBe('0');
    const changedQuery = await callArtemis(target, VERSION, undefined, { ...creds, method: 'GET', query: { pageNo: '1' }, sentQuery: { pageNo: '2' } });
    expect(changedQuery.json().code).toBe(SIM_CODES.signatureInvalid);
    const changedBody = await callArtemis(target, PERSONS, { pageNo: 1, pageSize: 3 }, { ...creds, rawBody: '{"pageNo": 2, "pageSize": 3}' });
    expect(changedBody.json().code).toBe('0');
  });

  it('unknown app key → 0x02401001', async () => {
    const answer = await callArtemis(target, VERSION, {}, { appKey: '99999999', appSecret: APP_SECRET });
    expect(answer.json().code).toBe(SIM_CODES.appKeyUnknown);
  });

  it('missing app key → 0x02401000', async () => {
    const answer = await callArtemis(
      target,
      VERSION,
      {},
      {
        ...creds,
        tamper: (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'x-ca-key')),
      },
    );
    expect(answer.json().code).toBe(SIM_CODES.appKeyMissing);
  });

  it('missing signature → 0x02401002', async () => {
    const answer = await callArtemis(
      target,
      VERSION,
      {},
      {
        ...creds,
        tamper: (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'x-ca-signature')),
      },
    );
    expect(answer.json().code).toBe(SIM_CODES.signatureMissing);
  });

  it('a timestamp older or newer than 15 minutes is refused; inside the tolerance it is accepted', async () => {
    const stale = await callArtemis(target, VERSION, {}, { ...creds, timestamp: Date.now() - 16 * 60_000 });
    expect(stale.json().code).toBe(SIM_CODES.timestampOutOfRange);
    const future = await callArtemis(target, VERSION, {}, { ...creds, timestamp: Date.now() + 16 * 60_000 });
    expect(future.json().code).toBe(SIM_CODES.timestampOutOfRange);
    const skewed = await callArtemis(target, VERSION, {}, { ...creds, timestamp: Date.now() - 10 * 60_000 });
    expect(skewed.json().code).toBe('0');
  });

  it('a replayed nonce is refused', async () => {
    const nonce = '0e5b7c9a-1111-4222-8333-444455556666';
    expect((await callArtemis(target, VERSION, {}, { ...creds, nonce })).json().code).toBe('0');
    expect((await callArtemis(target, VERSION, {}, { ...creds, nonce })).json().code).toBe(SIM_CODES.nonceReplayed);
  });

  it('a missing required parameter → 0x00072001', async () => {
    const answer = await callArtemis(target, PERSONS, { pageSize: 10 }, creds);
    expect(answer.json()).toMatchObject({ code: SIM_CODES.parameterMissing, msg: expect.stringContaining('pageNo') });
  });

  it('a body that is not JSON → the parameter-invalid code', async () => {
    const answer = await callArtemis(target, PERSONS, undefined, { ...creds, rawBody: '{"pageNo": 1, "pageSize": ' });
    expect(answer.json().code).toBe(SIM_CODES.parameterInvalid);
  });

  it('an unknown path, or a known one with the wrong method → the not-found code', async () => {
    expect((await callArtemis(target, '/artemis/api/nothing/here', {}, creds)).json().code).toBe(SIM_CODES.apiNotFound);
    expect((await callArtemis(target, PERSONS, undefined, { ...creds, method: 'GET' })).json().code).toBe(SIM_CODES.apiNotFound);
  });

  it('plain HTTP is refused with 0x0240103c, even when correctly signed', async () => {
    expect(sim.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await callArtemis({ baseUrl: sim.httpUrl ?? '', caPem: null }, VERSION, {}, creds);
    expect(answer.status).toBe(200);
    expect(answer.json().code).toBe(SIM_CODES.plainHttpRefused);
  });

  it('a client that does not trust the simulator CA cannot connect', async () => {
    await expect(callArtemis({ baseUrl: sim.httpsUrl, caPem: null }, VERSION, {}, creds)).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it('counts requests by path and by answered code', () => {
    const counts = sim.state.requestCounts();
    expect(counts.byPath[VERSION]).toBeGreaterThanOrEqual(10);
    expect(counts.byCode[SIM_CODES.signatureInvalid]).toBeGreaterThanOrEqual(3);
    expect(counts.byCode[SIM_CODES.plainHttpRefused]).toBe(1);
    expect(sim.state.requests().some((r) => r.transport === 'http')).toBe(true);
  });
});

describe('HikCentral simulator: deployment variants', () => {
  it('requireUserIdHeader: without a signed userId → 0x02401010; with it → "0"', async () => {
    const sim = await startHikCentralSimulator({ appKey: APP_KEY, appSecret: APP_SECRET, requireUserIdHeader: true });
    try {
      const target = { baseUrl: sim.httpsUrl, caPem: sim.caPem };
      const creds = { appKey: APP_KEY, appSecret: APP_SECRET };
      expect((await callArtemis(target, VERSION, {}, creds)).json().code).toBe(SIM_CODES.userIdMissing);
      // Sent but not signed is not enough.
      expect((await callArtemis(target, VERSION, {}, { ...creds, headers: { userId: 'admin' } })).json().code).toBe(SIM_CODES.userIdMissing);
      expect((await callArtemis(target, VERSION, {}, { ...creds, headers: { userId: 'admin' }, extraSignedHeaders: ['userId'] })).json().code).toBe('0');
    } finally {
      await sim.close();
    }
  });

  it('allowPlainHttp: the HTTP listener serves the API', async () => {
    const sim = await startHikCentralSimulator({ appKey: APP_KEY, appSecret: APP_SECRET, http: true, allowPlainHttp: true });
    try {
      const answer = await callArtemis({ baseUrl: sim.httpUrl ?? '', caPem: null }, VERSION, {}, { appKey: APP_KEY, appSecret: APP_SECRET });
      expect(answer.json().code).toBe('0');
    } finally {
      await sim.close();
    }
  });
});
