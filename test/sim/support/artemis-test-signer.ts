import { createHmac, randomUUID } from 'node:crypto';

/**
 * A tiny signer for the simulator's tests, written from docs/reference/artemis.md on its own
 * (not the project's client signer, which another engineer owns).
 */
export interface SignInput {
  readonly method: string;
  readonly path: string;
  /** Every header that will be sent, including x-ca-key / x-ca-timestamp / x-ca-nonce. */
  readonly headers: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>> | null;
  readonly form?: Readonly<Record<string, string>> | null;
  readonly extraSignedHeaders?: readonly string[] | null;
  readonly appSecret: string;
}

export interface Signed {
  readonly stringToSign: string;
  readonly signature: string;
  readonly signatureHeaders: string;
}

export function signForTest(input: SignInput): Signed {
  const lower = new Map(Object.entries(input.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const lines = [input.method.toUpperCase()];
  for (const name of ['accept', 'content-md5', 'content-type', 'date']) {
    const value = lower.get(name);
    if (value !== undefined) lines.push(value);
  }
  const signedNames = [...lower.keys()]
    .filter((name) => name.startsWith('x-ca-') && name !== 'x-ca-signature' && name !== 'x-ca-signature-headers')
    .concat((input.extraSignedHeaders ?? []).map((name) => name.toLowerCase()))
    .sort();
  for (const name of signedNames) lines.push(`${name}:${lower.get(name) ?? ''}`);
  const params = { ...(input.query ?? {}), ...(input.form ?? {}) };
  const keys = Object.keys(params).sort();
  const pairs = keys.map((key) => (params[key] === '' ? key : `${key}=${params[key]}`));
  lines.push(pairs.length > 0 ? `${input.path}?${pairs.join('&')}` : input.path);
  const stringToSign = lines.join('\n');
  return {
    stringToSign,
    signature: createHmac('sha256', input.appSecret).update(stringToSign, 'utf8').digest('base64'),
    signatureHeaders: signedNames.join(','),
  };
}

export interface RequestSigning {
  readonly appKey: string;
  readonly appSecret: string;
  readonly method?: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Extra headers to send (e.g. userId); signed when listed in extraSignedHeaders. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly extraSignedHeaders?: readonly string[];
  /** Epoch ms; default Date.now(). null = do not send. */
  readonly timestamp?: number | null;
  /** Default a fresh UUID. null = do not send. */
  readonly nonce?: string | null;
  readonly contentType?: string | null;
}

/** The headers of a correctly signed JSON request, as the SDK sends them. */
export function signedRequestHeaders(request: RequestSigning): Record<string, string> {
  const method = request.method ?? 'POST';
  const timestamp = request.timestamp === undefined ? Date.now() : request.timestamp;
  const nonce = request.nonce === undefined ? randomUUID() : request.nonce;
  const contentType = request.contentType === undefined ? (method === 'GET' ? null : 'application/json') : request.contentType;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...(contentType === null ? {} : { 'Content-Type': contentType }),
    ...(request.headers ?? {}),
    'x-ca-key': request.appKey,
    ...(timestamp === null ? {} : { 'x-ca-timestamp': String(timestamp) }),
    ...(nonce === null ? {} : { 'x-ca-nonce': nonce }),
  };
  const signed = signForTest({
    method,
    path: request.path,
    headers,
    query: request.query ?? null,
    extraSignedHeaders: request.extraSignedHeaders ?? null,
    appSecret: request.appSecret,
  });
  return { ...headers, 'x-ca-signature': signed.signature, 'x-ca-signature-headers': signed.signatureHeaders };
}
