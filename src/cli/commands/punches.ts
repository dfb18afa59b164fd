import type { Command } from 'commander';
import type { PunchView } from '../../app/types.js';
import type { App } from '../../app/types.js';
import { commandLogger, requireExistingLedger, settingsOf, withApp } from '../context.js';
import { parseDay, today } from '../dates.js';
import { formatPunch } from '../format/punch.js';
import { cliText } from '../i18n/text.js';
import { printJson, type CliIo } from '../io.js';
import { integerOption } from '../options.js';
import { matchesWords, searchWords } from '../../ops/views/text-match.js';

interface PunchesOptions {
  readonly employee?: string;
  readonly date?: string;
  readonly id?: string[];
  readonly limit?: string;
  readonly json?: boolean;
}

/** A day's punches read to find a name in; a day of the largest sites fits. */
const NAME_SCAN_LIMIT = 100_000;

/**
 * An employee as Humand knows them, or else as HikCentral does (person id, code or card), or
 * else words of the name in any order, case and accents ("sofia herrera", "Herrera, Sofía").
 */
async function findPunches(app: App, employee: string | undefined, date: string, limit: number): Promise<PunchView[]> {
  if (employee === undefined) return app.punches({ date, limit });
  const byEmployee = await app.punches({ employeeId: employee, date, limit });
  if (byEmployee.length > 0) return byEmployee;
  const byPerson = await app.punches({ personId: employee, date, limit });
  if (byPerson.length > 0) return byPerson;
  const words = searchWords(employee);
  const day = await app.punches({ date, limit: NAME_SCAN_LIMIT });
  return day.filter((punch) => matchesWords(words, punch.personName, punch.personCode, punch.cardNo)).slice(0, limit);
}

export function registerPunchesCommand(program: Command, io: CliIo): void {
  program
    .command('punches')
    .description("what happened to each punch and why: outcome, reason, attempts, Humand's answers")
    .option('--employee <id>', 'Humand employee id (employeeInternalId), HikCentral person id, code or card, or the name (any order, case or accents)')
    .option('--date <day>', 'working day or local date: YYYY-MM-DD, dd/mm/yyyy, today or yesterday (default today in SITE_TIMEZONE)')
    .option('--id <id...>', 'show these punches (ids from the dashboard, status or dead-letters list)')
    .option('--limit <n>', 'at most this many punches', '200')
    .option('--json', 'print the punches as JSON')
    .action(async (options: PunchesOptions, command: Command) => {
      const settings = settingsOf(command);
      requireExistingLedger(settings);
      const zone = settings.config.siteTimezone;
      const limit = integerOption('--limit', options.limit, 1, 100_000, 200, settings.language) ?? 200;
      const ids = options.id?.map((id) => integerOption('--id', id, 1, Number.MAX_SAFE_INTEGER, 42, settings.language) ?? 0);
      const date = options.date === undefined ? today(zone, Date.now()) : parseDay('--date', options.date, zone, Date.now(), settings.language);
      const punches = await withApp(settings, commandLogger(settings), (app) =>
        ids !== undefined ? app.punches({ ids, limit: ids.length }) : findPunches(app, options.employee, date, limit),
      );
      if (options.json) {
        printJson(io, punches);
        return;
      }
      const text = cliText(settings.language);
      const scope =
        ids !== undefined
          ? text.t('punches.scopeIds', { ids: ids.join(', ') })
          : `${options.employee ? text.t('punches.scopeEmployee', { employee: options.employee }) : ''}${text.day(date)}`;
      if (punches.length === 0) {
        io.out(text.t('punches.none', { scope }));
        return;
      }
      io.out(text.count('punches.found', punches.length, { scope, zone }));
      for (const punch of punches) io.out(formatPunch(punch, zone, text).join('\n'));
    });
}
