import path from 'node:path';
import { Readable } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { SqliteLedgerStore } from '../../src/store/index.js';
import { startWebhookServer, type WebhookServer, type WebhookServerOptions } from '../../src/push/webhook-server.js';
import { ledgerIngest, notification, post, pushedEvent, tempDir, totalPunches } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';

describe('webhook receiver', () => {
  let store: SqliteLedgerStore;
  let server: WebhookServer | undefined;
  let rejected: { raw: unknown; reason: string }[];
  let wakes: number;

  async function start(overrides: Partial<WebhookServerOptions> = {}): Promise<WebhookServer> {
    server = await startWebhookServer({
      port: 0,
      token: TOKEN,
      logger: silentLogger(),
      ingest: ledgerIngest(store),
      onIngested: () => {
        wakes++;
      },
      recordRejectedInput: async (inputs) => {
        rejected.push(...inputs);
      },
      ...overrides,
    });
    return server;
  }

  beforeEach(() => {
    store = SqliteLedgerStore.open({ path: ':memory:' });
    rejected = [];
    wakes = 0;
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    await store.close();
  });

  it('binds to loopback on the default path unless told otherwise', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hik\/events$/);
  });

  it('commits a pushed batch to the ledger before answering 200 {code:"0"}', async () => {
    const { url } = await start();
    const first = pushedEvent({ happenTime: '2026-01-27T08:01:02-03:00' }, { personId: '42', personCode: 'E-0042' });
    const second = pushedEvent({ happenTime: '2026-01-27T08:03:00-03:00' }, { personId: '43', personCode: 'E-0043' });
    const answer = await post(url, notification([first, second]), { token: TOKEN });
    expect(answer).toEqual({ status: 200, body: { code: '0', msg: 'Success' } });
    const punches = await store.findPunches({});
    expect(punches.map((p) => [p.eventId, p.personId, p.personCode, p.source, p.eventTime, p.doorIndexCode])).toEqual([
      [first.eventId, '42', 'E-0042', 'push', '2026-01-27T08:01:02-03:00', 'door-1'],
      [second.eventId, '43', 'E-0043', 'push', '2026-01-27T08:03:00-03:00', 'door-1'],
    ]);
    await expect.poll(() => wakes).toBe(1);
  });

  it('collapses re-pushes of the same punch carrying new eventIds, and does not wake the deliverer for them', async () => {
    const { url } = await start();
    const original = pushedEvent();
    expect((await post(url, notification([original]), { token: TOKEN })).status).toBe(200);
    await expect.poll(() => wakes).toBe(1);
    for (let copy = 0; copy < 5; copy++) {
      const repush = { ...original, eventId: `repush-${copy}` };
      expect((await post(url, notification([repush]), { token: TOKEN })).status).toBe(200);
    }
    expect(await totalPunches(store)).toBe(1);
    // Same eventId again (a plain re-send) collapses too.
    expect((await post(url, notification([original]), { token: TOKEN })).status).toBe(200);
    expect(await totalPunches(store)).toBe(1);
    expect(wakes).toBe(1);
  });

  it.each([
    ['missing', undefined, 'missing token'],
    ['wrong', 'test-token-0123456789abcdeX', 'wrong token'],
    ['shorter', 'test', 'wrong token'],
    ['empty', '', 'wrong token'],
  ])('refuses a %s token with 401 and stores nothing', async (_label, token, msg) => {
    const { url } = await start();
    const answer = await post(url, notification([pushedEvent()]), { token });
    expect(answer).toEqual({ status: 401, body: { code: '401', msg } });
    expect(await totalPunches(store)).toBe(0);
    expect(wakes).toBe(0);
  });

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const { url } = await start({ bodyLimitBytes: 4096 });
    const events = Array.from({ length: 40 }, () => pushedEvent());
    const answer = await post(url, notification(events), { token: TOKEN });
    expect(answer).toEqual({ status: 413, body: { code: '413', msg: 'body too large' } });
    expect(await totalPunches(store)).toBe(0);
    // The limit is on size, not a blanket refusal: a small batch still goes through.
    expect((await post(url, notification([pushedEvent()]), { token: TOKEN })).status).toBe(200);
  });

  it('refuses a chunked body that grows past the limit (no content-length to trust)', async () => {
    const { url } = await start({ bodyLimitBytes: 4096 });
    const { request } = await import('undici');
    const big = JSON.stringify(notification(Array.from({ length: 40 }, () => pushedEvent())));
    async function* chunks(): AsyncGenerator<string> {
      for (let i = 0; i < big.length; i += 1000) yield big.slice(i, i + 1000);
    }
    const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', token: TOKEN }, body: Readable.from(chunks()) });
    await response.body.text();
    expect(response.statusCode).toBe(413);
    expect(await totalPunches(store)).toBe(0);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"method":"OnEventNotify","params":{' }, 400, 'malformed JSON'],
    ['an empty body', { rawBody: '' }, 400, 'empty body'],
    ['a JSON array', { rawBody: '[1,2]' }, 400, /^not an OnEventNotify body/],
    ['another method', { rawBody: JSON.stringify({ method: 'OnSomethingElse', params: { events: [] } }) }, 400, /^not an OnEventNotify body: method/],
    ['no events array', { rawBody: JSON.stringify({ method: 'OnEventNotify', params: { events: 'x' } }) }, 400, /^not an OnEventNotify body: params\.events/],
    ['a prototype-poisoning body', { rawBody: '{"method":"OnEventNotify","params":{"events":[]},"__proto__":{"x":1}}' }, 400, /./],
    [
      'text/plain',
      { rawBody: JSON.stringify(notification([pushedEvent()])), headers: { 'content-type': 'text/plain' } },
      415,
      'content-type must be application/json',
    ],
  ])('refuses %s with a 4xx and a short reason, storing nothing', async (_label, options, status, msg) => {
    const { url } = await start();
    const answer = await post(url, undefined, { token: TOKEN, ...options });
    expect(answer.status).toBe(status);
    const body = answer.body as { code: string; msg: string };
    expect(body.code).toBe(String(status));
    if (typeof msg === 'string') expect(body.msg).toBe(msg);
    else expect(body.msg).toMatch(msg);
    expect(body.msg.length).toBeLessThanOrEqual(160);
    expect(await totalPunches(store)).toBe(0);
    expect(rejected).toEqual([]);
  });

  it('accepts application/json with a charset, as HikCentral sends it', async () => {
    const { url } = await start();
    const answer = await post(url, notification([pushedEvent()]), { token: TOKEN, headers: { 'content-type': 'application/json;charset=UTF-8' } });
    expect(answer.status).toBe(200);
    expect(await totalPunches(store)).toBe(1);
  });

  it('stores the good events of a mixed batch and records the bad ones as rejected input', async () => {
    const { url } = await start();
    const good = pushedEvent();
    const noTime = pushedEvent({ happenTime: 'yesterday-ish' });
    const noType = { ...pushedEvent(), eventType: 'face' };
    const answer = await post(url, notification([good, noTime, noType]), { token: TOKEN });
    expect(answer.status).toBe(200);
    const punches = await store.findPunches({});
    expect(punches.map((p) => p.eventId)).toEqual([good.eventId]);
    expect(rejected.map((r) => r.raw)).toEqual([noTime, noType]);
    expect(rejected[0]?.reason).toMatch(new RegExp(`eventId ${String(noTime.eventId)}.*happenTime`));
    expect(rejected[1]?.reason).toMatch(/eventType/);
  });

  it('answers 404 to other paths and methods, after authentication', async () => {
    const { url } = await start({ path: '/custom/hook' });
    expect(url.endsWith('/custom/hook')).toBe(true);
    const other = url.replace('/custom/hook', '/hik/events');
    expect((await post(other, notification([pushedEvent()]), { token: TOKEN })).status).toBe(404);
    expect((await post(other, notification([pushedEvent()]))).status).toBe(401);
    expect(await totalPunches(store)).toBe(0);
  });

  describe('source address allowlist', () => {
    it('refuses a sender outside the allowlist with 403 even with the right token', async () => {
      const { url } = await start({ allowedIps: ['10.0.0.0/8', '192.168.1.7'] });
      const answer = await post(url, notification([pushedEvent()]), { token: TOKEN });
      expect(answer).toEqual({ status: 403, body: { code: '403', msg: 'source address not allowed' } });
      expect(await totalPunches(store)).toBe(0);
    });

    it('accepts a sender inside a CIDR range', async () => {
      const { url } = await start({ allowedIps: ['10.0.0.0/8', '127.0.0.0/8'] });
      expect((await post(url, notification([pushedEvent()]), { token: TOKEN })).status).toBe(200);
    });

    it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
      const { url } = await start({ allowedIps: ['10.1.2.3'] });
      const spoofed = await post(url, notification([pushedEvent()]), { token: TOKEN, headers: { 'x-forwarded-for': '10.1.2.3' } });
      expect(spoofed.status).toBe(403);
    });

    it('takes the client address from X-Forwarded-For when the proxy is trusted', async () => {
      const { url } = await start({ allowedIps: ['10.1.2.3'], trustProxy: ['127.0.0.1'] });
      const viaProxy = await post(url, notification([pushedEvent()]), { token: TOKEN, headers: { 'x-forwarded-for': '10.1.2.3' } });
      expect(viaProxy.status).toBe(200);
      const otherClient = await post(url, notification([pushedEvent()]), { token: TOKEN, headers: { 'x-forwarded-for': '10.9.9.9' } });
      expect(otherClient.status).toBe(403);
      expect(await totalPunches(store)).toBe(1);
    });
  });

  describe('when the ledger cannot commit', () => {
    let tmp: ReturnType<typeof tempDir>;
    let locker: BetterSqlite3.Database;

    beforeEach(async () => {
      await store.close();
      tmp = tempDir('push-store-');
      const file = path.join(tmp.dir, 'ledger.sqlite');
      store = SqliteLedgerStore.open({ path: file, busyTimeoutMs: 50 });
      locker = new BetterSqlite3(file);
    });

    afterEach(() => {
      if (locker.inTransaction) locker.exec('ROLLBACK');
      locker.close();
      tmp.remove();
    });

    it('answers 503 while another process holds the write lock, and accepts the re-send once it is released', async () => {
      const { url } = await start();
      const batch = notification([pushedEvent(), pushedEvent({ happenTime: '2026-01-27T08:02:00-03:00' })]);
      locker.exec('BEGIN IMMEDIATE');
      const refused = await post(url, batch, { token: TOKEN });
      expect(refused).toEqual({ status: 503, body: { code: '503', msg: 'store unavailable, send again later' } });
      expect(wakes).toBe(0);
      locker.exec('COMMIT');
      expect(await totalPunches(store)).toBe(0);
      const resent = await post(url, batch, { token: TOKEN });
      expect(resent.status).toBe(200);
      expect(await totalPunches(store)).toBe(2);
      await expect.poll(() => wakes).toBe(1);
    });
  });

  it('reports every answered request for metrics', async () => {
    const outcomes: unknown[] = [];
    const { url } = await start({ onRequest: (outcome) => outcomes.push(outcome) });
    const event = pushedEvent();
    await post(url, notification([event, pushedEvent({ happenTime: 'bad' })]), { token: TOKEN });
    await post(url, notification([{ ...event, eventId: 'copy-1' }]), { token: TOKEN });
    await post(url, notification([event]), { token: 'wrong-token-000000000000' });
    await post(url, undefined, { token: TOKEN, rawBody: '{' });
    await expect.poll(() => outcomes.length).toBe(4);
    expect(outcomes).toEqual([
      { status: 200, result: 'ok', events: 2, inserted: 1, duplicates: 0, rejected: 1 },
      { status: 200, result: 'ok', events: 1, inserted: 0, duplicates: 1, rejected: 0 },
      { status: 401, result: 'unauthorised', events: 0, inserted: 0, duplicates: 0, rejected: 0 },
      { status: 400, result: 'malformed', events: 0, inserted: 0, duplicates: 0, rejected: 0 },
    ]);
  });

  it('answers 503 (not 200) when recording rejected input fails, so the platform re-sends', async () => {
    const { url } = await start({
      recordRejectedInput: async () => {
        throw new Error('disk full');
      },
    });
    const batch = notification([pushedEvent(), pushedEvent({ happenTime: 'nonsense' })]);
    expect((await post(url, batch, { token: TOKEN })).status).toBe(503);
  });
});
