import { request } from 'undici';
import { z } from 'zod';
import { normaliseAuth } from '../../humand/options.js';

const allowlistSchema = z.object({ allowedIps: z.array(z.string()) });

/**
 * The key's IP allowlist (GET /api-keys/allowed-ips): empty means any address may use the key.
 * One read, at set-up only (it does not go through the service's rate budget). Null with the
 * reason when it cannot be read.
 */
export async function readHumandAllowlist(
  baseUrl: string,
  auth: string,
  timeoutMs = 10_000,
): Promise<{ readonly ips: readonly string[] } | { readonly error: string }> {
  try {
    const response = await request(`${baseUrl.replace(/\/+$/, '')}/api-keys/allowed-ips`, {
      method: 'GET',
      headers: { authorization: normaliseAuth(auth).header, accept: 'application/json' },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) return { error: `HTTP ${response.statusCode}` };
    const parsed = allowlistSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ips: parsed.data.allowedIps } : { error: 'unexpected answer' };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What the allowlist means for this server, in a sentence or two. */
export function describeAllowlist(ips: readonly string[], refused: boolean): string {
  if (ips.length === 0) {
    return refused
      ? "The key's IP allowlist is empty (any address may use it), so the 403 comes from the key's permissions: ask for time tracking and users access."
      : "The key's IP allowlist is empty: any address may use it.";
  }
  const list = ips.join(', ');
  return refused
    ? `The key's IP allowlist names only ${list}. Unless this server's public address (what your firewall/NAT shows to the internet, not 10.x/192.168.x) is among them, that is the cause: add it in Humand (API keys > allowed IPs) or ask Humand support. If it is, the key's user lacks the time tracking or users permission.`
    : `The key's IP allowlist names ${list}: this server reaches Humand from one of them. Keep it so if the server or its internet link changes.`;
}
