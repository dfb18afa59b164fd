import { DEMO_SITE_TIMEZONE, HIK_CONNECTION_DEFAULTS, HUMAND_CONNECTION_DEFAULTS } from './defaults.js';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { ConfigurationError } from '../domain/errors.js';
import { registerSecret } from '../logging/redact.js';
import { configFileSchemaFor, type ConfigFile } from './file.js';
import { envSchemaFor, type EnvSettings } from './env.js';
import { configWords, type ConfigLanguage, type ConfigWords } from './words/config-words.js';
import { validationLocale } from './words/validation-locale.js';
import { DEFAULT_DOOR_STATE_EVENT_CODES, DEFAULT_GRANTED_EVENT_CODES, DEFAULT_REFUSED_EVENT_CODES } from './event-codes.js';
import { describeIssues, isTimeZone } from './parse-values.js';
import { buildIsapiConfig, isapiTimeClocks } from './isapi.js';
import type { AppConfig, RulesConfig, TimeClockRule } from './types.js';

export interface LoadConfigOptions {
  /** Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where `.env` and the default config file are looked for. Default process.cwd(). */
  readonly cwd?: string;
  /** Read `.env` from cwd (values already in env win). Default true. */
  readonly dotenv?: boolean;
  /** The language problems are written in (the CLI's). Default English. */
  readonly language?: ConfigLanguage;
}

export const DEFAULT_CONFIG_FILES = ['hik2humand.yaml', 'hik2humand.yml', 'hik2humand.json'];
export const DEFAULT_DATABASE_PATH = './data/hik2humand.db';
export const DEFAULT_HUMAND_BASE_URL = 'https://api-prod.humand.co';

function passwordOf(databaseUrl: string | undefined): string | undefined {
  if (databaseUrl === undefined) return undefined;
  try {
    return decodeURIComponent(new URL(databaseUrl).password) || undefined;
  } catch {
    return undefined;
  }
}

function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Reads and validates the environment (and `.env`) and the config file. Every problem is
 * collected and thrown at once as one ConfigurationError naming each setting.
 */
