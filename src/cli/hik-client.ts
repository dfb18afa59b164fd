import type { HikConnectionConfig } from '../config/types.js';
import { HikCentralClient } from '../hikcentral/client.js';
import type { Logger } from '../logging/logger.js';

/** A HikCentral client from the connection settings (the App builds its own for polling). */
export function hikClientFor(hik: HikConnectionConfig, logger: Logger, timeZone: string): HikCentralClient {
  return new HikCentralClient({
    baseUrl: hik.baseUrl,
    appKey: hik.appKey,
    appSecret: hik.appSecret,
    ...(hik.userId !== null ? { userId: hik.userId } : {}),
    ...(hik.caCertPem !== null ? { caCertPem: hik.caCertPem } : {}),
    tlsInsecure: hik.tlsInsecure,
    connectTimeoutMs: hik.connectTimeoutMs,
    requestTimeoutMs: hik.requestTimeoutMs,
    logger,
    timeZone,
  });
}
