import type { App, MappingCoverage } from '../../app/types.js';
import { HumandClient } from '../../humand/client.js';
import type { Logger } from '../../logging/logger.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { HikCentralClient } from '../../hikcentral/client.js';
import { ledgerOwnerOf } from '../service/ledger-lock.js';
import type { CliSettings } from '../settings.js';
import { clockSkewCheck, configurationCheck, hikCentralCheck, humandCheck, mappingCheck, pushCheck, type CheckResult } from './checks.js';
import { systemClock } from '../../domain/clock.js';
import { isapiDoctorChecks } from './isapi-checks.js';
import { runTerminalDoctor } from './isapi-doctor.js';
import { openDoctorApp } from './open-app.js';
import { siteRulesChecks, type SiteRulesOptions } from './site-rules-doctor.js';
import { doctorWords } from './doctor-words.js';

export interface DoctorReport {
  readonly ok: boolean;
  readonly exitCode: ExitCode;
  readonly checks: readonly CheckResult[];
}

export function doctorReport(checks: readonly CheckResult[], configurationFailed = false): DoctorReport {
  const failed = checks.some((c) => c.status === 'fail');
  return { ok: !failed, exitCode: configurationFailed ? EXIT.configuration : failed ? EXIT.doctorFailed : EXIT.ok, checks };
}

/**
 * Checks, in order: configuration, ledger, HikCentral (reachability, TLS, signature), clock
 * skew, Humand (key, permission), mapping coverage, the site rules against HikCentral (each
 * time clock exists and saw passages, the busy readers, who at a time clock would be
 * unmapped), push subscription. A check that depends
 * on a failed one is skipped, never guessed.
 */
export async function runDoctor(settings: CliSettings, logger: Logger, options: SiteRulesOptions = {}): Promise<DoctorReport> {
  const { config } = settings;
  const w = doctorWords(settings.language);
  // A site whose only event source is its terminals (ISAPI).
  if (config.mode === 'live' && config.hik === null && config.humand !== null && config.isapi) return doctorReport(await runTerminalDoctor(settings, logger));
  if (config.mode !== 'live' || config.hik === null || config.humand === null) {
    return doctorReport(
      [
        {
          name: w.name.configuration,
          status: 'fail',
          message: w.noCredentials,
          fix: w.noCredentialsFix,
        },
      ],
      true,
    );
  }
  const checks: CheckResult[] = [configurationCheck(config, settings.envFile, w)];
  const hikClient = HikCentralClient.fromConfig(config.hik, { logger, timeZone: config.siteTimezone });
  const humandClient = HumandClient.fromConfig(config.humand, { logger });
  let app: App | null = null;
  try {
    app = await openDoctorApp(config, logger, checks, w);
    const [hikProbe, humandProbe] = await Promise.all([hikClient.probe(), humandClient.probe()]);
    checks.push(hikCentralCheck(hikProbe, config.hik, w), clockSkewCheck(hikProbe, config, w), humandCheck(humandProbe, humandClient.baseUrl, w));
    const owner = ledgerOwnerOf(config);
    let coverage: MappingCoverage | null = null;
    if (app !== null && owner !== null) {
      // The running service keeps the directories fresh and decides punches: read its caches, change nothing.
      coverage = await app.mappingCoverage();
      const check = mappingCheck(coverage, config, [], w);
      checks.push({ ...check, message: `${check.message}${w.fromService(owner.command, owner.pid)}` });
    } else if (app !== null && hikProbe.ok && humandProbe.status === 'ok') {
      const refresh = await app.refreshMappings();
      coverage = await app.mappingCoverage();
      checks.push(mappingCheck(coverage, config, refresh.problems, w));
    } else {
      checks.push({ name: w.name.mapping, status: 'skip', message: w.mappingSkipped, fix: null });
    }
    if (hikProbe.ok) checks.push(...(await siteRulesChecks(hikClient, config, coverage, options, w)));
    else checks.push({ name: w.name.timeClocks, status: 'skip', message: w.hikUnreachable, fix: null });
    if (settings.push !== null) {
      checks.push(
        hikProbe.ok
          ? await pushCheck(settings.push, hikClient, config.rules.grantedEventCodes, w)
          : { name: w.name.push, status: 'skip', message: w.hikUnreachable, fix: null },
      );
    }
    checks.push(...(await isapiDoctorChecks(config.isapi, systemClock, logger, config.siteTimezone, w.terminal)));
  } finally {
    await app?.close();
    await hikClient.close();
    await humandClient.close();
  }
  return doctorReport(checks);
}