export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const cwd = options.cwd ?? process.cwd();
  const w = configWords(options.language ?? 'en');
  const raw: Record<string, string | undefined> = {};
  if (options.dotenv !== false) {
    const dotenvPath = path.join(cwd, '.env');
    if (fs.existsSync(dotenvPath)) Object.assign(raw, parseDotenv(fs.readFileSync(dotenvPath)));
  }
  for (const [key, value] of Object.entries(options.env ?? process.env)) if (value !== undefined) raw[key] = value;

  const problems: string[] = [];
  const envSchema = envSchemaFor(w);
  const parsedEnv = envSchema.safeParse(raw, validationLocale(w.language));
  if (!parsedEnv.success) problems.push(...describeIssues(parsedEnv.error.issues));
  // The valid settings are still checked against each other, so one report names every problem.
  const env: Partial<EnvSettings> = parsedEnv.success ? parsedEnv.data : validSettingsOf(raw, envSchema);

  const { file, configFile } = readConfigFile(env.CONFIG_FILE, cwd, problems, w);
  const builtRules = buildRules(file, configFile, problems, w);
  const isapi = buildIsapiConfig(file?.isapi, raw, configFile === null ? cwd : path.dirname(configFile), problems, w);
  const rules = builtRules === null ? null : { ...builtRules, timeClocks: [...builtRules.timeClocks, ...isapiTimeClocks(isapi)] };

  // The demo (no credentials) is a site in Argentina, where the first users are; `status` and `punches` on its ledger read its times so.
  const demo = !isSet(raw.HIKVISION_HOST) && !isSet(raw.HUMAND_AUTH);
  const siteTimezone = env.SITE_TIMEZONE ?? file?.siteTimezone ?? (demo ? DEMO_SITE_TIMEZONE : hostTimeZone());
  if (file?.siteTimezone !== undefined && env.SITE_TIMEZONE === undefined && !isTimeZone(file.siteTimezone)) {
    problems.push(w.siteTimezoneFile(file.siteTimezone));
  }

  // Set counts, even when the value itself is invalid (that is reported on its own).
  const hikConfigured = isSet(raw.HIKVISION_HOST);
  const humandConfigured = isSet(raw.HUMAND_AUTH);
  if (isapi !== null) {
    // Terminals read directly (ISAPI): HikCentral is optional, Humand is not.
    if (!humandConfigured) problems.push(w.humandMissingIsapi);
  } else if (hikConfigured !== humandConfigured) {
    problems.push(hikConfigured ? w.humandMissing : w.hikMissing);
  }
  if (hikConfigured && env.HIK_APP_KEY === undefined) problems.push(w.hikAppKeyMissing);
  if (hikConfigured && env.HIK_SECRET === undefined) problems.push(w.hikSecretMissing);
  let caCertPem: string | null = null;
  if (env.HIK_CA_CERT !== undefined) {
    const caPath = path.resolve(cwd, env.HIK_CA_CERT);
    try {
      caCertPem = fs.readFileSync(caPath, 'utf8');
      if (!caCertPem.includes('-----BEGIN CERTIFICATE-----')) {
        problems.push(w.caNotPem(env.HIK_CA_CERT));
      }
    } catch (error) {
      problems.push(w.caUnreadable(env.HIK_CA_CERT, (error as NodeJS.ErrnoException).code ?? 'error'));
    }
  }
  if (env.HIK_TLS_INSECURE === true && env.HIK_CA_CERT !== undefined) {
    problems.push(w.insecureWithCa);
  }
  const mode = hikConfigured || humandConfigured ? 'live' : 'demo';
  if (mode === 'live' && rules !== null && rules.timeClocks.length === 0) {
    problems.push(w.noTimeClocks(configFile));
  }

  if (problems.length > 0 || rules === null) {
    throw new ConfigurationError(`${w.invalid}\n  - ${problems.join('\n  - ')}`, { code: 'CONFIG_INVALID', hint: w.invalidHint });
  }

  registerSecret(env.HIK_SECRET);
  registerSecret(env.HUMAND_AUTH);
  registerSecret(passwordOf(env.DATABASE_URL));
  const [assumedLimit, assumedWindowMs] = env.HUMAND_RATE_LIMIT ? [env.HUMAND_RATE_LIMIT.limit, env.HUMAND_RATE_LIMIT.windowMs] : [50, 60_000];

  return {
    mode,
    hik: hikConfigured
      ? {
          baseUrl: env.HIKVISION_HOST!,
          appKey: env.HIK_APP_KEY!,
          appSecret: env.HIK_SECRET!,
          userId: env.HIK_USER_ID ?? null,
          caCertPath: env.HIK_CA_CERT ?? null,
          caCertPem,
          tlsInsecure: env.HIK_TLS_INSECURE ?? false,
          requestTimeoutMs: env.HIK_TIMEOUT ?? HIK_CONNECTION_DEFAULTS.requestTimeoutMs,
          connectTimeoutMs: env.HIK_CONNECT_TIMEOUT ?? HIK_CONNECTION_DEFAULTS.connectTimeoutMs,
        }
      : null,
    humand: humandConfigured
      ? {
          baseUrl: env.HUMAND_BASE_URL ?? DEFAULT_HUMAND_BASE_URL,
          auth: env.HUMAND_AUTH!,
          requestTimeoutMs: env.HUMAND_TIMEOUT ?? HUMAND_CONNECTION_DEFAULTS.requestTimeoutMs,
          connectTimeoutMs: env.HUMAND_CONNECT_TIMEOUT ?? HUMAND_CONNECTION_DEFAULTS.connectTimeoutMs,
        }
      : null,
    dryRun: env.DRY_RUN ?? false,
    databasePath: path.resolve(cwd, env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH),
    databaseUrl: env.DATABASE_URL ?? null,
    databaseSchema: env.DATABASE_SCHEMA ?? 'public',
    siteTimezone,
    logLevel: env.LOG_LEVEL ?? 'info',
    configFile,
    poll: {
      intervalMs: env.POLL_INTERVAL ?? 5 * 60_000,
      lookbackMs: env.POLL_LOOKBACK ?? 2 * 3_600_000,
      initialLookbackMs: env.POLL_INITIAL_LOOKBACK ?? 24 * 3_600_000,
      doorIndexCodes: file?.poll.doors ?? [],
      eventCodes: file?.poll.eventTypes === 'granted' ? rules.grantedEventCodes : [],
      personsRefreshMs: env.PERSONS_REFRESH_INTERVAL ?? 3_600_000,
      usersRefreshMs: env.USERS_REFRESH_INTERVAL ?? 15 * 60_000,
    },
    delivery: {
      assumedRateLimit: assumedLimit,
      assumedRateWindowMs: assumedWindowMs,
      concurrency: env.DELIVERY_CONCURRENCY ?? 4,
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS ?? 10,
      backoffBaseMs: env.RETRY_BACKOFF_BASE ?? 5_000,
      backoffMaxMs: env.RETRY_BACKOFF_MAX ?? 15 * 60_000,
      probeIntervalMs: env.PROBE_INTERVAL ?? 60_000,
      syncMaxDeliveryMs: env.SYNC_MAX_DELIVERY ?? 10 * 60_000,
      ...(env.DELIVERY_LEASE_TTL !== undefined ? { leaseTtlMs: env.DELIVERY_LEASE_TTL } : {}),
    },
    rules,
    ...(env.EVENT_MAX_AGE !== undefined ? { maxEventAgeMs: env.EVENT_MAX_AGE } : {}),
    isapi,
  };
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** Each setting parsed on its own: the valid ones, when the environment as a whole is not. */
function validSettingsOf(raw: Readonly<Record<string, string | undefined>>, envSchema: ReturnType<typeof envSchemaFor>): Partial<EnvSettings> {
  const settings: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(envSchema.shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) settings[key] = parsed.data;
  }
  return settings as Partial<EnvSettings>;
}

