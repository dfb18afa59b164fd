import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHikCentralSimulator, type HikSimulator } from '../../src/sim/hikcentral/index.js';
import { callArtemis } from './support/artemis-call.js';

const APP_KEY = '99887766';
const APP_SECRET = 'faults-secret-4';
const creds = { appKey: APP_KEY, appSecret: APP_SECRET };
const VERSION = '/artemis/api/common/v1/version';
const PERSONS = '/artemis/api/resource/v1/person/personList';

describe('HikCentral simulator: faults switched at run time', () => {
  let sim: HikSimulator;
  let target: { baseUrl: string; caPem: string };

  beforeAll(async () => {
    sim = await startHikCentralSimulator({ appKey: APP_KEY, appSecret: APP_SECRET });
    target = { baseUrl: sim.httpsUrl, caPem: sim.caPem };
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    sim.faults.clear();
  });

  it('refuseConnections: every connection is closed at once; clearing it restores service', async () => {
    sim.faults.set({ refuseConnections: true });
    await expect(callArtemis(target, VERSION, {}, creds)).rejects.toThrow(/socket|closed|reset|ECONNRESET|disconnected/i);
    expect(sim.state.requestCounts().refusedConnections).toBeGreaterThanOrEqual(1);
    sim.faults.clear();
    expect((await callArtemis(target, VERSION, {}, creds)).json().code).toBe('0');
  });

  it('delayMs: answers are held, so a client with a shorter timeout gives up; delayPath limits it to one path', async () => {
    sim.faults.set({ delayMs: 10_000 });
    await expect(callArtemis(target, VERSION, {}, { ...creds, timeoutMs: 300 })).rejects.toThrow(/timeout/i);
    sim.faults.set({ delayPath: PERSONS });
    expect((await callArtemis(target, VERSION, {}, { ...creds, timeoutMs: 3_000 })).json().code).toBe('0');
    await expect(callArtemis(target, PERSONS, { pageNo: 1, pageSize: 1 }, { ...creds, timeoutMs: 300 })).rejects.toThrow(/timeout/i);
  });

  it('delayMs: a held answer still arrives, late', async () => {
    sim.faults.set({ delayMs: 150 });
    const started = performance.now();
    expect((await callArtemis(target, VERSION, {}, creds)).json().code).toBe('0');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('forceCode with count: the next N requests get the code, then normal answers resume', async () => {
    sim.faults.set({ forceCode: { code: '0x01000001', msg: 'Internal error', count: 2 } });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await callArtemis(target, VERSION, {}, creds)).json());
    expect(codes.map((c) => c.code)).toEqual(['0x01000001', '0x01000001', '0']);
    expect(codes[0]?.msg).toBe('Internal error');
  });

  it('forceCode with a path: only that path is affected, until cleared', async () => {
    sim.faults.set({ forceCode: { code: '0x01000002', path: PERSONS } });
    expect((await callArtemis(target, VERSION, {}, creds)).json().code).toBe('0');
    expect((await callArtemis(target, PERSONS, { pageNo: 1, pageSize: 1 }, creds)).json().code).toBe('0x01000002');
    expect((await callArtemis(target, PERSONS, { pageNo: 1, pageSize: 1 }, creds)).json().code).toBe('0x01000002');
    sim.faults.clear();
    expect((await callArtemis(target, PERSONS, { pageNo: 1, pageSize: 1 }, creds)).json().code).toBe('0');
  });

  it('malformedJson: HTTP 200 with a body that does not parse, for the next N requests', async () => {
    sim.state.resetRequestLog();
    sim.faults.set({ malformedJson: { count: 1 } });
    const broken = await callArtemis(target, VERSION, {}, creds);
    expect(broken.status).toBe(200);
    expect(() => broken.json()).toThrow(SyntaxError);
    expect((await callArtemis(target, VERSION, {}, creds)).json().code).toBe('0');
    expect(sim.state.requestCounts().byCode).toEqual({ malformed: 1, '0': 1 });
  });

  it('current() reports what is switched on', () => {
    sim.faults.set({ delayMs: 5, forceCode: { code: '0x1', count: 3 } });
    expect(sim.faults.current()).toMatchObject({ refuseConnections: false, delayMs: 5, forceCode: { code: '0x1', count: 3 } });
  });
});
