import { createApp } from '../../app/create-app.js';
import type { App } from '../../app/types.js';
import type { AppConfig } from '../../config/types.js';
import type { Logger } from '../../logging/logger.js';
import { describeLedger } from '../../store/open-store.js';
import { ledgerCheck, type CheckResult } from './checks.js';

/** Opens the App for doctor and adds the ledger check: a ledger that cannot be opened is a failed check, not a crash. */
export async function openDoctorApp(config: AppConfig, logger: Logger, checks: CheckResult[]): Promise<App | null> {
  try {
    const app = await createApp({ config, logger });
    checks.push(await ledgerCheck(app));
    return app;
  } catch (error) {
    checks.push({ name: 'ledger', status: 'fail', message: `${describeLedger(config)} cannot be opened: ${error instanceof Error ? error.message : String(error)}`, fix: 'Point DATABASE_PATH at a writable location (the service account must own the folder), or check DATABASE_URL and that PostgreSQL accepts the connection.' });
    return null;
  }
}
