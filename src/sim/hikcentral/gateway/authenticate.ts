import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../domain/ports.js';
import { failure, SIM_CODES, type Envelope } from '../codes.js';
import type { NonceCache } from './nonce-cache.js';
import { buildStringToSign, defaultSignedHeaderNames } from './string-to-sign.js';

export interface GatewayRequest {
  readonly method: string;
  readonly path: string;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly params: Readonly<Record<string, string>>;
}

export interface AuthSettings {
  /** appKey → appSecret. */
  readonly credentials: ReadonlyMap<string, string>;
  /** The gateway's own clock for x-ca-timestamp checks (wall time by default, not the scenario clock). */
  readonly clock: Clock;
  readonly timestampToleranceMs: number;
  readonly nonces: NonceCache;
  readonly requireUserIdHeader: boolean;
}

export type AuthOutcome = { readonly ok: true; readonly appKey: string } | { readonly ok: false; readonly envelope: Envelope };

/**
 * Checks a request the way the Artemis gateway does, in this order: app key present, app key
 * known, signature present, signature right (the answer echoes the string the gateway signed,
 * like the platform), timestamp within tolerance, nonce not replayed, `userId` signed when the
 * deployment requires it. x-ca-timestamp and x-ca-nonce are checked only when sent.
 */
export function authenticate(request: GatewayRequest, settings: AuthSettings): AuthOutcome {
  const appKey = request.headers['x-ca-key'];
  if (!appKey) return deny(SIM_CODES.appKeyMissing, 'AppKey is missing: send the x-ca-key header');
  const secret = settings.credentials.get(appKey);
  if (secret === undefined) return deny(SIM_CODES.appKeyUnknown, 'AppKey does not exist');
  const signature = request.headers['x-ca-signature'];
  if (!signature) return deny(SIM_CODES.signatureMissing, 'Signature is missing: send the x-ca-signature header');

  const declared = request.headers['x-ca-signature-headers'];
  const signedHeaderNames = declared === undefined ? defaultSignedHeaderNames(Object.keys(request.headers)) : declared.split(',');
  const stringToSign = buildStringToSign({ method: request.method, headers: request.headers, path: request.path, params: request.params, signedHeaderNames });
  const expected = createHmac('sha256', secret).update(stringToSign, 'utf8').digest('base64');
  if (!sameText(expected, signature)) {
    return deny(SIM_CODES.signatureInvalid, `Invalid signature. The gateway signed this string: [${stringToSign}]`);
  }

  const now = settings.clock.now();
  const timestamp = request.headers['x-ca-timestamp'];
  if (timestamp !== undefined) {
    const sentAt = /^\d+$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > settings.timestampToleranceMs) {
      return deny(
        SIM_CODES.timestampOutOfRange,
        `x-ca-timestamp ${timestamp} is more than ${settings.timestampToleranceMs / 60_000} minutes away from the server time`,
      );
    }
  }
  const nonce = request.headers['x-ca-nonce'];
  if (nonce !== undefined && !settings.nonces.remember(nonce, now)) {
    return deny(SIM_CODES.nonceReplayed, 'x-ca-nonce was already used (replayed request)');
  }
  if (settings.requireUserIdHeader) {
    const signedNames = signedHeaderNames.map((name) => name.trim().toLowerCase());
    if (!request.headers['userid'] || !signedNames.includes('userid')) {
      return deny(SIM_CODES.userIdMissing, 'userId header is missing or not signed: this platform requires the calling user');
    }
  }
  return { ok: true, appKey };
}

function deny(code: string, msg: string): AuthOutcome {
  return { ok: false, envelope: failure(code, msg) };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
