import path from 'node:path';
import type { Command } from 'commander';
import { helpAfter } from '../help/localize-help.js';
import { ConfigurationError } from '../../domain/errors.js';
import { createLogger } from '../../logging/logger.js';
import { CliExit } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { commandLanguage } from '../command-language.js';
import { initWords } from '../init/init-words.js';
import { inquirerPrompter } from '../init/prompter.js';
import { runInit, type InitFlags } from '../init/run-init.js';
import type { GlobalOptions } from '../settings.js';

interface InitOptions extends Omit<InitFlags, 'timeClock'> {
  readonly timeClock?: string[];
  readonly yes?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description(
      'guided first setup: checks HikCentral and Humand as you go, proposes the time clocks and the mapping, writes .env and hik2humand.yaml, runs doctor and a DRY_RUN preview',
    )
    .option('--dir <folder>', 'the site folder to write .env and hik2humand.yaml into (default: the current folder)')
    .option('--hik-host <url>', 'HikCentral address, e.g. https://10.0.0.5 (default HIKVISION_HOST)')
    .option('--hik-app-key <key>', 'HikCentral partner app key (default HIK_APP_KEY)')
    .option('--hik-secret <secret>', 'HikCentral partner secret (default HIK_SECRET; prefer the environment: arguments show in the process list)')
    .option('--trust-certificate', 'pin the certificate HikCentral presents when this machine does not trust it (check its fingerprint first)')
    .option('--no-trust-certificate', 'never pin; fail when the certificate is not trusted')
    .option('--humand-url <url>', 'Humand API base URL (default HUMAND_BASE_URL or https://api-prod.humand.co)')
    .option('--humand-key <key>', 'Humand API key (default HUMAND_AUTH; prefer the environment)')
    .option('--timezone <zone>', "site time zone, IANA name (default SITE_TIMEZONE or this machine's)")
    .option(
      '--time-clock <reader=direction>',
      'a time clock: reader name as HikCentral spells it, = in, out or alternate; repeat for each (default: the proposal)',
      collect,
    )
    .option('--mapping <strategy>', 'personCode, cardNo or customField:<field> (default: the best coverage)')
    .option('--days <n>', 'days of door events to read for the reader list', '7')
    .option('--preview <duration>', 'how far back the DRY_RUN preview reads', '1h')
    .option('--force', 'replace an existing .env and hik2humand.yaml')
    .option('-y, --yes', 'unattended: take every answer from the flags and the environment, accept the proposals, ask nothing')
    .addHelpText(
      'after',
      helpAfter(
        '\nExit codes: 0 written and doctor passed, 2 an answer is missing or refused (nothing written), 6 written but doctor found a problem. docs/install.md',
      ),
    )
    .action(async (options: InitOptions, command: Command) => {
      // A site set up again (--force) keeps the language its .env names unless the environment says otherwise.
      const language = commandLanguage([], process.env, path.resolve(options.dir ?? process.cwd()));
      const words = initWords(language);
      if (!options.yes && process.stdin.isTTY !== true)
        throw new ConfigurationError(words.noTerminal, { code: 'INIT_NO_TERMINAL', hint: words.noTerminalHint });
      const global = command.optsWithGlobals<GlobalOptions>();
      const logger = createLogger({ level: global.logLevel ?? process.env.LOG_LEVEL ?? 'error', destination: process.stderr });
      const env = process.env;
      const flags: InitFlags = {
        language,
        ...options,
        hikHost: options.hikHost ?? env.HIKVISION_HOST,
        hikAppKey: options.hikAppKey ?? env.HIK_APP_KEY,
        hikSecret: options.hikSecret ?? env.HIK_SECRET,
        humandUrl: options.humandUrl ?? env.HUMAND_BASE_URL,
        humandKey: options.humandKey ?? env.HUMAND_AUTH,
        timezone: options.timezone ?? env.SITE_TIMEZONE,
        ...(options.timeClock ? { timeClock: options.timeClock } : {}),
      };
      const result = await runInit(flags, options.yes ? null : inquirerPrompter(undefined, words), io, logger);
      if (result.doctor.exitCode !== EXIT.ok) throw new CliExit(result.doctor.exitCode);
    });
}
