import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { cliLanguage, type CliLanguage } from './i18n/language.js';

/**
 * The language a CLI run speaks before its settings are read (its --help, a failure while
 * reading them, init, service): HIK2HUMAND_LANG from the environment or from the env file the
 * command reads (`--env-file`, else ./.env in `cwd` — where `init` writes it), else the locale.
 */
export function commandLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): CliLanguage {
  if (env.HIK2HUMAND_LANG?.trim()) return cliLanguage(env);
  const at = argv.indexOf('--env-file');
  const named = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--env-file='))?.slice('--env-file='.length);
  try {
    return cliLanguage({ ...parseDotenv(fs.readFileSync(path.resolve(cwd, named ?? '.env'))), ...env });
  } catch {
    return cliLanguage(env);
  }
}
