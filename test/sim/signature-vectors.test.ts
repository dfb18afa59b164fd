import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authenticate } from '../../src/sim/hikcentral/gateway/authenticate.js';
import { NonceCache } from '../../src/sim/hikcentral/gateway/nonce-cache.js';
import { buildStringToSign } from '../../src/sim/hikcentral/gateway/string-to-sign.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { signForTest } from './support/artemis-test-signer.js';

const vectorSchema = z.object({
  name: z.string(),
  appSecret: z.string(),
  method: z.string(),
  path: z.string(),
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.string()).nullable(),
  form: z.record(z.string(), z.string()).nullable(),
  extraSignedHeaders: z.array(z.string()).nullable(),
  expected: z.object({ stringToSign: z.string(), signature: z.string(), signatureHeaders: z.string() }),
});

const vectors = z.array(vectorSchema).parse(JSON.parse(readFileSync(new URL('../fixtures/artemis-signature-vectors.json', import.meta.url), 'utf8')));

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

describe('Artemis signature vectors (computed with Hikvision SDK)', () => {
  it('the fixture has vectors to check', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    // What the SDK sends: the declared x-ca-signature-headers comes from the test signer, itself checked here.
    const client = signForTest({ ...vector, headers: vector.headers });

    it('the test signer reproduces the SDK exactly', () => {
      expect(client.stringToSign).toBe(vector.expected.stringToSign);
      expect(client.signature).toBe(vector.expected.signature);
      expect(client.signatureHeaders).toBe(vector.expected.signatureHeaders);
    });

    it('the gateway builds the same string to sign from the request', () => {
      const stringToSign = buildStringToSign({
        method: vector.method,
        path: vector.path,
        headers: lowerCase(vector.headers),
        params: { ...(vector.query ?? {}), ...(vector.form ?? {}) },
        signedHeaderNames: client.signatureHeaders.split(','),
      });
      expect(stringToSign).toBe(vector.expected.stringToSign);
    });

    it('the gateway accepts the SDK-signed request and rejects it under another secret', () => {
      const headers = lowerCase({ ...vector.headers, 'x-ca-signature': vector.expected.signature, 'x-ca-signature-headers': vector.expected.signatureHeaders });
      const appKey = headers['x-ca-key'] ?? '';
      const request = { method: vector.method, path: vector.path, headers, params: { ...(vector.query ?? {}), ...(vector.form ?? {}) } };
      const sentAt = Number(headers['x-ca-timestamp'] ?? Date.now());
      const settings = (secret: string) => ({
        credentials: new Map([[appKey, secret]]),
        clock: new AutoAdvanceClock(sentAt),
        timestampToleranceMs: 15 * 60_000,
        nonces: new NonceCache(15 * 60_000),
        requireUserIdHeader: false,
      });
      expect(authenticate(request, settings(vector.appSecret))).toEqual({ ok: true, appKey });
      const refused = authenticate(request, settings(`${vector.appSecret}x`));
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.envelope.code).toBe('0x02401003');
        expect(refused.envelope.msg).toContain(vector.expected.stringToSign);
      }
    });
  });
});
