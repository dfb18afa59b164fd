import { createHash, randomBytes } from 'node:crypto';

/**
 * HTTP digest authentication (RFC 7616 / 2617, MD5, qop=auth), as Hikvision terminals ask for
 * it. Small on purpose: the tests check it against an independent, well-kept implementation.
 */

export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly qop: string | null;
  readonly opaque: string | null;
  readonly algorithm: string;
  /** The nonce expired but the credentials were right: ask again with the new nonce. */
  readonly stale: boolean;
}

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** `key="value", key2=token` pairs of a Digest header (quoted strings may hold commas). */
export function parseAuthParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    params.set(match[1]!.toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? ''));
  }
  return params;
}

/** The Digest challenge among a response's WWW-Authenticate values; null when there is none. */
export function parseDigestChallenge(headers: string | readonly string[] | undefined): DigestChallenge | null {
  const values = headers === undefined ? [] : typeof headers === 'string' ? [headers] : headers;
  const digest = values.find((value) => /^\s*digest\s/i.test(value));
  if (digest === undefined) return null;
  const params = parseAuthParams(digest.replace(/^\s*digest\s+/i, ''));
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined || nonce === undefined) return null;
  const qops = (params.get('qop') ?? '').split(',').map((q) => q.trim());
  return {
    realm,
    nonce,
    qop: qops.includes('auth') ? 'auth' : null,
    opaque: params.get('opaque') ?? null,
    algorithm: params.get('algorithm') ?? 'MD5',
    stale: (params.get('stale') ?? '').toLowerCase() === 'true',
  };
}

export interface DigestResponseInput {
  readonly user: string;
  readonly realm: string;
  readonly password: string;
  readonly method: string;
  readonly uri: string;
  readonly nonce: string;
  readonly qop: string | null;
  readonly nc: string;
  readonly cnonce: string;
}

/** The `response` value both sides compute. */
export function digestResponse(input: DigestResponseInput): string {
  const ha1 = md5(`${input.user}:${input.realm}:${input.password}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  return input.qop === null ? md5(`${ha1}:${input.nonce}:${ha2}`) : md5(`${ha1}:${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}:${ha2}`);
}

const quote = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;

/** The Authorization header answering `challenge` for one request. */
export function digestAuthorization(
  challenge: DigestChallenge,
  request: { method: string; uri: string; user: string; password: string; nc?: number; cnonce?: string },
): string {
  if (challenge.algorithm.toUpperCase() !== 'MD5') throw new Error(`digest algorithm ${challenge.algorithm} is not supported (MD5 only)`);
  const nc = (request.nc ?? 1).toString(16).padStart(8, '0');
  const cnonce = request.cnonce ?? randomBytes(8).toString('hex');
  const response = digestResponse({
    user: request.user,
    realm: challenge.realm,
    password: request.password,
    method: request.method,
    uri: request.uri,
    nonce: challenge.nonce,
    qop: challenge.qop,
    nc,
    cnonce,
  });
  const parts = [
    `username=${quote(request.user)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(request.uri)}`,
    `algorithm=MD5`,
    `response=${quote(response)}`,
  ];
  if (challenge.opaque !== null) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.qop !== null) parts.push(`qop=${challenge.qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  return `Digest ${parts.join(', ')}`;
}
