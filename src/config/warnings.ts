import type { AppConfig } from './types.js';

/**
 * Settings that work but weaken the service, said wherever a person looks: `doctor`,
 * `status` and the dashboard banner (a log line at start is not enough).
 */
export function configurationWarnings(config: Pick<AppConfig, 'hik'>): string[] {
  const warnings: string[] = [];
  if (config.hik?.tlsInsecure === true) {
    warnings.push(
      'HIK_TLS_INSECURE=true: HikCentral\'s certificate is not verified, so anyone on the network path can read and alter events — export its certificate and set HIK_CA_CERT instead (README, "Going live" step 3)',
    );
  }
  return warnings;
}
