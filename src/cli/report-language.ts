import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { cliLanguage, type CliLanguage } from './i18n/language.js';

/**
 * The language to report a failure in: HIK2HUMAND_LANG from the environment or from the env
 * file the command reads (`--env-file`, else ./.env — where `init` writes it), else the locale.
 * Read again here, because the failure may come before or while the settings are read.
 */
export function reportingLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): CliLanguage {
  if (env.HIK2HUMAND_LANG?.trim()) return cliLanguage(env);
  const at = argv.indexOf('--env-file');
  const named = at >= 0 ? argv[at + 1] : argv.find((arg) => arg.startsWith('--env-file='))?.slice('--env-file='.length);
  try {
    return cliLanguage({ ...parseDotenv(fs.readFileSync(path.resolve(cwd, named ?? '.env'))), ...env });
  } catch {
    return cliLanguage(env);
  }
}
