import { configurationWarnings } from '../../config/warnings.js';
import type { App, MappingCoverage } from '../../app/types.js';
import type { AppConfig, HikConnectionConfig } from '../../config/types.js';
import type { ProbeResult } from '../../hikcentral/client.js';
import type { HumandProbeResult } from '../../humand/client.js';
import type { PushConfig } from '../../push/config.js';
import { listSubscriptions, type SubscriptionClient } from '../../push/subscription-manager.js';
import { describeLedger } from '../../store/open-store.js';
import { duration } from '../format/time.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One line of `doctor`: what was checked, what was found, and exactly what to change. */
export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  readonly message: string;
  readonly fix: string | null;
}

const check = (name: string, status: CheckStatus, message: string, fix: string | null = null): CheckResult => ({ name, status, message, fix });

export function configurationCheck(config: AppConfig, envFile: string | null): CheckResult {
  const clocks = config.rules.timeClocks.length;
  const parts = [
    config.dryRun ? 'live site, DRY RUN (nothing is sent)' : 'live site',
    `config file ${config.configFile ?? '(none)'}: ${clocks} time clock(s), mapping by ${config.rules.mapping.strategy}`,
    `settings from the environment${envFile ? ` and ${envFile}` : ''}`,
    `site time zone ${config.siteTimezone}`,
  ];
  const warnings = configurationWarnings(config);
  if (warnings.length > 0) return check('configuration', 'warn', [...warnings, ...parts].join('; '), "Verify HikCentral's certificate: set HIK_CA_CERT to its PEM and remove HIK_TLS_INSECURE.");
  return check('configuration', 'ok', parts.join('; '));
}

export async function ledgerCheck(app: App): Promise<CheckResult> {
  try {
    await app.probeStoreWritable();
    return check('ledger', 'ok', `${describeLedger(app.config)} accepts writes`);
  } catch (error) {
    return check('ledger', 'fail', `${describeLedger(app.config)} cannot be written: ${error instanceof Error ? error.message : String(error)}`, 'Point DATABASE_PATH at a writable location with free space (the service account must own the folder).');
  }
}

/** Names the one setting to change for each way a HikCentral call can fail. */
export function hikCentralCheck(probe: ProbeResult, hik: HikConnectionConfig): CheckResult {
  if (probe.ok) return check('HikCentral', 'ok', `${hik.baseUrl} answered a signed request in ${probe.latencyMs} ms (HIK_APP_KEY and HIK_SECRET accepted)`);
  const { reason, message, hint } = probe.error;
  const host = new URL(hik.baseUrl).host;
  switch (reason) {
    case 'tls-untrusted':
      return check(
        'HikCentral',
        'fail',
        `${message}: this machine does not trust the certificate HikCentral presents`,
        hik.caCertPath !== null
          ? `HIK_CA_CERT (${hik.caCertPath}) does not hold the CA that issued HikCentral's certificate: export the right one (e.g. openssl s_client -showcerts -connect ${host} </dev/null) and point HIK_CA_CERT at it.`
          : `Set HIK_CA_CERT to a PEM file with HikCentral's CA (or its self-signed certificate). Export it with: openssl s_client -showcerts -connect ${host} </dev/null. (HIK_TLS_INSECURE=true skips the check: for a first test only.)`,
      );
    case 'tls-hostname-mismatch':
      return check('HikCentral', 'fail', message, hint ?? 'Use in HIKVISION_HOST the name or IP the certificate was issued for.');
    case 'connection-refused':
      return check('HikCentral', 'fail', message, `Nothing accepts connections at ${host}: check HIKVISION_HOST (host and port, usually 443) and that HikCentral's OpenAPI gateway runs.`);
    case 'signature-invalid':
      return check('HikCentral', 'fail', `${message} — the app key is known but the signature is wrong`, 'HIK_SECRET is wrong: copy the partner secret that belongs to HIK_APP_KEY (HikCentral, System > Open API) exactly, without quotes or spaces.');
    case 'app-key-unknown':
    case 'app-key-missing':
      return check('HikCentral', 'fail', `${message} — the platform does not know this app key`, 'HIK_APP_KEY is wrong: copy the partner app key from HikCentral (System > Open API), then its secret into HIK_SECRET.');
    default:
      return check('HikCentral', 'fail', message, hint ?? 'Check HIKVISION_HOST and the network path to it.');
  }
}

