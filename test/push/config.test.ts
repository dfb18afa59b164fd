import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/domain/errors.js';
import { redactText } from '../../src/logging/redact.js';
import { readPushConfig } from '../../src/push/config.js';
import { tempDir } from './helpers.js';

const TOKEN = 'a-long-webhook-token-4f9c2e';

describe('push configuration', () => {
  const tmp = tempDir('push-config-');
  afterAll(() => tmp.remove());

  it('is off when neither WEBHOOK_URL nor WEBHOOK_PORT is set', () => {
    expect(readPushConfig({ WEBHOOK_TOKEN: TOKEN })).toBeNull();
    expect(readPushConfig({ WEBHOOK_URL: '', WEBHOOK_PORT: ' ' })).toBeNull();
  });

  it('defaults to a loopback bind, the standard path, no allowlist, no proxy trust', () => {
    const config = readPushConfig({ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: TOKEN });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8089,
      path: '/hik/events',
      allowedIps: [],
      trustProxy: false,
      publicUrl: null,
      manageSubscription: false,
      tls: null,
    });
  });

  it('takes port and path from WEBHOOK_URL and manages the subscription when the URL is known', () => {
    const config = readPushConfig({
      WEBHOOK_URL: 'http://10.0.4.15:9000/hooks/hik',
      WEBHOOK_TOKEN: TOKEN,
      WEBHOOK_HOST: '0.0.0.0',
      WEBHOOK_RECHECK_MINUTES: '5',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      path: '/hooks/hik',
      publicUrl: 'http://10.0.4.15:9000/hooks/hik',
      manageSubscription: true,
      recheckIntervalMs: 300_000,
    });
    // Behind a proxy the local port and path can differ from the public ones.
    const proxied = readPushConfig({
      WEBHOOK_URL: 'https://gateway.site/hik',
      WEBHOOK_PORT: '8089',
      WEBHOOK_PATH: '/in',
      WEBHOOK_TOKEN: TOKEN,
      WEBHOOK_TRUST_PROXY: '127.0.0.1',
      WEBHOOK_SUBSCRIBE: 'false',
    });
    expect(proxied).toMatchObject({ port: 8089, path: '/in', trustProxy: ['127.0.0.1'], manageSubscription: false });
  });

  it('parses the allowlist and registers the token as a secret', () => {
    const config = readPushConfig({ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: TOKEN, WEBHOOK_ALLOWED_IPS: '10.0.4.20, 192.168.10.0/24' });
    expect(config?.allowedIps).toEqual(['10.0.4.20', '192.168.10.0/24']);
    expect(redactText(`token was ${TOKEN}`)).toBe('token was [REDACTED]');
  });

  it.each([
    [{ WEBHOOK_PORT: '8089' }, 'WEBHOOK_TOKEN'],
    [{ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: 'short' }, 'WEBHOOK_TOKEN'],
    [{ WEBHOOK_PORT: '99999', WEBHOOK_TOKEN: TOKEN }, 'WEBHOOK_PORT'],
    [{ WEBHOOK_URL: 'ftp://x/y', WEBHOOK_TOKEN: TOKEN }, 'WEBHOOK_URL'],
    [{ WEBHOOK_URL: 'http://10.0.0.1/hik', WEBHOOK_TOKEN: TOKEN }, 'WEBHOOK_PORT'],
    [{ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: TOKEN, WEBHOOK_PATH: 'hik' }, 'WEBHOOK_PATH'],
    [{ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: TOKEN, WEBHOOK_ALLOWED_IPS: '10.0.0.300' }, '10.0.0.300'],
    [{ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: TOKEN, WEBHOOK_TLS_CERT: '/x.pem' }, 'WEBHOOK_TLS_KEY'],
  ])('refuses %o naming %s', (env, culprit) => {
    let thrown: unknown;
    try {
      readPushConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as ConfigurationError).message).toContain(culprit);
    expect((thrown as ConfigurationError).hint).toBeTruthy();
  });

  it('reads the TLS key and certificate files', () => {
    const cert = path.join(tmp.dir, 'cert.pem');
    const key = path.join(tmp.dir, 'key.pem');
    fs.writeFileSync(cert, 'CERT');
    fs.writeFileSync(key, 'KEY');
    expect(readPushConfig({ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: TOKEN, WEBHOOK_TLS_CERT: cert, WEBHOOK_TLS_KEY: key })?.tls).toEqual({
      cert: 'CERT',
      key: 'KEY',
    });
  });
});
