import { describe, expect, it } from 'vitest';
import { errorForArtemisCode, extractEchoedStringToSign, safePlatformMessage, stringToSignStructure } from '../../src/hikcentral/artemis-codes.js';
import { HikCentralError } from '../../src/hikcentral/errors.js';

const APP_KEY = '24681357';
const PATH = '/artemis/api/acs/v1/door/events';
const OURS = `POST\napplication/json\napplication/json;charset=UTF-8\nx-ca-key:${APP_KEY}\nx-ca-nonce:0f8fad5b-d9cb-469f-a165-70867728950e\nx-ca-timestamp:1769512365123\n${PATH}`;

describe('classifying Artemis codes', () => {
  const context = { path: PATH, appKey: APP_KEY, ourStringToSign: OURS };

  it.each([
    ['0x02401003', 'configuration', 'signature-invalid', /HIK_SECRET/],
    ['0x02401002', 'configuration', 'signature-missing', /x-ca-\*/],
    ['0x02401000', 'configuration', 'app-key-missing', /HIK_APP_KEY/],
    ['0x02401001', 'configuration', 'app-key-unknown', /HIK_APP_KEY/],
    ['0x02401642', 'configuration', 'app-key-unknown', /HIK_APP_KEY/],
    ['0x02401010', 'configuration', 'user-not-authorised', /HIK_USER_ID/],
    ['0x0240103C', 'configuration', 'plain-http-refused', /https:\/\//],
    ['0x00072001', 'bad-input', 'missing-parameter', /eventType/],
    ['0x01234567', 'transient', 'platform-error', /retried/],
  ] as const)('%s → %s (%s)', (code, category, reason, hint) => {
    const error = errorForArtemisCode(code, 'some message', context);
    expect(error).toBeInstanceOf(HikCentralError);
    expect(error.category).toBe(category);
    expect(error.reason).toBe(reason);
    expect(error.artemisCode).toBe(code);
    expect(error.hint).toMatch(hint);
  });
});

describe('the echoed string-to-sign of 0x02401003', () => {
  const echoedMessage = (echoed: string) => `Invalid Signature, server StringToSign:[${echoed}]`;

  it('is found inside the platform message', () => {
    expect(extractEchoedStringToSign(echoedMessage(OURS))).toBe(OURS);
  });

  it('never reaches the error message raw, and the app key never at all', () => {
    const error = errorForArtemisCode('0x02401003', echoedMessage(OURS), { path: PATH, appKey: APP_KEY, ourStringToSign: OURS });
    expect(error.message).not.toContain(APP_KEY);
    expect(error.message).not.toContain(OURS);
    expect(error.message).not.toContain('x-ca-nonce:0f8fad5b');
    expect(error.message).toMatch(/same string-to-sign as we did, so the secret itself differs/);
  });

  it('points at the line that differs when something changed the request on the way', () => {
    const rewritten = OURS.replace('\napplication/json\n', '\n*/*\n');
    const message = safePlatformMessage('0x02401003', echoedMessage(rewritten), { path: PATH, appKey: APP_KEY, ourStringToSign: OURS });
    expect(message).toContain('line 2: ours application/json vs platform */*');
    expect(message).not.toContain(APP_KEY);
  });

  it('reduces a string-to-sign to its shape', () => {
    expect(stringToSignStructure(`GET\n*/*\nx-ca-key:${APP_KEY}\n/p?b=2&a=1&flag`)).toEqual(['GET', '*/*', 'x-ca-key:…', '/p?b&a&flag']);
  });
});