/** Our clock decides whether a punch is "in the future" (held); HikCentral's devices stamp the times. */
export function clockSkewCheck(probe: ProbeResult, config: AppConfig): CheckResult {
  if (!probe.ok) return check('clock skew', 'skip', 'HikCentral not reachable');
  if (probe.clockSkewMs === undefined) return check('clock skew', 'skip', 'HikCentral sent no Date header to compare with');
  const skew = probe.clockSkewMs;
  const size = `${duration(Math.abs(skew))} ${skew > 0 ? 'ahead of' : 'behind'} this machine`;
  const tolerance = config.rules.futureToleranceMs;
  if (Math.abs(skew) <= 30_000) return check('clock skew', 'ok', `HikCentral's clock is within ${Math.max(1, Math.round(Math.abs(skew) / 1000))} s of this machine's`);
  const fix = "Synchronise both clocks with NTP (this machine: timedatectl set-ntp true, or Windows Time service; HikCentral's server the same way).";
  if (Math.abs(skew) <= tolerance) return check('clock skew', 'warn', `HikCentral's clock is ${size}`, fix);
  return check('clock skew', 'fail', `HikCentral's clock is ${size}: more than the ${duration(tolerance)} future tolerance, so fresh punches would be held or signed requests refused`, fix);
}

export function humandCheck(probe: HumandProbeResult, baseUrl: string): CheckResult {
  switch (probe.status) {
    case 'ok':
      return check('Humand', 'ok', `${baseUrl} accepted HUMAND_AUTH (${probe.elapsedMs} ms)${probe.rateLimit?.limit != null ? `; rate budget ${probe.rateLimit.remaining ?? '?'} of ${probe.rateLimit.limit}` : ''}`);
    case 'unauthorised':
      return check('Humand', 'fail', `${probe.message} (401)`, 'HUMAND_AUTH is wrong, revoked or for another community: paste the API key exactly as Humand issued it (with or without "Basic ").');
    case 'forbidden':
      return check(
        'Humand',
        'fail',
        `${probe.message} (403)`,
        "The key works but may not do this: ask Humand to grant the time-tracking permission (and users read) to the key's user, and check the key's IP allowlist includes this machine's public IP.",
      );
    case 'rate-limited':
      return check('Humand', 'warn', probe.message, probe.hint);
    default:
      return check('Humand', 'fail', probe.message, probe.hint ?? 'Check HUMAND_BASE_URL and the network path to it.');
  }
}

export function mappingCheck(coverage: MappingCoverage, config: AppConfig, problems: readonly string[]): CheckResult {
  const { hikPersons, mapped, activeHumandUsers, unmappedPersons } = coverage;
  const summary = `${mapped} of ${hikPersons} HikCentral person(s) map to an ACTIVE Humand user (${activeHumandUsers} active user(s); mapping by ${config.rules.mapping.strategy})`;
  const first = unmappedPersons[0];
  const example = first ? `; first unmapped: ${[first.personCode ?? first.personId, first.personName].filter(Boolean).join(' ')} — ${first.reason}` : '';
  const extra = problems.length > 0 ? `; ${problems.join('; ')}` : '';
  if (hikPersons === 0) return check('mapping', 'warn', `HikCentral lists no persons${extra}`, 'Check that HIK_USER_ID (if set) may see the persons, or that persons exist in HikCentral.');
  if (mapped === 0) {
    return check('mapping', 'fail', `${summary}${example}${extra}`, 'No person maps: check mapping.strategy in the config file (personCode, cardNo, customField or csv) against how Humand stores employeeInternalId (see docs/configuration.md).');
  }
  if (unmappedPersons.length > 0) {
    return check('mapping', 'warn', `${summary}${example}${extra}`, 'Persons without a user are not sent (visitors and contractors are normal). For employees: give them a Humand user with that employeeInternalId, or fix their HikCentral record. The dashboard\'s Mapping page lists them all.');
  }
  return check('mapping', problems.length > 0 ? 'warn' : 'ok', `${summary}${extra}`);
}

export async function pushCheck(push: PushConfig, client: SubscriptionClient, eventTypes: readonly number[]): Promise<CheckResult> {
  if (push.publicUrl === null) {
    return check('push', 'warn', `the receiver listens on ${push.host}:${push.port}${push.path} but WEBHOOK_URL is not set, so the subscription is not managed`, 'Set WEBHOOK_URL to the address HikCentral reaches the receiver at, or subscribe by hand (`hik2humand subscribe --url ...`). Polling still catches everything.');
  }
  try {
    const listed = await listSubscriptions(client, push.publicUrl);
    const covered = new Set(listed.filter((entry) => entry.ours).flatMap((entry) => entry.eventTypes));
    const missing = eventTypes.filter((type) => !covered.has(type));
    if (missing.length === 0) return check('push', 'ok', `HikCentral pushes every access-granted event type to ${push.publicUrl}`);
    return check('push', 'warn', `HikCentral does not push ${missing.length} access-granted event type(s) to ${push.publicUrl} (e.g. ${missing.slice(0, 3).join(', ')})`, '`run` subscribes at start; to do it now: hik2humand subscribe. Polling still catches everything.');
  } catch (error) {
    return check('push', 'warn', `could not read HikCentral's subscriptions: ${error instanceof Error ? error.message : String(error)}`, null);
  }
}
