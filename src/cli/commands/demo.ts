import type { Command } from 'commander';
import { settingsOf } from '../context.js';
import { DEMO_DEFAULTS, runDemo, type DemoOptions } from '../demo/run-demo.js';
import { runIsapiDemo } from '../demo/isapi-demo.js';
import type { CliIo } from '../io.js';
import { durationOption, integerOption } from '../options.js';
import { ConfigProblems } from '../settings.js';
import type { CliLanguage } from '../i18n/language.js';
import { cliText } from '../i18n/text.js';

interface DemoFlags {
  readonly employees?: string;
  readonly seed?: string;
  readonly speed?: string;
  readonly from?: string;
  readonly database?: string;
  readonly source?: string;
  readonly incidents?: boolean;
  readonly incidentStep?: string;
}

export function demoOptionsOf(flags: DemoFlags, language: CliLanguage = 'en'): DemoOptions {
  if (flags.from !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(flags.from)) {
    throw new ConfigProblems([cliText(language).t('flag.timeOfDay', { value: flags.from })], language);
  }
  return {
    employees: integerOption('--employees', flags.employees, 1, 2_000, DEMO_DEFAULTS.employees, language) ?? DEMO_DEFAULTS.employees,
    seed: integerOption('--seed', flags.seed, 0, 2 ** 31 - 1, DEMO_DEFAULTS.seed, language) ?? DEMO_DEFAULTS.seed,
    speed: integerOption('--speed', flags.speed, 1, 600, DEMO_DEFAULTS.speed, language) ?? DEMO_DEFAULTS.speed,
    startAt: flags.from ?? DEMO_DEFAULTS.startAt,
    databasePath: flags.database ?? DEMO_DEFAULTS.databasePath,
    progressEveryMs: DEMO_DEFAULTS.progressEveryMs,
    incidentStepMs: flags.incidents === false ? null : (durationOption('--incident-step', flags.incidentStep, language) ?? DEMO_DEFAULTS.incidentStepMs),
  };
}

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('see it work with no credentials: simulated HikCentral and Humand, a generated working day played live, the dashboard')
    .option('--employees <n>', `employees on the generated site (default ${DEMO_DEFAULTS.employees})`)
    .option('--seed <n>', `seed of the generated day (default ${DEMO_DEFAULTS.seed})`)
    .option('--speed <x>', `seconds of the working day per second (default ${DEMO_DEFAULTS.speed}: an hour a minute)`)
    .option('--from <HH:MM>', `site time at which the day starts playing (default ${DEMO_DEFAULTS.startAt}, just before the morning shift)`)
    .option('--database <file>', `the demo's SQLite ledger, emptied at start (default ${DEMO_DEFAULTS.databasePath})`)
    .option('--no-incidents', 'play the day without the scripted Humand outage, pause and dead punch')
    .option('--incident-step <duration>', `time between the scripted incidents (default ${DEMO_DEFAULTS.incidentStepMs / 1000}s)`)
    .option('--source <source>', 'hikcentral (default) or isapi: three simulated Hikvision terminals read directly, no HikCentral')
    .action(async (flags: DemoFlags, command: Command) => {
      const settings = settingsOf(command);
      const { language } = settings;
      if (flags.source !== undefined && flags.source !== 'hikcentral' && flags.source !== 'isapi')
        throw new ConfigProblems([cliText(language).t('flag.source', { value: flags.source })], language);
      if (flags.source === 'isapi') await runIsapiDemo(settings, io, demoOptionsOf(flags, language));
      else await runDemo(settings, io, demoOptionsOf(flags, language));
    });
}
