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
