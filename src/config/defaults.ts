/**
 * Connection defaults, in one place: the environment loader, the App's overrides (a simulator's
 * URL and keys merged over the configuration) and the clients' own fallbacks read them here.
 */
export const HIK_CONNECTION_DEFAULTS = { requestTimeoutMs: 30_000, connectTimeoutMs: 10_000 } as const;
export const HUMAND_CONNECTION_DEFAULTS = { requestTimeoutMs: 15_000, connectTimeoutMs: 5_000 } as const;

/** The demo's site (no credentials configured) is in Argentina, where the first users are; SITE_TIMEZONE changes it. */
export const DEMO_SITE_TIMEZONE = 'America/Argentina/Buenos_Aires';
