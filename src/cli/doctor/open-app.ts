import { createApp } from '../../app/create-app.js';
import type { App } from '../../app/types.js';
import type { AppConfig } from '../../config/types.js';
import type { Logger } from '../../logging/logger.js';
import { describeLedger } from '../../store/open-store.js';
import { ledgerCheck, type CheckResult } from './checks.js';
import { DOCTOR_EN, type DoctorWords } from './doctor-words.js';

/** Opens the App for doctor and adds the ledger check: a ledger that cannot be opened is a failed check, not a crash. */
export async function openDoctorApp(config: AppConfig, logger: Logger, checks: CheckResult[], w: DoctorWords = DOCTOR_EN): Promise<App | null> {
  try {
    const app = await createApp({ config, logger });
    checks.push(await ledgerCheck(app, w));
    return app;
  } catch (error) {
    checks.push({
      name: w.name.ledger,
      status: 'fail',
      message: w.ledgerNotOpened(describeLedger(config), error instanceof Error ? error.message : String(error)),
      fix: w.ledgerNotOpenedFix,
    });
    return null;
  }
}
