import type { MappingCoverage } from '../../app/types.js';
import { isapiTimeClocks } from '../../config/isapi.js';
import type { AppConfig } from '../../config/types.js';
import type { CheckResult } from './checks.js';
import { clockPersonsMappingCheck, passagesCheck, timeClockChecks } from './site-rules-checks.js';
import { scanSite, type SiteSource } from './site-scan.js';
import { DOCTOR_EN, type DoctorWords } from './doctor-words.js';

export interface SiteRulesOptions {
  /** How many days of door events to read (default 3). */
  readonly scanDays?: number;
  readonly now?: () => number;
}

export const DEFAULT_SCAN_DAYS = 3;

/** The site rules against HikCentral: one line per time clock, the busy readers, and who at a time clock would be unmapped. */
export async function siteRulesChecks(
  source: SiteSource,
  config: AppConfig,
  coverage: MappingCoverage | null,
  options: SiteRulesOptions,
  w: DoctorWords = DOCTOR_EN,
): Promise<CheckResult[]> {
  // Terminal (ISAPI) readers are checked with their terminals, not against HikCentral.
  const terminalReaders = new Set(isapiTimeClocks(config.isapi ?? null).map((c) => c.reader));
  const clocks = config.rules.timeClocks.filter((c) => c.reader === null || !terminalReaders.has(c.reader));
  const days = options.scanDays ?? DEFAULT_SCAN_DAYS;
  let scan;
  try {
    scan = await scanSite(source, clocks, config.rules, (options.now ?? Date.now)(), days);
  } catch (error) {
    return [
      {
        name: w.name.timeClocks,
        status: 'warn',
        message: w.site.scanFailed(days, error instanceof Error ? error.message : String(error)),
        fix: w.site.scanFailedFix,
      },
    ];
  }
  const checks = [...timeClockChecks(clocks, scan, w), passagesCheck(clocks, scan, w)];
  if (coverage !== null) checks.push(clockPersonsMappingCheck(scan, coverage, config.rules.mapping.strategy, w));
  return checks;
}
