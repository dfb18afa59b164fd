import type { App } from '../../app/types.js';
import { systemClock } from '../../domain/clock.js';
import { HumandClient } from '../../humand/client.js';
import type { Logger } from '../../logging/logger.js';
import type { CliSettings } from '../settings.js';
import { configurationCheck, humandCheck, type CheckResult } from './checks.js';
import { doctorWords } from './doctor-words.js';
import { openDoctorApp } from './open-app.js';
import { isapiDoctorChecks } from './isapi-checks.js';

/** `doctor` for a site whose only event source is its terminals (no HikCentral): configuration, ledger, each terminal, Humand. */
export async function runTerminalDoctor(settings: CliSettings, logger: Logger): Promise<CheckResult[]> {
  const { config } = settings;
  const w = doctorWords(settings.language);
  const checks: CheckResult[] = [configurationCheck(config, settings.envFile, w)];
  let app: App | null = null;
  try {
    app = await openDoctorApp(config, logger, checks, w);
    checks.push(...(await isapiDoctorChecks(config.isapi, systemClock, logger, config.siteTimezone, w.terminal)));
    if (config.humand !== null) {
      const humand = HumandClient.fromConfig(config.humand, { logger });
      try {
        checks.push(humandCheck(await humand.probe(), humand.baseUrl, w));
      } finally {
        await humand.close();
      }
    }
  } finally {
    await app?.close();
  }
  return checks;
}
