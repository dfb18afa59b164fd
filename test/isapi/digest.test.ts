import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { request as urllibRequest } from 'urllib';
import { digestAuthorization, md5, parseDigestChallenge } from '../../src/isapi/digest.js';
import { startIsapiTerminal, type IsapiTerminalSimulator } from '../../src/sim/isapi/index.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { clientFor, deviceConfig, SITE_TZ, TERMINAL_PASSWORD, TERMINAL_USER } from './support.js';

/** http-auth: a well-kept, independent server-side digest implementation (CommonJS, untyped). */
interface HttpAuthDigest {
  check(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): (req: http.IncomingMessage, res: http.ServerResponse) => void;
}
const httpAuth = createRequire(import.meta.url)('http-auth') as {
  digest(options: { realm: string }, checker: (user: string, callback: (hash: string) => void) => void): HttpAuthDigest;
};

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

describe('digest authentication', () => {
  it('computes the RFC 2617 example response (Mufasa, "Circle Of Life")', () => {
    const challenge = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    expect(challenge).not.toBeNull();
    const header = digestAuthorization(challenge!, {
      method: 'GET',
      uri: '/dir/index.html',
      user: 'Mufasa',
      password: 'Circle Of Life',
      nc: 1,
      cnonce: '0a4f113b',
    });
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(header).toContain('qop=auth, nc=00000001, cnonce="0a4f113b"');
  });

  it('our client gets through an independent digest server (http-auth), and a wrong password is refused by it', async () => {
    const realm = 'DS-K1T341AMF';
    const digest = httpAuth.digest({ realm }, (user, callback) =>
      callback(user === TERMINAL_USER ? md5(`${TERMINAL_USER}:${realm}:${TERMINAL_PASSWORD}`) : ''),
    );
    const server = http.createServer(
      digest.check((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end('<DeviceInfo><model>independent</model><serialNumber>X1</serialNumber><firmwareVersion>V1</firmwareVersion></DeviceInfo>');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const clock = new AutoAdvanceClock(Date.parse('2026-01-27T12:00:00Z'));
    const client = clientFor(deviceConfig('indep', url), clock);
    closers.push(() => client.close());
    expect((await client.deviceInfo()).model).toBe('independent');
    const wrong = clientFor(deviceConfig('indep', url, { password: 'not-the-password' }), clock);
    closers.push(() => wrong.close());
    await expect(wrong.deviceInfo()).rejects.toMatchObject({ category: 'configuration', code: 'ISAPI_CREDENTIALS' });
  });

  it('the terminal simulator lets an independent digest client (urllib) in with the right password only', async () => {
    const clock = new AutoAdvanceClock(Date.parse('2026-01-27T12:00:00Z'));
    const terminal: IsapiTerminalSimulator = await startIsapiTerminal({ clock, timezone: SITE_TZ, user: TERMINAL_USER, password: TERMINAL_PASSWORD });
    closers.push(() => terminal.close());
    const ok = await urllibRequest(`${terminal.url}/ISAPI/System/deviceInfo`, { digestAuth: `${TERMINAL_USER}:${TERMINAL_PASSWORD}`, dataType: 'text' });
    expect(ok.status).toBe(200);
    expect(String(ok.data)).toContain('<model>DS-K1T341AMF</model>');
    const bad = await urllibRequest(`${terminal.url}/ISAPI/System/deviceInfo`, { digestAuth: `${TERMINAL_USER}:wrong-password`, dataType: 'text' });
    expect(bad.status).toBe(401);
    expect(terminal.state.failedLogins()).toBe(1);
  });
});