function readConfigFile(named: string | undefined, cwd: string, problems: string[], w: ConfigWords): { file: ConfigFile | null; configFile: string | null } {
  const configFileSchema = configFileSchemaFor(w);
  let configFile: string | null = null;
  if (named !== undefined) configFile = path.resolve(cwd, named);
  else configFile = DEFAULT_CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => fs.existsSync(f)) ?? null;
  if (configFile === null) {
    const parsed = configFileSchema.safeParse({});
    return { file: parsed.success ? parsed.data : null, configFile: null };
  }
  let text: string;
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch (error) {
    problems.push(w.configUnreadable(named ?? configFile, (error as NodeJS.ErrnoException).code ?? 'error'));
    return { file: null, configFile };
  }
  let data: unknown;
  try {
    data = configFile.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const format = configFile.endsWith('.json') ? 'JSON' : 'YAML';
    problems.push(w.notValidFormat(configFile, format, describeSyntaxError(error, text, w)));
    return { file: null, configFile };
  }
  const parsed = configFileSchema.safeParse(data ?? {}, validationLocale(w.language));
  if (!parsed.success) {
    problems.push(...describeIssues(parsed.error.issues, w.configFilePrefix(path.basename(configFile))));
    return { file: null, configFile };
  }
  return { file: parsed.data, configFile };
}

/**
 * The parser's first line without its dangling "column N:" colon, the offending line as written
 * and, for YAML, the likely cause: the message used to stop at "line 9, column 1:".
 */
function describeSyntaxError(error: unknown, text: string, w: ConfigWords): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/:\s*$/, '');
  const details = error as { linePos?: readonly { line: number }[]; code?: unknown };
  const lines = text.split(/\r?\n/);
  // The parser notices an unclosed quote where the file ends; the person needs the line it opens on.
  const quote = /closing "quote/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : null;
  const opening = quote === null ? -1 : lines.findIndex((written) => written.split(quote).length % 2 === 0);
  const line = opening >= 0 ? opening + 1 : details.linePos?.[0]?.line;
  const parts = [message];
  if (line !== undefined) {
    const written = lines[line - 1];
    if (written !== undefined && written.trim() !== '') parts.push(w.lineReads(line, JSON.stringify(written.trimEnd())));
  }
  // What a person fixing a YAML typo needs most often, by the parser's error code.
  const cause = typeof details.code === 'string' ? w.yamlCauses[details.code] : undefined;
  if (cause !== undefined) parts.push(w.likely(cause));
  return parts.join(' — ');
}

function buildRules(file: ConfigFile | null, configFile: string | null, problems: string[], w: ConfigWords): RulesConfig | null {
  if (file === null) return null;
  const baseDir = configFile === null ? process.cwd() : path.dirname(configFile);
  const timeClocks: TimeClockRule[] = file.timeClocks.map((clock) => ({
    door: clock.door ?? null,
    reader: clock.reader ?? null,
    mode: clock.mode,
    direction: clock.direction ?? null,
    debounceMs: clock.debounce ?? null,
    label: clock.label ?? null,
  }));
  const csvFile = file.mapping.csvFile === undefined ? null : path.resolve(baseDir, file.mapping.csvFile);
  if (file.mapping.strategy === 'csv' && csvFile !== null && !fs.existsSync(csvFile)) {
    problems.push(w.csvMissing(file.mapping.csvFile ?? csvFile));
  }
  return {
    timeClocks,
    grantedEventCodes: file.eventCodes.granted ?? DEFAULT_GRANTED_EVENT_CODES,
    refusedEventCodes: file.eventCodes.refused ?? DEFAULT_REFUSED_EVENT_CODES,
    doorStateEventCodes: file.eventCodes.doorState ?? DEFAULT_DOOR_STATE_EVENT_CODES,
    mapping: {
      strategy: file.mapping.strategy,
      customField: file.mapping.customField ?? null,
      csvFile,
      humandField: file.mapping.humandField ?? null,
    },
    debounceMs: file.debounce ?? 60_000,
    settleDelayMs: file.settleDelay ?? 5_000,
    dayBoundaryHour: file.dayBoundaryHour ?? 4,
    alternationPolicy: file.alternation ?? 'suppress',
    maxOpenShiftMs: file.maxOpenShift ?? 16 * 3_600_000,
    minShiftMs: file.minShift ?? 10 * 60_000,
    futureToleranceMs: file.futureTolerance ?? 120_000,
    commentTemplate: file.comment ?? '{label}',
  };
}
