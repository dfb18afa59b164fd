import fs from 'node:fs';
import type { Command } from 'commander';
import { createApp } from '../app/create-app.js';
import type { App, AppOverrides } from '../app/types.js';
import type { HikConnectionConfig, HumandConnectionConfig } from '../config/types.js';
import { ConfigurationError } from '../domain/errors.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { isPostgresUrl } from '../store/open-store.js';
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
  throw new ConfigurationError(`\`${command}\` needs a real site: HIKVISION_HOST, HIK_APP_KEY, HIK_SECRET and HUMAND_AUTH are not set`, {
    code: 'NOT_CONFIGURED',
    hint: 'Copy .env.example to .env and fill it in (README, "Going live"), then run `hik2humand doctor`. Without credentials, `npm start` runs the demo against built-in simulators.',
  });
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
  throw new ConfigurationError(`there is no ledger at ${config.databasePath}`, {
    code: 'NO_LEDGER',
    hint:
      config.mode === 'demo'
        ? 'Nothing has run here yet: `npm start` runs the demo (its ledger is ./data/demo.db), or configure a site (README, "Going live").'
        : 'Set DATABASE_PATH to the ledger the service uses (run from the same folder, with the same .env), or run `hik2humand sync` / `run` first.',
  });
}
