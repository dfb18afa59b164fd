import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/domain/errors.js';
import { HumandClient, humandFailureToError } from '../../src/humand/index.js';
import { redactText } from '../../src/logging/redact.js';

describe('HumandClient options', () => {
  it.each([
    [undefined, 'https://api-prod.humand.co/public/api/v1'],
    ['https://api-prod.humand.co/', 'https://api-prod.humand.co/public/api/v1'],
    ['https://api-prod.humand.co/public/api/v1/', 'https://api-prod.humand.co/public/api/v1'],
    ['http://127.0.0.1:8080/proxy', 'http://127.0.0.1:8080/proxy/public/api/v1'],
  ])('base URL %s → %s', async (baseUrl, expected) => {
    const client = new HumandClient({ auth: 'key-abc-123', ...(baseUrl === undefined ? {} : { baseUrl }) });
    expect(client.baseUrl).toBe(expected);
    await client.close();
  });

  it.each([
    [{ auth: '' }, /API key is empty/],
    [{ auth: 'Basic ' }, /API key is empty/],
    [{ auth: 'two words' }, /malformed/],
    [{ auth: 'key-abc-123', baseUrl: 'api-prod.humand.co' }, /not a URL/],
    [{ auth: 'key-abc-123', baseUrl: 'ftp://api-prod.humand.co' }, /http\(s\)/],
    [{ auth: 'key-abc-123', pageSize: 0 }, /positive whole number/],
  ])('refuses %o with a ConfigurationError', (options, message) => {
    expect(() => new HumandClient(options)).toThrow(ConfigurationError);
    expect(() => new HumandClient(options)).toThrow(message);
  });

  it('registers the key as a secret as soon as the client exists', async () => {
    const client = new HumandClient({ auth: 'Basic options-test-secret-42' });
    expect(redactText('x options-test-secret-42 y')).toBe('x [REDACTED] y');
    await client.close();
  });

  it("maps failures to the project's typed errors with a hint", () => {
    const forbidden = humandFailureToError({ kind: 'forbidden', status: 403, code: 'ACCESS_DENIED', message: 'no access' });
    expect(forbidden).toMatchObject({ category: 'configuration', code: 'ACCESS_DENIED' });
    expect(forbidden.hint).toMatch(/permission/);
    expect(humandFailureToError({ kind: 'rate-limited', status: 429, retryAfterMs: 5_000, message: 'x' })).toMatchObject({
      category: 'rate-limited',
      retryAfterMs: 5_000,
    });
    expect(humandFailureToError({ kind: 'rejected-by-rule', status: 422, code: null, message: 'x' }).category).toBe('rejected-by-rule');
    expect(humandFailureToError({ kind: 'transient', status: null, message: 'x' }).category).toBe('transient');
  });
});
