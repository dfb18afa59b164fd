import { z } from 'zod';
import { ConfigurationError } from '../domain/errors.js';
import { isLoopbackHost, type AdminAuth, type BasicLogin } from './auth.js';
import { SETTINGS_EN, type SettingsWords } from '../config/words/settings-words.js';
import { validationLocale } from '../config/words/validation-locale.js';

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

function adminSchema(w: SettingsWords) {
  return z.object({
    ADMIN_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    ADMIN_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(8081)),
    DASHBOARD_USER: z.preprocess(emptyToUndefined, z.string().min(1).default('admin')),
    DASHBOARD_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, w.atLeast(8)).optional()),
    DASHBOARD_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, w.atLeast(16)).optional()),
    DASHBOARD_HR_USER: z.preprocess(emptyToUndefined, z.string().min(1).default('rrhh')),
    DASHBOARD_HR_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, w.atLeast(8)).optional()),
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
        .pipe(z.array(z.string().regex(/^[A-Za-z0-9.-]+$/, w.hostNames)))
        .optional(),
    ),
    DASHBOARD_PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  });
}

/** Reads ADMIN_HOST, ADMIN_PORT, DASHBOARD_USER/PASSWORD or DASHBOARD_TOKEN, DASHBOARD_HR_USER/PASSWORD, READY_MAX_POLL_AGE_SECONDS, ADMIN_ALLOWED_HOSTS, DASHBOARD_PUBLIC_URL. */
export function parseAdminSettings(env: Readonly<Record<string, string | undefined>>, w: SettingsWords = SETTINGS_EN): AdminSettings {
  const parsed = adminSchema(w).safeParse(env, validationLocale(w.language));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError(w.invalid(issue?.path.join('.') ?? 'ADMIN_*', issue?.message ?? '?'), { hint: w.adminHint });
  }
  const v = parsed.data;
  if (v.DASHBOARD_PASSWORD && v.DASHBOARD_TOKEN) {
    throw new ConfigurationError(w.passwordAndToken, { hint: w.onlyOne });
  }
  const auth: AdminAuth | null = v.DASHBOARD_TOKEN
    ? { token: v.DASHBOARD_TOKEN }
    : v.DASHBOARD_PASSWORD
      ? { username: v.DASHBOARD_USER, password: v.DASHBOARD_PASSWORD }
      : null;
  // Checked with the rest of the configuration: `run` must refuse before any server listens or any API is called.
  if (auth === null && !isLoopbackHost(v.ADMIN_HOST)) {
    throw new ConfigurationError(w.openToNetwork(v.ADMIN_HOST), { code: 'ADMIN_AUTH_REQUIRED', hint: w.openToNetworkHint });
  }
  const hrAuth = v.DASHBOARD_HR_PASSWORD === undefined ? null : { username: v.DASHBOARD_HR_USER, password: v.DASHBOARD_HR_PASSWORD };
  if (hrAuth !== null && auth === null) {
    throw new ConfigurationError(w.hrWithoutAdmin, { code: 'ADMIN_HR_WITHOUT_ADMIN', hint: w.hrWithoutAdminHint });
  }
  if (hrAuth !== null && auth !== null && 'username' in auth && auth.username === hrAuth.username) {
    throw new ConfigurationError(w.hrSameUser(hrAuth.username), { code: 'ADMIN_HR_SAME_USER', hint: w.hrSameUserHint });
  }
  const publicHost = v.DASHBOARD_PUBLIC_URL === undefined ? [] : [new URL(v.DASHBOARD_PUBLIC_URL).hostname];
  const allowedHosts = [...new Set([...(v.ADMIN_ALLOWED_HOSTS ?? []), ...publicHost])];
  return { host: v.ADMIN_HOST, port: v.ADMIN_PORT, auth, hrAuth, maxPollAgeMs: v.READY_MAX_POLL_AGE_SECONDS * 1000, allowedHosts };
}
