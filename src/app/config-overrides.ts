import { HIK_CONNECTION_DEFAULTS, HUMAND_CONNECTION_DEFAULTS } from '../config/defaults.js';
import type { AppConfig, HikConnectionConfig, HumandConnectionConfig } from '../config/types.js';
import type { AppOverrides } from './types.js';

/** The configuration with the overrides merged over it (a simulator's URL and keys, a test's rules). */
export function withOverrides(base: AppConfig, overrides: AppOverrides): AppConfig {
  return {
    ...base,
    hik: mergeHik(base.hik, overrides.hik),
    humand: mergeHumand(base.humand, overrides.humand),
    dryRun: overrides.dryRun ?? base.dryRun,
    siteTimezone: overrides.siteTimezone ?? base.siteTimezone,
    rules: { ...base.rules, ...overrides.rules },
    delivery: { ...base.delivery, ...overrides.delivery },
    poll: { ...base.poll, ...overrides.poll },
  };
}

function mergeHik(base: HikConnectionConfig | null, override: Partial<HikConnectionConfig> | undefined): HikConnectionConfig | null {
  if (override === undefined) return base;
  const merged = { ...(base ?? {}), ...override } as Partial<HikConnectionConfig>;
  if (!merged.baseUrl || !merged.appKey || !merged.appSecret) return base;
  return {
    baseUrl: merged.baseUrl,
    appKey: merged.appKey,
    appSecret: merged.appSecret,
    userId: merged.userId ?? null,
    caCertPath: merged.caCertPath ?? null,
    caCertPem: merged.caCertPem ?? null,
    tlsInsecure: merged.tlsInsecure ?? false,
    requestTimeoutMs: merged.requestTimeoutMs ?? HIK_CONNECTION_DEFAULTS.requestTimeoutMs,
    connectTimeoutMs: merged.connectTimeoutMs ?? HIK_CONNECTION_DEFAULTS.connectTimeoutMs,
  };
}

function mergeHumand(base: HumandConnectionConfig | null, override: Partial<HumandConnectionConfig> | undefined): HumandConnectionConfig | null {
  if (override === undefined) return base;
  const merged = { ...(base ?? {}), ...override } as Partial<HumandConnectionConfig>;
  if (!merged.baseUrl || !merged.auth) return base;
  return {
    baseUrl: merged.baseUrl,
    auth: merged.auth,
    requestTimeoutMs: merged.requestTimeoutMs ?? HUMAND_CONNECTION_DEFAULTS.requestTimeoutMs,
    connectTimeoutMs: merged.connectTimeoutMs ?? HUMAND_CONNECTION_DEFAULTS.connectTimeoutMs,
  };
}
