import type { IsapiDeviceConfig, IsapiConfig } from '../../src/config/isapi.js';
import { IsapiClient } from '../../src/isapi/client.js';
import type { Clock } from '../../src/domain/ports.js';
import type { Logger } from '../../src/logging/logger.js';
import { silentLogger } from '../../src/logging/logger.js';

export const TERMINAL_USER = 'asistencia';
export const TERMINAL_PASSWORD = 'Terminal-Pass-7788';
export const SITE_TZ = 'America/Argentina/Buenos_Aires';

export function deviceConfig(name: string, baseUrl: string, overrides: Partial<IsapiDeviceConfig> = {}): IsapiDeviceConfig {
  return {
    name,
    baseUrl,
    user: TERMINAL_USER,
    password: TERMINAL_PASSWORD,
    caCertPem: null,
    tlsInsecure: false,
    pageSize: null,
    readers: [{ cardReaderNo: 1, mode: 'door', direction: 'in', debounceMs: null, label: null }],
    pushAddresses: ['127.0.0.1'],
    ...overrides,
  };
}

export function isapiConfig(devices: readonly IsapiDeviceConfig[], overrides: Partial<IsapiConfig> = {}): IsapiConfig {
  return {
    devices,
    overlapMs: 10 * 60_000,
    initialLookbackMs: 3 * 24 * 3_600_000,
    authBackoffMs: 10 * 60_000,
    authBackoffMaxMs: 4 * 3_600_000,
    driftWarnMs: 60_000,
    requestTimeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    push: null,
    ...overrides,
  };
}

export function clientFor(device: IsapiDeviceConfig, clock: Clock, logger: Logger = silentLogger()): IsapiClient {
  return new IsapiClient({
    device,
    logger,
    clock,
    timeZone: SITE_TZ,
    requestTimeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    authBackoffMs: 10 * 60_000,
    authBackoffMaxMs: 4 * 3_600_000,
  });
}
