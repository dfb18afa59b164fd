import { describe, expect, it } from 'vitest';
import type { IsapiDeviceConfig } from '../../src/config/isapi.js';
import { configureHttpHost, pointsAt, readHttpHosts } from '../../src/isapi/http-host.js';
import { startIsapiReceiver, type IsapiReceiver } from '../../src/isapi/push/receiver.js';
import { silentLogger } from '../../src/logging/logger.js';
import { cleanups, face, MINUTE, site, START, type Site } from './site.js';
import { clientFor, deviceConfig, SITE_TZ } from './support.js';

async function receiverFor(
  s: Site,
  devices: readonly IsapiDeviceConfig[],
  options: { bodyLimitBytes?: number; failIngest?: () => boolean } = {},
): Promise<IsapiReceiver> {
  const receiver = await startIsapiReceiver({
    host: '127.0.0.1',
    port: 0,
    devices,
    timeZone: SITE_TZ,
    logger: silentLogger(),
    ingest: (events, source) => {
      if (options.failIngest?.() === true) return Promise.reject(new Error('disk full'));
      return s.app.ingest(events, source);
    },
    recordRejectedInput: (inputs) => s.app.recordRejectedInputs(inputs, 'isapi-push'),
    ...(options.bodyLimitBytes !== undefined ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
  });
  cleanups.push(() => receiver.close());
  return receiver;
}

/** Points the simulated terminal at the receiver the way doctor / the operator would: PUT httpHosts over ISAPI. */
async function pointTerminalAt(s: Site, receiver: IsapiReceiver, device = 'lobby'): Promise<void> {
  const client = clientFor(deviceConfig(device, s.terminal.url), s.clock);
  cleanups.push(() => client.close());
  const target = { ipAddress: '127.0.0.1', portNo: receiver.port, url: `${new URL(receiver.url).pathname}/${device}` };
  await configureHttpHost(client, target);
  expect((await readHttpHosts(client)).some((host) => pointsAt(host, target))).toBe(true);
}

const timeline = (s: Site, employee: string) => s.humand.state.timeline(employee).map((e) => `${e.type} ${new Date(e.instantMs).toISOString()}`);

describe('terminal push (HTTP listening host)', () => {
  it('commits each multipart event_log before answering 200, drops the picture, and push + poll never double', async () => {
    const events = [face('1001', 0, 'checkIn'), face('1002', 3, 'checkIn'), face('1001', 480, 'checkOut'), face('1002', 500, 'checkOut')];
    const s = await site({ events, device: { readers: [{ cardReaderNo: 1, mode: 'attendanceStatus', direction: null, debounceMs: null, label: null }] } });
    const receiver = await receiverFor(s, [deviceConfig('lobby', s.terminal.url)]);
    await pointTerminalAt(s, receiver);
    s.clock.jumpTo(START + 10 * MINUTE);
    expect(await s.terminal.pushPending()).toBe(2);
    // Committed when the terminal got its 200.
    const pushed = await s.app.punches({ limit: 10, order: 'asc' });
    expect(pushed.map((p) => [p.personCode, p.source, p.readerIndexCode])).toEqual([
      ['1001', 'push', 'lobby/reader-1'],
      ['1002', 'push', 'lobby/reader-1'],
    ]);
    expect(JSON.stringify(pushed.map((p) => p.raw))).not.toContain('Picture');
    s.clock.jumpTo(START + 9 * 60 * MINUTE);
    expect(await s.terminal.pushPending()).toBe(2);
    // The poll reads all four again: every one is a copy.
    const summary = await s.app.syncOnce();
    expect(summary.poll).toMatchObject({ events: 4, fresh: 0, duplicates: 4 });
    expect(timeline(s, '1001')).toEqual(['START 2026-01-27T11:00:00.000Z', 'END 2026-01-27T19:00:00.000Z']);
    expect(timeline(s, '1002')).toEqual(['START 2026-01-27T11:03:00.000Z', 'END 2026-01-27T19:20:00.000Z']);
    expect((await s.app.store.countsByOutcome()).delivered).toBe(4);
  });

  it('refuses a push as a device from an address not configured for it (403), an unknown device (404), a body over the limit (413), a body without event_log (400); heartbeats are answered and not recorded; a failed commit is 503 and the terminal sends it again', async () => {
    const s = await site({ events: [face('1001', 0, 'checkIn')] });
    const strangers = await receiverFor(s, [deviceConfig('lobby', s.terminal.url, { pushAddresses: ['10.9.9.9'] })]);
    const post = (url: string, body: string | FormData, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', body, headers }).then((r) => r.status);
    const form = (log: unknown, extra?: [string, Blob]) => {
      const f = new FormData();
      f.append('event_log', JSON.stringify(log));
      if (extra) f.append(extra[0], extra[1], 'Picture.jpg');
      return f;
    };
    const log = {
      eventType: 'AccessControllerEvent',
      dateTime: '2026-01-27T08:00:00-03:00',
      AccessControllerEvent: { majorEventType: 5, subEventType: 75, serialNo: 1, employeeNoString: '1001', cardReaderNo: 1, doorNo: 1 },
    };
    expect(await post(`${strangers.url}/lobby`, form(log))).toBe(403);
    let failing = true;
    const receiver = await receiverFor(s, [deviceConfig('lobby', s.terminal.url)], { bodyLimitBytes: 64 * 1024, failIngest: () => failing });
    expect(await post(`${receiver.url}/elsewhere`, form(log))).toBe(404);
    expect(await post(`${receiver.url}/lobby`, form(log, ['Picture', new Blob([new Uint8Array(100 * 1024)])]))).toBe(413);
    const noLog = new FormData();
    noLog.append('Picture', new Blob([new Uint8Array(10)]), 'Picture.jpg');
    expect(await post(`${receiver.url}/lobby`, noLog)).toBe(400);
    expect(
      await post(`${receiver.url}/lobby`, JSON.stringify({ eventType: 'heartBeat', dateTime: '2026-01-27T08:00:00-03:00' }), {
        'content-type': 'application/json',
      }),
    ).toBe(200);
    expect(await s.app.punches()).toEqual([]);
    // The ledger cannot commit: 503, nothing acknowledged; the terminal keeps the event and sends it again.
    await pointTerminalAt(s, receiver);
    s.clock.jumpTo(START + 5 * MINUTE);
    expect(await s.terminal.pushPending()).toBe(0);
    failing = false;
    expect(await s.terminal.pushPending()).toBe(1);
    expect((await s.app.punches()).map((p) => p.personCode)).toEqual(['1001']);
  });
});
