import type { Command } from 'commander';
import { helpAfter } from '../help/localize-help.js';
import { cliText } from '../i18n/text.js';
import { ConfigurationError } from '../../domain/errors.js';
import { describeLedger, isPostgresUrl } from '../../store/open-store.js';
import { backupSqliteLedger, pgDumpInstructions } from '../backup/backup-ledger.js';
import { settingsOf } from '../context.js';
import { printJson, type CliIo } from '../io.js';

export function registerBackupCommand(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description(
      'copy the SQLite ledger to <file> while the service runs (SQLite online backup), then check the copy; for PostgreSQL, print the pg_dump command',
    )
    .argument('<file>', 'where to write the copy, e.g. ./backups/hik2humand-2026-01-27.db')
    .option('--force', 'replace <file> if it exists')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      helpAfter(
        '\nRestore: stop the service, replace DATABASE_PATH by the copy (delete its -wal and -shm files), start it. Exit codes: 0 copied and checked, 2 no ledger / target exists / PostgreSQL ledger.',
      ),
    )
    .action(async (file: string, options: { force?: boolean; json?: boolean }, command: Command) => {
      const { config, language } = settingsOf(command);
      if (isPostgresUrl(config.databaseUrl)) {
        throw new ConfigurationError(pgDumpInstructions(describeLedger(config), config.databaseSchema ?? 'public', file).join('\n'), {
          code: 'BACKUP_POSTGRES',
          hint: '`hik2humand backup` copies the SQLite file; PostgreSQL is backed up with pg_dump.',
        });
      }
      const result = await backupSqliteLedger(config.databasePath, file, { overwrite: options.force === true });
      if (options.json) printJson(io, result);
      else
        io.out(
          cliText(language).count('backup.done', result.punches, {
            source: result.source,
            file: result.file,
            mb: (result.bytes / 1_048_576).toFixed(1),
            schema: result.schemaVersion,
            ms: result.ms,
          }),
        );
    });
}
