import { HIK_CONNECTION_DEFAULTS, HUMAND_CONNECTION_DEFAULTS } from '../../config/defaults.js';
import type { HikConnectionConfig } from '../../config/types.js';
import { ConfigurationError } from '../../domain/errors.js';
import { HikCentralClient } from '../../hikcentral/client.js';
import { HumandClient } from '../../humand/client.js';
import type { Logger } from '../../logging/logger.js';
import { hikCentralCheck, humandCheck } from '../doctor/checks.js';
import { doctorWords } from '../doctor/doctor-words.js';
import type { CliLanguage } from '../i18n/language.js';
import type { CliIo } from '../io.js';
import { fetchServerCertificate } from './certificate.js';
import { readHumandAllowlist } from './humand-allowlist.js';
import { initWords, type InitWords } from './init-words.js';
import type { Prompter } from './prompter.js';

const MAX_TRIES = 5;

export interface HikAnswers {
  readonly host?: string | undefined;
  readonly appKey?: string | undefined;
  readonly secret?: string | undefined;
  /** true: pin the certificate HikCentral presents without asking; false: never. */
  readonly trustCertificate?: boolean | undefined;
}

export interface HikConnection {
  readonly config: HikConnectionConfig;
  /** The PEM to pin, when HikCentral's certificate is not trusted by this machine. */
  readonly caPem: string | null;
}

export function hikConnectionConfig(host: string, appKey: string, secret: string, caPem: string | null): HikConnectionConfig {
  return {
    baseUrl: host.replace(/\/+$/, ''),
    appKey,
    appSecret: secret,
    userId: null,
    caCertPath: null,
    caCertPem: caPem,
    tlsInsecure: false,
    ...HIK_CONNECTION_DEFAULTS,
  };
}

export function hikClient(config: HikConnectionConfig, logger: Logger, timeZone: string): HikCentralClient {
  return HikCentralClient.fromConfig(config, { logger, timeZone });
}

function validUrl(w: InitWords): (value: string) => string | true {
  return (value) => {
    try {
      const url = new URL(value.trim());
      return url.protocol === 'https:' || url.protocol === 'http:' ? true : w.urlScheme;
    } catch {
      return w.urlExample;
    }
  };
}

/** Stops an unattended run with what the check said, as a configuration error (exit 2). */
function unattendedFailure(message: string, fix: string | null): never {
  throw new ConfigurationError(message, { code: 'INIT_CHECK_FAILED', ...(fix ? { hint: fix } : {}) });
}

/**
 * Asks for HikCentral's address, app key and secret and checks them at once with a signed
 * request. A wrong secret asks for the secret again, an unknown key for key and secret, an
 * untrusted certificate offers to pin the one HikCentral presents (showing its fingerprint).
 */
