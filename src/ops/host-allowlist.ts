import { isIP } from 'node:net';

/**
 * Which `Host` (and `Origin`) names the admin server answers to. A DNS-rebinding page reaches
 * a loopback server under the attacker's own name (`rebind.evil.example`), so names are
 * allowed only when they are loopback names or were configured (DASHBOARD_PUBLIC_URL's host,
 * ADMIN_ALLOWED_HOSTS). An IP literal cannot be rebound and is always allowed.
 */
export interface HostAllowlist {
  /** The names allowed besides loopback names and IP literals (lower case, no port). */
  readonly names: readonly string[];
  allowsHost(hostHeader: string | undefined): boolean;
  allowsOrigin(origin: string): boolean;
}

const LOOPBACK_NAMES = ['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback'];

/** `name[:port]` or `[v6][:port]` → the bare name or address, lower case; null when unreadable. */
function hostnameOf(hostHeader: string): string | null {
  const text = hostHeader.trim().toLowerCase();
  if (text === '') return null;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    return end < 0 ? null : text.slice(1, end);
  }
  const colon = text.indexOf(':');
  // More than one colon without brackets: a bare IPv6 address.
  if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) return text;
  return colon < 0 ? text : text.slice(0, colon);
}

export function createHostAllowlist(configured: readonly string[]): HostAllowlist {
  const names = [...new Set(configured.map((name) => hostnameOf(name)).filter((name): name is string => name !== null))];
  const allowed = new Set([...LOOPBACK_NAMES, ...names]);
  const allowsName = (name: string | null): boolean => {
    if (name === null) return false;
    const bare = name.endsWith('.') ? name.slice(0, -1) : name;
    return isIP(bare) !== 0 || allowed.has(bare) || bare.endsWith('.localhost');
  };
  return {
    names,
    allowsHost: (hostHeader) => hostHeader !== undefined && allowsName(hostnameOf(hostHeader)),
    allowsOrigin: (origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      return (url.protocol === 'http:' || url.protocol === 'https:') && allowsName(hostnameOf(url.host));
    },
  };
}
