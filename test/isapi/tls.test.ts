import { afterEach, describe, expect, it } from 'vitest';
import { startIsapiTerminal, type IsapiTerminalSimulator } from '../../src/sim/isapi/index.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { clientFor, deviceConfig, SITE_TZ, TERMINAL_PASSWORD, TERMINAL_USER } from './support.js';

let terminal: IsapiTerminalSimulator | undefined;
const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await terminal?.close();
});

describe('a terminal over HTTPS', () => {
  it('is trusted with its certificate as caFile, refused without it (with the fix named), and reachable with tlsInsecure', async () => {
    const clock = new AutoAdvanceClock(Date.parse('2026-01-27T12:00:00Z'));
    terminal = await startIsapiTerminal({ clock, timezone: SITE_TZ, user: TERMINAL_USER, password: TERMINAL_PASSWORD, https: true });
    expect(terminal.url).toMatch(/^https:/);
    const trusted = clientFor(deviceConfig('tls', terminal.url, { caCertPem: terminal.caPem }), clock);
    const untrusted = clientFor(deviceConfig('tls', terminal.url), clock);
    const insecure = clientFor(deviceConfig('tls', terminal.url, { tlsInsecure: true }), clock);
    clients.push(trusted, untrusted, insecure);
    expect((await trusted.deviceInfo()).model).toBe('DS-K1T341AMF');
    await expect(untrusted.deviceInfo()).rejects.toMatchObject({
      category: 'configuration',
      code: 'ISAPI_TLS',
      message: expect.stringMatching(/certificate of terminal tls is not trusted/) as unknown,
    });
    await expect(untrusted.deviceInfo()).rejects.toMatchObject({ hint: expect.stringContaining('set caFile') as unknown });
    expect((await insecure.deviceInfo()).model).toBe('DS-K1T341AMF');
    // No login was ever attempted over the untrusted connection.
    expect(terminal.state.failedLogins()).toBe(0);
  });
});
