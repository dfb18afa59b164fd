import { configurationWarnings } from '../../config/warnings.js';
import type { App, MappingCoverage } from '../../app/types.js';
import type { AppConfig, HikConnectionConfig } from '../../config/types.js';
import type { ProbeResult } from '../../hikcentral/client.js';
import type { HumandProbeResult } from '../../humand/client.js';
import type { PushConfig } from '../../push/config.js';
import { listSubscriptions, type SubscriptionClient } from '../../push/subscription-manager.js';
import { describeLedger } from '../../store/open-store.js';
import { duration } from '../format/time.js';
import { DOCTOR_EN, type DoctorWords } from './doctor-words.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One line of `doctor`: what was checked, what was found, and exactly what to change. */
export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  readonly message: string;
  readonly fix: string | null;
}

const check = (name: string, status: CheckStatus, message: string, fix: string | null = null): CheckResult => ({ name, status, message, fix });

export function configurationCheck(config: AppConfig, envFile: string | null, w: DoctorWords = DOCTOR_EN): CheckResult {
  const clocks = config.rules.timeClocks.length;
  const parts = [
    w.liveSite(config.dryRun),
    w.configFile(config.configFile ?? '(none)', clocks, config.rules.mapping.strategy),
    w.settingsFrom(envFile),
    w.siteZone(config.siteTimezone),
  ];
  const warnings = configurationWarnings(config);
  if (warnings.length > 0) return check(w.name.configuration, 'warn', [...warnings, ...parts].join('; '), w.insecureFix);
  return check(w.name.configuration, 'ok', parts.join('; '));
}

export async function ledgerCheck(app: App, w: DoctorWords = DOCTOR_EN): Promise<CheckResult> {
  try {
    await app.probeStoreWritable();
    return check(w.name.ledger, 'ok', w.ledgerWrites(describeLedger(app.config)));
  } catch (error) {
    return check(
      w.name.ledger,
      'fail',
      w.ledgerNotWritable(describeLedger(app.config), error instanceof Error ? error.message : String(error)),
      w.ledgerNotWritableFix,
    );
  }
}

/** Names the one setting to change for each way a HikCentral call can fail. */
export function hikCentralCheck(probe: ProbeResult, hik: HikConnectionConfig, w: DoctorWords = DOCTOR_EN): CheckResult {
  if (probe.ok) return check('HikCentral', 'ok', w.hikOk(hik.baseUrl, probe.latencyMs));
  const { reason, message, hint } = probe.error;
  const host = new URL(hik.baseUrl).host;
  switch (reason) {
    case 'tls-untrusted':
      return check('HikCentral', 'fail', w.tlsUntrusted(message), hik.caCertPath !== null ? w.tlsWrongCa(hik.caCertPath, host) : w.tlsNoCa(host));
    case 'tls-hostname-mismatch':
      return check('HikCentral', 'fail', message, hint ?? w.hostnameFix);
    case 'connection-refused':
      return check('HikCentral', 'fail', message, w.refusedFix(host));
    case 'signature-invalid':
      return check('HikCentral', 'fail', w.signatureWrong(message), w.signatureFix);
    case 'app-key-unknown':
    case 'app-key-missing':
      return check('HikCentral', 'fail', w.appKeyUnknown(message), w.appKeyFix);
    default:
      return check('HikCentral', 'fail', message, hint ?? w.hikDefaultFix);
  }
}

/** Our clock decides whether a punch is "in the future" (held); HikCentral's devices stamp the times. */
export function clockSkewCheck(probe: ProbeResult, config: AppConfig, w: DoctorWords = DOCTOR_EN): CheckResult {
  if (!probe.ok) return check(w.name.clockSkew, 'skip', w.hikUnreachable);
  if (probe.clockSkewMs === undefined) return check(w.name.clockSkew, 'skip', w.noDateHeader);
  const skew = probe.clockSkewMs;
  const size = w.skewSize(duration(Math.abs(skew)), skew > 0);
  const tolerance = config.rules.futureToleranceMs;
  if (Math.abs(skew) <= 30_000) return check(w.name.clockSkew, 'ok', w.clockWithin(Math.max(1, Math.round(Math.abs(skew) / 1000))));
  if (Math.abs(skew) <= tolerance) return check(w.name.clockSkew, 'warn', w.clockOff(size), w.ntpFix);
  return check(w.name.clockSkew, 'fail', w.clockTooFar(size, duration(tolerance)), w.ntpFix);
}

export function humandCheck(probe: HumandProbeResult, baseUrl: string, w: DoctorWords = DOCTOR_EN): CheckResult {
  switch (probe.status) {
    case 'ok':
      return check(
        'Humand',
        'ok',
        w.humandOk(
          baseUrl,
          probe.elapsedMs,
          probe.rateLimit?.limit != null ? w.humandBudget(String(probe.rateLimit.remaining ?? '?'), probe.rateLimit.limit) : '',
        ),
      );
    case 'unauthorised':
      return check('Humand', 'fail', `${probe.message} (401)`, w.humandUnauthorisedFix);
    case 'forbidden':
      return check('Humand', 'fail', `${probe.message} (403)`, w.humandForbiddenFix);
    case 'rate-limited':
      return check('Humand', 'warn', probe.message, probe.hint);
    default:
      return check('Humand', 'fail', probe.message, probe.hint ?? w.humandDefaultFix);
  }
}

export function mappingCheck(coverage: MappingCoverage, config: AppConfig, problems: readonly string[], w: DoctorWords = DOCTOR_EN): CheckResult {
  const { hikPersons, mapped, activeHumandUsers, unmappedPersons } = coverage;
  const summary = w.mappingSummary(mapped, hikPersons, activeHumandUsers, config.rules.mapping.strategy);
  const first = unmappedPersons[0];
  const example = first ? w.firstUnmapped([first.personCode ?? first.personId, first.personName].filter(Boolean).join(' '), first.reason) : '';
  const extra = problems.length > 0 ? `; ${problems.join('; ')}` : '';
  if (hikPersons === 0) return check(w.name.mapping, 'warn', `${w.noPersons}${extra}`, w.noPersonsFix);
  if (mapped === 0) return check(w.name.mapping, 'fail', `${summary}${example}${extra}`, w.noneMapsFix);
  if (unmappedPersons.length > 0) return check(w.name.mapping, 'warn', `${summary}${example}${extra}`, w.someUnmappedFix);
  return check(w.name.mapping, problems.length > 0 ? 'warn' : 'ok', `${summary}${extra}`);
}

export async function pushCheck(push: PushConfig, client: SubscriptionClient, eventTypes: readonly number[], w: DoctorWords = DOCTOR_EN): Promise<CheckResult> {
  if (push.publicUrl === null) return check(w.name.push, 'warn', w.pushNoUrl(`${push.host}:${push.port}${push.path}`), w.pushNoUrlFix);
  try {
    const listed = await listSubscriptions(client, push.publicUrl);
    const covered = new Set(listed.filter((entry) => entry.ours).flatMap((entry) => entry.eventTypes));
    const missing = eventTypes.filter((type) => !covered.has(type));
    if (missing.length === 0) return check(w.name.push, 'ok', w.pushOk(push.publicUrl));
    return check(w.name.push, 'warn', w.pushMissing(missing.length, push.publicUrl, missing.slice(0, 3).join(', ')), w.pushMissingFix);
  } catch (error) {
    return check(w.name.push, 'warn', w.pushUnreadable(error instanceof Error ? error.message : String(error)), null);
  }
}
