import { HIK_CONNECTION_DEFAULTS, HUMAND_CONNECTION_DEFAULTS } from '../../config/defaults.js';
import type { HikConnectionConfig } from '../../config/types.js';
import { ConfigurationError } from '../../domain/errors.js';
import { HikCentralClient } from '../../hikcentral/client.js';
import { HumandClient } from '../../humand/client.js';
import type { Logger } from '../../logging/logger.js';
import { hikCentralCheck, humandCheck } from '../doctor/checks.js';
import type { CliIo } from '../io.js';
import { fetchServerCertificate } from './certificate.js';
import { describeAllowlist, readHumandAllowlist } from './humand-allowlist.js';
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

function validUrl(value: string): string | true {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? true : 'start with https://, e.g. https://10.0.0.5';
  } catch {
    return 'an address such as https://10.0.0.5 or https://hcp.plant.local:443';
  }
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
export async function connectHikCentral(answers: HikAnswers, prompter: Prompter | null, io: CliIo, logger: Logger, timeZone: string): Promise<HikConnection> {
  let { host, appKey, secret } = answers;
  let caPem: string | null = null;
  for (let attempt = 1; ; attempt++) {
    const need = (flag: string) =>
      unattendedFailure(`--${flag} is required when init runs unattended (--yes)`, `pass --${flag}, or run \`hik2humand init\` at a terminal to be asked`);
    host ??= prompter ? await prompter.text('HikCentral address (the OpenAPI gateway, e.g. https://10.0.0.5)', { validate: validUrl }) : need('hik-host');
    appKey ??= prompter ? await prompter.text('HikCentral partner app key (System > Open API)') : need('hik-app-key');
    secret ??= prompter ? await prompter.secret('HikCentral partner secret') : need('hik-secret');
    const config = hikConnectionConfig(host.trim(), appKey.trim(), secret.trim(), caPem);
    const client = hikClient(config, logger, timeZone);
    const probe = await client.probe().finally(() => client.close());
    if (probe.ok) {
      io.out(`✓ HikCentral ${config.baseUrl} accepted a signed request (${probe.latencyMs} ms)${caPem ? ' with its pinned certificate' : ''}.`);
      return { config, caPem };
    }
    const check = hikCentralCheck(probe, config);
    io.out(`✗ HikCentral: ${check.message}`);
    if (probe.error.reason === 'tls-untrusted' && caPem === null) {
      const cert = await fetchServerCertificate(config.baseUrl).catch((error: unknown) => {
        io.out(`  (could not read its certificate: ${error instanceof Error ? error.message : String(error)})`);
        return null;
      });
      if (cert !== null) {
        io.out(
          [
            '  HikCentral presents this certificate:',
            `    subject      ${cert.subject}`,
            `    issuer       ${cert.issuer}${cert.selfSigned ? ' (self-signed)' : ''}`,
            `    valid until  ${cert.validTo}`,
            `    SHA-256      ${cert.fingerprint256}`,
            "  Compare the fingerprint with the one HikCentral shows (its web client: System > Network > HTTPS, or the browser's certificate view) before trusting it.",
          ].join('\n'),
        );
        const trust =
          answers.trustCertificate ?? (prompter ? await prompter.confirm('Trust this certificate and pin it for hik2humand (HIK_CA_CERT)?', false) : undefined);
        if (trust === true) {
          caPem = cert.pem;
          continue;
        }
        if (prompter === null)
          unattendedFailure(
            `HikCentral's certificate is not trusted (SHA-256 ${cert.fingerprint256})`,
            'Pass --trust-certificate to pin it after checking the fingerprint, or set HIK_CA_CERT yourself.',
          );
      }
    }
    if (prompter === null) unattendedFailure(`HikCentral: ${check.message}`, check.fix);
    if (attempt >= MAX_TRIES) unattendedFailure(`HikCentral still refuses after ${attempt} tries: ${check.message}`, check.fix);
    if (check.fix) io.out(`  fix: ${check.fix}`);
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
): Promise<{ readonly baseUrl: string; readonly auth: string; readonly client: HumandClient }> {
  let { auth } = answers;
  const baseUrl = (answers.baseUrl ?? 'https://api-prod.humand.co').replace(/\/+$/, '');
  for (let attempt = 1; ; attempt++) {
    auth ??= prompter
      ? await prompter.secret('Humand API key (as Humand issued it, with or without "Basic ")')
      : unattendedFailure('--humand-key is required when init runs unattended (--yes)', 'pass --humand-key, or run `hik2humand init` at a terminal');
    const client = new HumandClient({ baseUrl, auth: auth.trim(), ...HUMAND_CONNECTION_DEFAULTS, logger });
    const probe = await client.probe();
    const check = humandCheck(probe, client.baseUrl);
    const usable = check.status === 'ok' || check.status === 'warn';
    const allowlist = usable || probe.status === 'forbidden' ? await readHumandAllowlist(client.baseUrl, auth) : null;
    if (usable) {
      io.out(`✓ Humand: ${check.message}`);
      if (allowlist !== null && 'ips' in allowlist) io.out(`  ${describeAllowlist(allowlist.ips, false)}`);
      return { baseUrl, auth: auth.trim(), client };
    }
    await client.close();
    io.out(`✗ Humand: ${check.message}`);
    if (probe.status === 'forbidden') {
      io.out(
        allowlist !== null && 'ips' in allowlist
          ? `  A 403: Humand knows the key but refuses it here. ${describeAllowlist(allowlist.ips, true)}`
          : [
              `  A 403: Humand knows the key but refuses it here (its IP allowlist could not be read: ${allowlist && 'error' in allowlist ? allowlist.error : 'not tried'}). Usually one of:`,
              "    - the key's IP allowlist (Humand admin > API keys) does not include this server's public IP — the address",
              '      your firewall/NAT shows to the internet, not 10.x/192.168.x;',
              "    - the key's user lacks the time-tracking or users permission.",
            ].join('\n'),
      );
      io.out('  Fix it in Humand (or ask Humand support), then enter the key again.');
    }
    if (prompter === null) unattendedFailure(`Humand: ${check.message}`, check.fix);
    if (attempt >= MAX_TRIES) unattendedFailure(`Humand still refuses after ${attempt} tries: ${check.message}`, check.fix);
    if (check.fix && probe.status !== 'forbidden') io.out(`  fix: ${check.fix}`);
    auth = undefined;
  }
}