export async function connectHikCentral(
  answers: HikAnswers,
  prompter: Prompter | null,
  io: CliIo,
  logger: Logger,
  timeZone: string,
  language: CliLanguage = 'en',
): Promise<HikConnection> {
  const w = initWords(language);
  let { host, appKey, secret } = answers;
  let caPem: string | null = null;
  for (let attempt = 1; ; attempt++) {
    const need = (flag: string) => unattendedFailure(w.flagRequired(flag), w.flagRequiredHint(flag));
    host ??= prompter ? await prompter.text(w.hikHostPrompt, { validate: validUrl(w) }) : need('hik-host');
    appKey ??= prompter ? await prompter.text(w.hikAppKeyPrompt) : need('hik-app-key');
    secret ??= prompter ? await prompter.secret(w.hikSecretPrompt) : need('hik-secret');
    const config = hikConnectionConfig(host.trim(), appKey.trim(), secret.trim(), caPem);
    const client = hikClient(config, logger, timeZone);
    const probe = await client.probe().finally(() => client.close());
    if (probe.ok) {
      io.out(w.hikAccepted(config.baseUrl, probe.latencyMs, caPem !== null));
      return { config, caPem };
    }
    const check = hikCentralCheck(probe, config, doctorWords(language));
    io.out(`✗ HikCentral: ${check.message}`);
    if (probe.error.reason === 'tls-untrusted' && caPem === null) {
      const cert = await fetchServerCertificate(config.baseUrl).catch((error: unknown) => {
        io.out(w.certUnreadable(error instanceof Error ? error.message : String(error)));
        return null;
      });
      if (cert !== null) {
        io.out(w.certificate(cert));
        const trust = answers.trustCertificate ?? (prompter ? await prompter.confirm(w.trustPrompt, false) : undefined);
        if (trust === true) {
          caPem = cert.pem;
          continue;
        }
        if (prompter === null) unattendedFailure(w.certUntrusted(cert.fingerprint256), w.certUntrustedHint);
      }
    }
    if (prompter === null) unattendedFailure(`HikCentral: ${check.message}`, check.fix);
    if (attempt >= MAX_TRIES) unattendedFailure(w.stillRefuses('HikCentral', attempt, check.message), check.fix);
    if (check.fix) io.out(`  ${w.fix}: ${check.fix}`);
    switch (probe.error.reason) {
      case 'signature-invalid':
        secret = undefined;
        break;
      case 'app-key-unknown':
      case 'app-key-missing':
        appKey = undefined;
        secret = undefined;
        break;
      default:
        host = undefined;
        caPem = null;
    }
  }
}

export interface HumandAnswers {
  readonly baseUrl?: string | undefined;
  readonly auth?: string | undefined;
}

/**
 * Asks for the Humand API key and checks it: a 401 asks again; a 403 explains that the key
 * exists but may not do this here — its permissions, or its IP allowlist not naming this
 * machine's public address — and asks again.
 */
export async function connectHumand(
  answers: HumandAnswers,
  prompter: Prompter | null,
  io: CliIo,
  logger: Logger,
  language: CliLanguage = 'en',
): Promise<{ readonly baseUrl: string; readonly auth: string; readonly client: HumandClient }> {
  const w = initWords(language);
  let { auth } = answers;
  const baseUrl = (answers.baseUrl ?? 'https://api-prod.humand.co').replace(/\/+$/, '');
  for (let attempt = 1; ; attempt++) {
    auth ??= prompter ? await prompter.secret(w.humandKeyPrompt) : unattendedFailure(w.flagRequired('humand-key'), w.humandKeyHint);
    const client = new HumandClient({ baseUrl, auth: auth.trim(), ...HUMAND_CONNECTION_DEFAULTS, logger });
    const probe = await client.probe();
    const check = humandCheck(probe, client.baseUrl, doctorWords(language));
    const usable = check.status === 'ok' || check.status === 'warn';
    const allowlist = usable || probe.status === 'forbidden' ? await readHumandAllowlist(client.baseUrl, auth) : null;
    if (usable) {
      io.out(`✓ Humand: ${check.message}`);
      if (allowlist !== null && 'ips' in allowlist) io.out(`  ${w.allowlist(allowlist.ips, false)}`);
      return { baseUrl, auth: auth.trim(), client };
    }
    await client.close();
    io.out(`✗ Humand: ${check.message}`);
    if (probe.status === 'forbidden') {
      io.out(
        allowlist !== null && 'ips' in allowlist
          ? w.forbiddenAllowlist(w.allowlist(allowlist.ips, true))
          : w.forbiddenUnread(allowlist && 'error' in allowlist ? allowlist.error : null),
      );
      io.out(w.forbiddenFixThenAgain);
    }
    if (prompter === null) unattendedFailure(`Humand: ${check.message}`, check.fix);
    if (attempt >= MAX_TRIES) unattendedFailure(w.stillRefuses('Humand', attempt, check.message), check.fix);
    if (check.fix && probe.status !== 'forbidden') io.out(`  ${w.fix}: ${check.fix}`);
    auth = undefined;
  }
}
