import { z } from 'zod';
import { ConfigurationError } from '../domain/errors.js';
import { isLoopbackHost, type AdminAuth, type BasicLogin } from './auth.js';

export interface AdminSettings {
  readonly host: string;
  readonly port: number;
  /** Null: no credentials (only allowed on a loopback address). */
  readonly auth: AdminAuth | null;
  /** The read-only HR login (DASHBOARD_HR_USER / DASHBOARD_HR_PASSWORD); null when not configured. */
  readonly hrAuth?: BasicLogin | null;
  readonly maxPollAgeMs: number;
  /** Host names answered besides loopback names and IP addresses: ADMIN_ALLOWED_HOSTS and DASHBOARD_PUBLIC_URL's host. */
  readonly allowedHosts?: readonly string[];
}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const schema = z.object({
  ADMIN_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  ADMIN_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(8081)),
  DASHBOARD_USER: z.preprocess(emptyToUndefined, z.string().min(1).default('admin')),
  DASHBOARD_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  DASHBOARD_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  DASHBOARD_HR_USER: z.preprocess(emptyToUndefined, z.string().min(1).default('rrhh')),
  DASHBOARD_HR_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  READY_MAX_POLL_AGE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(300)),
  ADMIN_ALLOWED_HOSTS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
      )
      .pipe(z.array(z.string().regex(/^[A-Za-z0-9.-]+$/, 'names only, comma separated, e.g. hik2humand.plant.local,dashboard.example.com')))
      .optional(),
  ),
  DASHBOARD_PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
});

/** Reads ADMIN_HOST, ADMIN_PORT, DASHBOARD_USER/PASSWORD or DASHBOARD_TOKEN, DASHBOARD_HR_USER/PASSWORD, READY_MAX_POLL_AGE_SECONDS, ADMIN_ALLOWED_HOSTS, DASHBOARD_PUBLIC_URL. */
export function parseAdminSettings(env: Readonly<Record<string, string | undefined>>): AdminSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError(`${issue?.path.join('.') ?? 'ADMIN_*'} is invalid: ${issue?.message ?? 'unreadable'}`, {
      hint: 'see docs/operations.md for the admin server settings',
    });
  }
  const v = parsed.data;
  if (v.DASHBOARD_PASSWORD && v.DASHBOARD_TOKEN) {
    throw new ConfigurationError('DASHBOARD_PASSWORD and DASHBOARD_TOKEN are both set', { hint: 'set only one of them' });
  }
  const auth: AdminAuth | null = v.DASHBOARD_TOKEN
    ? { token: v.DASHBOARD_TOKEN }
    : v.DASHBOARD_PASSWORD
      ? { username: v.DASHBOARD_USER, password: v.DASHBOARD_PASSWORD }
      : null;
  // Checked with the rest of the configuration: `run` must refuse before any server listens or any API is called.
  if (auth === null && !isLoopbackHost(v.ADMIN_HOST)) {
    throw new ConfigurationError(
      `ADMIN_HOST=${v.ADMIN_HOST} without DASHBOARD_PASSWORD or DASHBOARD_TOKEN would open the dashboard and its API to the network`,
      {
        code: 'ADMIN_AUTH_REQUIRED',
        hint: 'set DASHBOARD_PASSWORD (with DASHBOARD_USER) or DASHBOARD_TOKEN, or bind ADMIN_HOST to 127.0.0.1',
      },
    );
  }
  const hrAuth = v.DASHBOARD_HR_PASSWORD === undefined ? null : { username: v.DASHBOARD_HR_USER, password: v.DASHBOARD_HR_PASSWORD };
  if (hrAuth !== null && auth === null) {
    throw new ConfigurationError(
      'DASHBOARD_HR_PASSWORD is set but there is no admin login: without DASHBOARD_PASSWORD or DASHBOARD_TOKEN everyone is admin, so a read-only HR login would protect nothing',
      {
        code: 'ADMIN_HR_WITHOUT_ADMIN',
        hint: 'set DASHBOARD_PASSWORD (with DASHBOARD_USER) or DASHBOARD_TOKEN for IT as well',
      },
    );
  }
  if (hrAuth !== null && auth !== null && 'username' in auth && auth.username === hrAuth.username) {
    throw new ConfigurationError(`DASHBOARD_HR_USER and DASHBOARD_USER are both "${hrAuth.username}"`, {
      code: 'ADMIN_HR_SAME_USER',
      hint: 'give the HR login its own user name (default rrhh)',
    });
  }
  const publicHost = v.DASHBOARD_PUBLIC_URL === undefined ? [] : [new URL(v.DASHBOARD_PUBLIC_URL).hostname];
  const allowedHosts = [...new Set([...(v.ADMIN_ALLOWED_HOSTS ?? []), ...publicHost])];
  return { host: v.ADMIN_HOST, port: v.ADMIN_PORT, auth, hrAuth, maxPollAgeMs: v.READY_MAX_POLL_AGE_SECONDS * 1000, allowedHosts };
}
