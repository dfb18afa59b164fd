import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export interface BasicLogin {
  readonly username: string;
  readonly password: string;
}

export type AdminAuth = BasicLogin | { readonly token: string };

/** Who is asking: the admin login may act (re-drive, reprocess, fixed in Humand); the HR login only reads. */
export type DashboardRole = 'admin' | 'hr';

/**
 * Compares two secrets in constant time. Both sides are hashed first so that neither the
 * length nor the position of the first differing byte shows in the timing.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function parseBasic(header: string): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * True when the Authorization header carries the configured credentials. A token is
 * accepted as `Bearer <token>` (scrapers, scripts) or as the basic-auth password with any
 * user name (so a browser's login prompt works too).
 */
export function isAuthorised(auth: AdminAuth, header: string | undefined): boolean {
  if (!header) return false;
  if ('token' in auth) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (bearer?.[1]) return sameSecret(bearer[1], auth.token);
    const basic = parseBasic(header);
    return basic !== null && sameSecret(basic.password, auth.token);
  }
  const basic = parseBasic(header);
  if (!basic) return false;
  // Evaluate both comparisons: a wrong user name takes as long as a wrong password.
  const userOk = sameSecret(basic.username, auth.username);
  const passwordOk = sameSecret(basic.password, auth.password);
  return userOk && passwordOk;
}

/**
 * The role the Authorization header logs in as, or null when it matches no login. No admin
 * credentials (loopback only) means everyone is admin: an HR login needs an admin login beside it.
 */
export function roleOf(admin: AdminAuth | null, hr: BasicLogin | null, header: string | undefined): DashboardRole | null {
  if (admin === null) return 'admin';
  if (isAuthorised(admin, header)) return 'admin';
  return hr !== null && isAuthorised(hr, header) ? 'hr' : null;
}

/** The basic-auth user name in the header, if any (never the password). */
export function basicUser(header: string | undefined): string | null {
  return header ? (parseBasic(header)?.username ?? null) : null;
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare.toLowerCase().startsWith('::ffff:127.');
  return false;
}
