import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PunchView } from '../../src/app/types.js';
import { formatDoctor } from '../../src/cli/doctor/format.js';
import { configurationCheck } from '../../src/cli/doctor/checks.js';
import { doctorReport } from '../../src/cli/doctor/run-doctor.js';
import { formatPunch } from '../../src/cli/format/punch.js';
import { formatStatus } from '../../src/cli/format/status.js';
import { loadConfig } from '../../src/config/load.js';
import { configurationWarnings } from '../../src/config/warnings.js';
import { readPushConfig } from '../../src/push/config.js';
import { startWebhookServer, type WebhookServer } from '../../src/push/webhook-server.js';
import { silentLogger } from '../../src/logging/logger.js';
import { buildOverview } from '../../src/ops/views/overview.js';
import { statusReportWith } from '../support/status-report.js';
import type { OpsDataSource } from '../../src/ops/data-source.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const LIVE = { HIKVISION_HOST: '10.0.0.5', HIK_APP_KEY: '12345678', HIK_SECRET: 'secret-value', HUMAND_AUTH: 'Basic abc123', SITE_TIMEZONE: 'UTC' };

function live(env: Record<string, string>) {
  fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), 'timeClocks:\n  - reader: Facial Entrada\n    direction: in\n');
  return loadConfig({ cwd: dir, dotenv: false, env: { ...LIVE, ...env } });
}

function problemsOf(env: Record<string, string>): string {
  try {
    live(env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('intervals (issue #14 item 6)', () => {
  it.each([
    ['POLL_INTERVAL', '0', '1s'],
    ['POLL_INTERVAL', '200ms', '1s'],
    ['USERS_REFRESH_INTERVAL', '1s', '1m'],
    ['PERSONS_REFRESH_INTERVAL', '0', '1m'],
    ['PROBE_INTERVAL', '0', '1s'],
    ['RETRY_BACKOFF_BASE', '0', '10ms'],
    ['HIK_TIMEOUT', '0', '1s'],
    ['HUMAND_TIMEOUT', '10ms', '1s'],
    ['EVENT_MAX_AGE', '1h', '1440m'],
  ])('refuses %s=%s naming the minimum %s', (name, value, minimum) => {
    expect(problemsOf({ [name]: value })).toContain(`${name}: "${value}" is too short — the minimum is ${minimum}`);
  });

  it('keeps accepting reasonable values', () => {
    expect(live({ POLL_INTERVAL: '1s', RETRY_BACKOFF_BASE: '50ms', EVENT_MAX_AGE: '30d' })).toMatchObject({
      poll: { intervalMs: 1_000 },
      delivery: { backoffBaseMs: 50 },
      maxEventAgeMs: 30 * 86_400_000,
    });
  });

  it('refuses a sub-minute subscription re-check', () => {
    expect(() => readPushConfig({ WEBHOOK_URL: 'http://10.0.4.15:9000/hik', WEBHOOK_TOKEN: 'tok-0123456789abcdef', WEBHOOK_RECHECK_MINUTES: '0.001' })).toThrow(
      /minimum is 1/,
    );
  });
});

describe('HIK_TLS_INSECURE (issue #14 item 6)', () => {
  it('is refused together with HIK_CA_CERT instead of silently winning', () => {
    fs.writeFileSync(path.join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(problemsOf({ HIK_TLS_INSECURE: 'true', HIK_CA_CERT: 'ca.pem' })).toContain('HIK_TLS_INSECURE: set together with HIK_CA_CERT');
  });

  it('is a warning in doctor, status and the dashboard banner', async () => {
    const config = live({ HIK_TLS_INSECURE: 'true' });
    const warnings = configurationWarnings(config);
    expect(warnings).toEqual([expect.stringMatching(/^HIK_TLS_INSECURE=true: HikCentral's certificate is not verified/)]);

    const check = configurationCheck(config, null);
    expect(check.status).toBe('warn');
    expect(formatDoctor(doctorReport([check])).join('\n')).toMatch(/HIK_TLS_INSECURE=true/);
    expect(configurationCheck(live({}), null).status).toBe('ok');

    const status = statusReportWith({ warnings });
    expect(formatStatus(status, 0, 'ledger.db').some((line) => /WARNING +HIK_TLS_INSECURE=true/.test(line))).toBe(true);
    const data = { timezone: 'UTC', countsForDay: async () => status.counts } as unknown as OpsDataSource;
    expect((await buildOverview(data, status, 0, [])).warnings).toEqual(warnings);
  });
});

describe('control characters in CLI output (issue #14 item 6)', () => {
  it('shows ESC, BEL and line breaks in names as \\xHH, never sends them to the terminal', () => {
    const punch = {
      id: 7,
      eventId: 'e',
      source: 'push',
      eventTime: '2026-01-27T08:00:00Z',
      eventMs: Date.parse('2026-01-27T08:00:00Z'),
      personId: '42',
      personCode: null,
      personName: 'Ana\u001b]0;owned\u0007\u001b[2J\nFAKE LINE',
      cardNo: null,
      doorIndexCode: 'd',
      doorName: 'Door\u009b31m',
      readerIndexCode: null,
      readerName: null,
      outcome: 'rejected',
      reason: 'Humand said \u001b[31mno',
      employeeId: '20001',
      entryType: 'START',
      workingDay: '2026-01-27',
      attempts: 1,
      humandEntryId: null,
      request: null,
      history: [],
    } as unknown as PunchView;
    const text = formatPunch(punch, 'UTC').join('\n');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('Ana\\x1B]0;owned\\x07\\x1B[2J\\x0AFAKE LINE');
    expect(text).toContain('Door\\x9B31m');
    expect(text.split('\n')).toHaveLength(3);
  });
});

describe('webhook deadlines as documented (issue #14 item 6)', () => {
  let server: WebhookServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Trickles `text` a byte every `everyMs`; resolves with how long until the server closed the connection. */
  function trickle(url: string, text: string, everyMs: number): Promise<number> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = net.connect(Number(port), hostname);
      let i = 0;
      const timer = setInterval(() => {
        if (i < text.length && socket.writable) socket.write(text[i++]!);
      }, everyMs);
      socket.on('data', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve(Date.now() - started);
      });
      socket.on('error', () => undefined);
    });
  }

  it('cuts a client trickling its headers at the headers deadline and one trickling its body at the request deadline', async () => {
    server = await startWebhookServer({
      port: 0,
      token: 'tok-0123456789abcdef',
      logger: silentLogger(),
      ingest: async () => ({ inserted: 0, duplicates: 0 }),
      timeouts: { headersMs: 600, requestMs: 2_500 },
    });
    const headers = `POST /hik/events HTTP/1.1\r\nhost: x\r\ntoken: tok-0123456789abcdef\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n`;
    const headerCut = await trickle(server.url, `${headers}${'x'.repeat(400)}`, 20);
    expect(headerCut).toBeGreaterThanOrEqual(550);
    expect(headerCut).toBeLessThan(1_800); // well before the request deadline: the headers deadline cut it
    // Headers at once, then the body a byte every 50 ms (it would need 20 s).
    const { hostname, port } = new URL(server.url);
    const started = Date.now();
    const bodyCut = await new Promise<number>((resolve) => {
      const socket = net.connect(Number(port), hostname, () => socket.write(headers));
      const timer = setInterval(() => socket.writable && socket.write('x'), 50);
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve(Date.now() - started);
      });
    });
    expect(bodyCut).toBeGreaterThanOrEqual(2_400);
    expect(bodyCut).toBeLessThan(5_000);
  });
});
