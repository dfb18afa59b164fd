import fs from 'node:fs';
import type { Command } from 'commander';
import { createApp } from '../app/create-app.js';
import type { App, AppOverrides } from '../app/types.js';
import type { HikConnectionConfig, HumandConnectionConfig } from '../config/types.js';
import { ConfigurationError } from '../domain/errors.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { isPostgresUrl } from '../store/open-store.js';
import { cliText } from './i18n/text.js';
import { readSettings, type CliSettings, type GlobalOptions } from './settings.js';

/** Reads and validates everything from the command's global options (throws ConfigProblems). */
export function settingsOf(command: Command): CliSettings {
  return readSettings(command.optsWithGlobals<GlobalOptions>());
}

/** The service's log: JSON lines on stdout (pretty at a terminal), `info` unless told otherwise. */
export function serviceLogger(settings: CliSettings): Logger {
  return createLogger({ level: settings.explicitLogLevel ?? 'info' });
}

/**
 * A one-shot command's log: JSON lines on stderr so that stdout carries only the command's
 * own output (text, or JSON with --json). Quiet (`warn`) unless a level is asked for.
 */
export function commandLogger(settings: CliSettings, defaultLevel = 'warn'): Logger {
  return createLogger({ level: settings.explicitLogLevel ?? defaultLevel, destination: process.stderr });
}

/** Commands that talk to HikCentral and Humand need real credentials; without them only the demo runs. */
export function requireLive(settings: CliSettings, command: string): { readonly hik: HikConnectionConfig; readonly humand: HumandConnectionConfig } {
  const { hik, humand } = settings.config;
  if (settings.config.mode === 'live' && hik !== null && humand !== null) return { hik, humand };
  const { t } = cliText(settings.language);
  throw new ConfigurationError(t('context.needsSite', { command }), { code: 'NOT_CONFIGURED', hint: t('context.needsSiteHint') });
}

/** Opens the App for one command and closes it (the ledger) whatever happens. */
export async function withApp<T>(settings: CliSettings, logger: Logger, run: (app: App) => Promise<T>, overrides?: AppOverrides): Promise<T> {
  const app = await createApp({ config: settings.config, logger, ...(overrides ? { overrides } : {}) });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

/**
 * Commands that only read the ledger must not create an empty one: a missing file usually means
 * DATABASE_PATH differs from the service's (or nothing has run yet).
 */
export function requireExistingLedger(settings: CliSettings): void {
  const { config } = settings;
  if (isPostgresUrl(config.databaseUrl) || fs.existsSync(config.databasePath)) return;
  const { t } = cliText(settings.language);
  throw new ConfigurationError(t('context.noLedger', { path: config.databasePath }), {
    code: 'NO_LEDGER',
    hint: t(config.mode === 'demo' ? 'context.noLedgerDemo' : 'context.noLedgerLive'),
  });
}
