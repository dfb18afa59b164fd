import { createHmac, randomUUID } from 'node:crypto';

/**
 * Artemis AK/SK request signing, byte-for-byte as Hikvision's SDK (`SignUtil`) computes it
 * and as the gateway checks it. See docs/hikcentral.md and docs/reference/artemis.md.
 */

export interface SignableRequest {
  readonly method: string;
  /** URL path only, e.g. `/artemis/api/acs/v1/door/events`. */
  readonly path: string;
  /** Headers exactly as they will be sent (names in any case). */
  readonly headers: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>> | null;
  readonly form?: Readonly<Record<string, string>> | null;
  /** Header names to sign beyond the `x-ca-*` ones (e.g. `userid`). Case-insensitive. */
  readonly extraSignedHeaders?: readonly string[] | null;
}

export interface Signature {
  readonly stringToSign: string;
  /** Base64(HMAC-SHA256(appSecret, stringToSign)). */
  readonly signature: string;
  /** Value of `x-ca-signature-headers`: the signed header names, lower case, sorted, comma-joined. */
  readonly signatureHeaders: string;
}

const HEADER_LINES_IN_ORDER = ['accept', 'content-md5', 'content-type', 'date'] as const;
const UNSIGNED_CA_HEADERS = new Set(['x-ca-signature', 'x-ca-signature-headers']);

/** Java's String.compareTo order (UTF-16 code units), which is also what `<` does on JS strings. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isBlank(value: string): boolean {
  return value.trim().length === 0;
}

function lowerCaseHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) out.set(name.toLowerCase(), value);
  return out;
}

/** The header names that get signed, lower case and sorted. */
export function signedHeaderNames(headers: Readonly<Record<string, string>>, extraSignedHeaders: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-ca-') && !UNSIGNED_CA_HEADERS.has(lower)) names.add(lower);
  }
  for (const extra of extraSignedHeaders) names.add(extra.toLowerCase());
  return [...names].sort(byCodeUnits);
}

/** Path, then `?` and the sorted query+form parameters; blank values are written bare; nothing is URL-encoded. */
export function canonicalResource(
  path: string,
  query: Readonly<Record<string, string>> | null = null,
  form: Readonly<Record<string, string>> | null = null,
): string {
  // The SDK merges query and form into one sorted map (form wins on a clash).
  const params = new Map<string, string>();
  for (const source of [query, form]) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) params.set(key, value);
  }
  const pairs = [...params.entries()]
    .filter(([key]) => !isBlank(key))
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([key, value]) => (isBlank(value) ? key : `${key}=${value}`));
  return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
}

export function buildStringToSign(request: SignableRequest): { stringToSign: string; signedHeaders: string[] } {
  const headers = lowerCaseHeaders(request.headers);
  const lines: string[] = [request.method.toUpperCase()];
  for (const name of HEADER_LINES_IN_ORDER) {
    const value = headers.get(name);
    if (value !== undefined) lines.push(value);
  }
  const signedHeaders = signedHeaderNames(request.headers, request.extraSignedHeaders ?? []);
  for (const name of signedHeaders) lines.push(`${name}:${headers.get(name) ?? ''}`);
  lines.push(canonicalResource(request.path, request.query ?? null, request.form ?? null));
  return { stringToSign: lines.join('\n'), signedHeaders };
}

export function hmacSignature(appSecret: string, stringToSign: string): string {
  return createHmac('sha256', Buffer.from(appSecret, 'utf8')).update(Buffer.from(stringToSign, 'utf8')).digest('base64');
}

export function signRequest(request: SignableRequest, appSecret: string): Signature {
  const { stringToSign, signedHeaders } = buildStringToSign(request);
  return {
    stringToSign,
    signature: hmacSignature(appSecret, stringToSign),
    signatureHeaders: signedHeaders.join(','),
  };
}

export interface ArtemisHeaderInput {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly accept: string;
  /** Omit for requests without a body. */
  readonly contentType?: string;
  /** Sent as header `userId` and signed (as `userid`) when set. */
  readonly userId?: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly timestampMs: number;
  readonly nonce?: string;
}

/**
 * The complete header set for one Artemis call, signed. The caller must send exactly these
 * headers (plus the transport's own `host`/`content-length`, which are not signed).
 */
export function createArtemisHeaders(input: ArtemisHeaderInput): Record<string, string> {
  const headers: Record<string, string> = { accept: input.accept };
  if (input.contentType !== undefined) headers['content-type'] = input.contentType;
  headers['x-ca-key'] = input.appKey;
  headers['x-ca-nonce'] = input.nonce ?? randomUUID();
  headers['x-ca-timestamp'] = String(input.timestampMs);
  const extra: string[] = [];
  if (input.userId !== undefined && input.userId !== '') {
    headers.userid = input.userId;
    extra.push('userid');
  }
  const signed = signRequest({ method: input.method, path: input.path, headers, query: input.query ?? null, extraSignedHeaders: extra }, input.appSecret);
  headers['x-ca-signature'] = signed.signature;
  headers['x-ca-signature-headers'] = signed.signatureHeaders;
  return headers;
}
