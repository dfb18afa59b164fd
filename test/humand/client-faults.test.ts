import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime, HumandClient } from '../../src/humand/index.js';
import { startHarness, API_KEY, OFFSET, type Harness } from './support/fixtures.js';

const EMPLOYEE = '30000001';

describe('HumandClient when Humand or the network misbehaves', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const now = (h: Harness) => formatHumandTime(h.clock.now() - 60_000, OFFSET);

  it('a burst of 500s is transient, nothing is recorded, and the next call goes through', async () => {
    const h = (harness = await startHarness());
    h.sim.faults.set({ fail5xxNext: 2 });
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = await h.client.clock('START', { employeeId: EMPLOYEE, now: now(h), comment: '' });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', status: 500 } });
      expect(result.rateLimit).not.toBeNull();
    }
    expect(h.sim.state.timeline(EMPLOYEE)).toHaveLength(0);
    expect((await h.client.clock('START', { employeeId: EMPLOYEE, now: now(h), comment: '' })).ok).toBe(true);
    expect(h.sim.state.countsByStatus()).toEqual({ '500': 2, '201': 1 });
  });

  it('an answer slower than the request timeout is transient (status null) and does not hang', async () => {
    const h = (harness = await startHarness({}, { requestTimeoutMs: 300 }));
    h.sim.faults.set({ slowMs: 5_000, slowNext: 1 });
    const result = await h.client.listUsers();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', status: null }, rateLimit: null });
    expect(result.ok || result.failure.message).toMatch(/did not answer in time/);
    // The connection pool recovers: the next call works.
    expect((await h.client.getUser(EMPLOYEE)).ok).toBe(true);
  });

  it('a request that times out may still be recorded by Humand afterwards (why a timeout is "transient, maybe done")', async () => {
    const h = (harness = await startHarness({}, { requestTimeoutMs: 500 }));
    h.sim.faults.set({ slowMs: 1_500, slowNext: 1 });
    const result = await h.client.clock('START', { employeeId: EMPLOYEE, now: now(h), comment: '' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', status: null } });
    await expect.poll(() => h.sim.state.timeline(EMPLOYEE).length, { timeout: 10_000, interval: 50 }).toBe(1);
  });

  it('a caller that aborts gets a transient failure, not an exception', async () => {
    const h = (harness = await startHarness());
    h.sim.faults.set({ slowMs: 5_000, slowNext: 1 });
    const controller = new AbortController();
    const pending = h.client.listUsers(controller.signal);
    await expect.poll(() => h.sim.state.requests.length, { timeout: 10_000, interval: 10 }).toBe(1);
    controller.abort();
    const result = await pending;
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', status: null } });
    expect(result.ok || result.failure.message).toMatch(/cancelled/);
  });

  it('a connection reset before processing is transient and creates nothing', async () => {
    const h = (harness = await startHarness());
    h.sim.faults.set({ resetNext: 1 });
    const result = await h.client.clock('START', { employeeId: EMPLOYEE, now: now(h), comment: '' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', status: null } });
    expect(h.sim.state.timeline(EMPLOYEE)).toHaveLength(0);
    expect(h.sim.state.countsByStatus()).toEqual({ reset: 1 });
  });

  it('a lost answer is transient although the entry WAS created; resending is then a rule rejection, and listEntries shows it', async () => {
    const h = (harness = await startHarness());
    const time = now(h);
    h.sim.faults.set({ loseAnswerNext: 1 });
    const lost = await h.client.clock('START', { employeeId: EMPLOYEE, now: time, comment: 'Door 1' });
    expect(lost).toMatchObject({ ok: false, failure: { kind: 'transient', status: null } });
    expect(h.sim.state.timeline(EMPLOYEE).map((entry) => entry.time)).toEqual([time]);
    expect(h.sim.state.countsByStatus()).toEqual({ 'lost-answer': 1 });

    const resent = await h.client.clock('START', { employeeId: EMPLOYEE, now: time, comment: 'Door 1' });
    expect(resent).toMatchObject({ ok: false, failure: { kind: 'rejected-by-rule' } });

    const listed = await h.client.listEntries(EMPLOYEE, '2026-01-27', '2026-01-27');
    expect(listed.ok && listed.value.map((entry) => [entry.type, entry.time, entry.comment])).toEqual([['START', time, 'Door 1']]);
  });

  it('a 2xx whose body is not the documented shape is transient (the request may have been processed)', async () => {
    const server = createServer((socket) => {
      socket.once('data', () => {
        socket.end('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{"id":tru');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    const client = new HumandClient({ baseUrl: `http://127.0.0.1:${address.port}`, auth: API_KEY });
    try {
      const result = await client.clock('START', { employeeId: EMPLOYEE, now: '2026-01-27T08:00:00.000-03:00', comment: '' });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', status: 201 } });
    } finally {
      await client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("error bodies that are empty, HTML or not Humand's shape are classified, never crashed on", async () => {
    const raw = (statusLine: string, contentType: string | null, body: string) =>
      `HTTP/1.1 ${statusLine}\r\n${contentType ? `Content-Type: ${contentType}\r\n` : ''}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
    const answers = [
      raw('502 Bad Gateway', 'text/html', '<html><body>bad gateway</body></html>'),
      raw('400 Bad Request', null, ''),
      raw('403 Forbidden', 'application/json', '[]'),
    ];
    const server = createServer((socket) => {
      socket.once('data', () => socket.end(answers.shift() ?? ''));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    const client = new HumandClient({ baseUrl: `http://127.0.0.1:${address.port}/public/api/v1/`, auth: API_KEY });
    try {
      const kinds = [];
      for (let i = 0; i < 3; i++) {
        const result = await client.getUser('1');
        kinds.push(result.ok ? 'ok' : `${result.failure.kind}:${result.failure.status}`);
      }
      expect(kinds).toEqual(['transient:502', 'bad-request:400', 'forbidden:403']);
    } finally {
      await client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('HumandClient.probe', () => {
  it('tells apart ok, unauthorised, forbidden and unreachable', async () => {
    const h = await startHarness();
    const wrongKey = new HumandClient({ baseUrl: h.sim.url, auth: 'wrong-key-123' });
    try {
      expect(await h.client.probe()).toMatchObject({ status: 'ok', httpStatus: 200, hint: null });
      expect(await wrongKey.probe()).toMatchObject({ status: 'unauthorised', httpStatus: 401 });
      h.sim.state.setForbidden(true);
      const forbidden = await h.client.probe();
      expect(forbidden).toMatchObject({ status: 'forbidden', httpStatus: 403 });
      expect(forbidden.hint).toMatch(/permission/);
    } finally {
      await wrongKey.close();
      await h.close();
    }
    // The simulator is closed now: nothing listens on its port.
    const gone = new HumandClient({ baseUrl: h.sim.url, auth: API_KEY, connectTimeoutMs: 1_000 });
    try {
      const unreachable = await gone.probe();
      expect(unreachable).toMatchObject({ status: 'unreachable', httpStatus: null });
      expect(unreachable.hint).toMatch(/HUMAND_BASE_URL/);
    } finally {
      await gone.close();
    }
  });
});
