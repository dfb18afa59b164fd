import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parseAlertSettings, type AlertSettings } from '../alerts/settings.js';
import { loadConfig } from '../config/load.js';
import type { AppConfig } from '../config/types.js';
import { ConfigurationError, isAppError } from '../domain/errors.js';
import { parseAdminSettings, type AdminSettings } from '../ops/settings.js';
import { readPushConfig, type PushConfig } from '../push/config.js';
import { cliLanguage, type CliLanguage } from './i18n/language.js';
import { configWords, type ConfigWords } from '../config/words/config-words.js';
import { settingsWords } from '../config/words/settings-words.js';

/** Options every command accepts (commander's global options). */
export interface GlobalOptions {
  readonly config?: string;
  readonly envFile?: string;
  readonly logLevel?: string;
  /** --verbose: debug logs, with the stack of every error. */
  readonly verbose?: boolean;
}

/** Everything a command may need, read and validated once at the edge. */
export interface CliSettings {
  /** process.env over the env file, with the command-line overrides applied. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The env file that was read, if any. */
  readonly envFile: string | null;
  readonly config: AppConfig;
  /** Push receiver settings; null when push is not configured. */
  readonly push: PushConfig | null;
  readonly admin: AdminSettings;
  readonly alerts: AlertSettings;
  /** The log level asked for explicitly (--log-level or LOG_LEVEL), null when left to the default. */
  readonly explicitLogLevel: string | null;
  /** What the CLI prints in (HIK2HUMAND_LANG, else the locale). */
  readonly language: CliLanguage;
}

/** Every configuration problem found, each naming the setting, what is wrong and an example. */
export class ConfigProblems extends ConfigurationError {
  /** `language`: what the problems are written in, so the block around them says the same (default: the environment's). */
  constructor(
    readonly problems: readonly string[],
    readonly language: CliLanguage | null = null,
  ) {
    super(`Configuration is not valid:\n  - ${problems.join('\n  - ')}`, {
      code: 'CONFIG_INVALID',
      hint: 'Fix the settings listed above (see docs/configuration.md and .env.example).',
    });
    this.name = 'ConfigProblems';
  }
}

/** The demo's ledger, emptied at each demo start. Never DATABASE_PATH: the demo must not wipe a real ledger. */
export const DEMO_DATABASE_PATH = './data/demo.db';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ReadSettingsOptions {
  readonly cwd?: string;
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads the environment (process env over `--env-file`, default `.env` when present), the
 * config file (`--config` or CONFIG_FILE) and the push, admin and alert settings. Every
 * problem is collected and thrown at once as ConfigProblems.
 */
export function readSettings(options: GlobalOptions, read: ReadSettingsOptions = {}): CliSettings {
  const cwd = read.cwd ?? process.cwd();
  const problems: string[] = [];
  const processEnv = read.processEnv ?? process.env;
  // The env file may set the language; its own problem is worded in the environment's.
  const { values: fileValues, envFile } = readEnvFile(options.envFile, cwd, problems, configWords(cliLanguage(processEnv)));
  const env: Record<string, string | undefined> = { ...fileValues };
  for (const [key, value] of Object.entries(processEnv)) if (value !== undefined) env[key] = value;
  const language = cliLanguage(env);
  const w = configWords(language);
  if (options.config !== undefined) env.CONFIG_FILE = options.config;
  if (options.verbose === true && options.logLevel === undefined) env.LOG_LEVEL = 'debug';
  if (options.logLevel !== undefined) {
    if (LOG_LEVELS.includes(options.logLevel)) env.LOG_LEVEL = options.logLevel;
    else problems.push(w.logLevelFlag(options.logLevel, LOG_LEVELS));
  }

  const chosenLanguage = env.HIK2HUMAND_LANG?.trim();
  if (chosenLanguage && !['en', 'es'].includes(chosenLanguage.toLowerCase())) {
    problems.push(w.notLanguage(chosenLanguage));
  }
  const config = collect(problems, () => loadConfig({ env, cwd, dotenv: false, language }));
  const settingsText = settingsWords(language);
  const push = collect(problems, () => readPushConfig(env, settingsText));
  const admin = collect(problems, () => parseAdminSettings(env, settingsText));
  // Alerts judge "working hours" in the same zone as the rest (a bad SITE_TIMEZONE is already reported above).
  const alerts = collect(problems, () => parseAlertSettings({ ...env, SITE_TIMEZONE: config?.siteTimezone ?? 'UTC' }, settingsText));

  if (problems.length > 0 || config === undefined || push === undefined || admin === undefined || alerts === undefined) {
    throw new ConfigProblems(problems, language);
  }
  const explicit = env.LOG_LEVEL?.trim();
  // Without credentials the only ledger with anything in it is the demo's: status, punches and
  // dead-letters look there unless DATABASE_PATH says otherwise.
  const demoLedger = config.mode === 'demo' && !env.DATABASE_PATH?.trim() ? { ...config, databasePath: path.resolve(cwd, DEMO_DATABASE_PATH) } : config;
  return { env, envFile, config: demoLedger, push, admin, alerts, explicitLogLevel: explicit ? explicit : null, language };
}

function readEnvFile(named: string | undefined, cwd: string, problems: string[], w: ConfigWords): { values: Record<string, string>; envFile: string | null } {
  const file = path.resolve(cwd, named ?? '.env');
  if (named === undefined && !fs.existsSync(file)) return { values: {}, envFile: null };
  try {
    return { values: parseDotenv(fs.readFileSync(file)), envFile: file };
  } catch (error) {
    problems.push(w.envFileUnreadable(named ?? '.env', (error as NodeJS.ErrnoException).code ?? 'error'));
    return { values: {}, envFile: null };
  }
}

/** Runs a settings reader; a configuration error becomes problem lines instead of a throw. */
function collect<T>(problems: string[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!isAppError(error) || error.category !== 'configuration') throw error;
    problems.push(...problemLines(error));
    return undefined;
  }
}

/** Splits loadConfig's "Configuration is not valid:\n  - a\n  - b" into lines; other errors give one line (with their hint). */
function problemLines(error: ConfigurationError): string[] {
  if (error instanceof ConfigProblems) return [...error.problems];
  const [first, ...rest] = error.message.split('\n  - ');
  if (rest.length > 0 && first !== undefined && first.trimEnd().endsWith(':')) return rest.map((line) => line.trim());
  return [error.hint ? `${error.message} — ${error.hint}` : error.message];
}
