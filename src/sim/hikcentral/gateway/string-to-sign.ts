/**
 * The gateway's side of Artemis AK/SK signing, written from docs/reference/artemis.md alone
 * (deliberately not shared with the client's signer, so each checks the other).
 */
export interface SignedRequestParts {
  readonly method: string;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly path: string;
  /** Query and form parameters (form wins on a clash), values already decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** Names the caller declared in `x-ca-signature-headers`. */
  readonly signedHeaderNames: readonly string[];
}

const OPTIONAL_LINES = ['accept', 'content-md5', 'content-type', 'date'] as const;

export function buildStringToSign(parts: SignedRequestParts): string {
  const lines: string[] = [parts.method.toUpperCase()];
  for (const name of OPTIONAL_LINES) {
    const value = parts.headers[name];
    if (value !== undefined) lines.push(value);
  }
  const names = [...new Set(parts.signedHeaderNames.map((name) => name.trim().toLowerCase()).filter((name) => name.length > 0))].sort();
  for (const name of names) lines.push(`${name}:${parts.headers[name] ?? ''}`);
  lines.push(resource(parts.path, parts.params));
  return lines.join('\n');
}

function resource(path: string, params: Readonly<Record<string, string>>): string {
  const keys = Object.keys(params).sort();
  if (keys.length === 0) return path;
  return `${path}?${keys.map((key) => (params[key] === '' ? key : `${key}=${params[key] ?? ''}`)).join('&')}`;
}

/** Headers a signer signs when nothing else is asked: every `x-ca-*` but the signature's own. */
export function defaultSignedHeaderNames(headerNames: readonly string[]): string[] {
  return headerNames
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-ca-') && name !== 'x-ca-signature' && name !== 'x-ca-signature-headers')
    .sort();
}
