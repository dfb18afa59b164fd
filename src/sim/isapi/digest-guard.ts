import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { digestResponse, parseAuthParams } from '../../isapi/digest.js';
import type { TerminalState } from './terminal-state.js';

const NONCE_LIFETIME_MS = 5 * 60_000;

export type GuardResult = { readonly ok: true } | { readonly ok: false; readonly status: 401; readonly wwwAuthenticate: string; readonly body: string };

/**
 * The terminal's digest check. A request without credentials gets a challenge (not a failed
 * login); wrong credentials count toward the lockout; while locked even the right password
 * is refused, like the real brute-force protection.
 */
export class DigestGuard {
  readonly realm: string;
  private readonly nonces = new Map<string, number>();

  constructor(private readonly state: TerminalState) {
    this.realm = `${state.info.model}`;
  }

  private challenge(stale: boolean): string {
    const nonce = randomBytes(16).toString('hex');
    this.nonces.set(nonce, this.state.clock.now());
    if (this.nonces.size > 1000) this.nonces.delete(this.nonces.keys().next().value!);
    return `Digest qop="auth", realm="${this.realm}", nonce="${nonce}", stale="${stale ? 'TRUE' : 'FALSE'}"`;
  }

  private refuse(stale: boolean, locked: boolean): GuardResult {
    const unlockTime = locked && this.state.lockedUntilMs !== null ? Math.ceil((this.state.lockedUntilMs - this.state.clock.now()) / 1000) : 0;
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<userCheck><statusValue>401</statusValue><statusString>Unauthorized</statusString><lockStatus>${locked ? 'lock' : 'unlock'}</lockStatus><unlockTime>${unlockTime}</unlockTime><retryLoginTime>${Math.max(0, this.state.lockoutAfter - this.state.failedLogins())}</retryLoginTime></userCheck>\n`;
    return { ok: false, status: 401, wwwAuthenticate: this.challenge(stale), body };
  }

  check(request: IncomingMessage): GuardResult {
    const header = request.headers.authorization;
    if (header === undefined || !/^digest\s/i.test(header)) return this.refuse(false, this.state.isLocked());
    if (this.state.isLocked()) return this.refuse(false, true);
    const params = parseAuthParams(header.replace(/^digest\s+/i, ''));
    const nonce = params.get('nonce') ?? '';
    const response = params.get('response');
    if (response !== undefined) this.state.digestResponses.push(response);
    const issued = this.nonces.get(nonce);
    const expected = digestResponse({
      user: this.state.user,
      realm: this.realm,
      password: this.state.password,
      method: request.method ?? 'GET',
      uri: params.get('uri') ?? '',
      nonce,
      qop: params.get('qop') ?? null,
      nc: params.get('nc') ?? '',
      cnonce: params.get('cnonce') ?? '',
    });
    const rightUser = params.get('username') === this.state.user && params.get('realm') === this.realm;
    const rightUri = params.get('uri') === request.url;
    if (!rightUser || response !== expected || !rightUri) {
      const locked = this.state.noteFailedLogin();
      return this.refuse(false, locked);
    }
    if (issued === undefined || this.state.clock.now() - issued > NONCE_LIFETIME_MS) return this.refuse(true, false);
    return { ok: true };
  }
}
