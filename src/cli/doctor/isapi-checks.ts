import type { IsapiConfig, IsapiDeviceConfig } from '../../config/isapi.js';
import type { Clock } from '../../domain/ports.js';
import { IsapiClient } from '../../isapi/client.js';
import { pointsAt, readHttpHosts, type PushTarget } from '../../isapi/http-host.js';
import type { Logger } from '../../logging/logger.js';
import type { CheckResult } from './checks.js';
import { terminalReadersCheck } from './isapi-readers.js';
import { TERMINAL_EN, type TerminalWords } from './terminal-words.js';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const hintOf = (error: unknown) => (error as { hint?: string }).hint ?? null;

/** Where this device should push, when push is configured with the address terminals reach us at. */
export function pushTargetOf(config: IsapiConfig, device: IsapiDeviceConfig): PushTarget | null {
  if (config.push === null || config.push.advertisedAddress === null) return null;
  return { ipAddress: config.push.advertisedAddress, portNo: config.push.port, url: `${config.push.path}/${device.name}` };
}

/**
 * One terminal, for `doctor`: reachable and who it is (deviceInfo), the credentials (that same
 * call: ONE login attempt, never repeated, so doctor cannot trip the lockout), its clock against
 * ours, whether the configured reader numbers had events in the last day, and whether its HTTP host points at our receiver.
 */
export async function checkDevice(
  config: IsapiConfig,
  device: IsapiDeviceConfig,
  clock: Clock,
  logger: Logger,
  timeZone: string,
  w: TerminalWords = TERMINAL_EN,
): Promise<CheckResult[]> {
  const name = w.terminal(device.name);
  const client = IsapiClient.fromConfig(config, device, { logger, clock, timeZone });
  const checks: CheckResult[] = [];
  try {
    try {
      const info = await client.deviceInfo();
      checks.push({
        name,
        status: 'ok',
        message: w.identified(device.baseUrl, info.model ?? null, info.serialNumber ?? null, info.firmwareVersion ?? null, device.user),
        fix: null,
      });
    } catch (error) {
      checks.push({
        name,
        status: 'fail',
        message: `${device.baseUrl}: ${message(error)}`,
        fix: hintOf(error) ?? w.addressFix,
      });
      return checks;
    }
    let offsetMinutes: number | null = null;
    try {
      const before = clock.now();
      const time = await client.deviceTime();
      offsetMinutes = time.offsetMinutes;
      const driftMs = time.ms - (before + clock.now()) / 2;
      const seconds = Math.round(driftMs / 1000);
      const ok = Math.abs(driftMs) <= config.driftWarnMs;
      checks.push({
        name: w.clock(device.name),
        status: ok ? 'ok' : 'warn',
        message: w.deviceTime(time.localTime, Math.abs(seconds), seconds >= 0),
        fix: ok ? null : w.ntpFix,
      });
    } catch (error) {
      checks.push({ name: w.clock(device.name), status: 'warn', message: message(error), fix: hintOf(error) });
    }
    if (offsetMinutes !== null) {
      try {
        checks.push(await terminalReadersCheck(client, device, clock.now(), offsetMinutes, w));
      } catch (error) {
        checks.push({ name: w.readers(device.name), status: 'warn', message: w.eventsUnreadable(message(error)), fix: hintOf(error) });
      }
    }
    const target = pushTargetOf(config, device);
    if (target === null) {
      checks.push({
        name: w.push(device.name),
        status: 'skip',
        message: config.push === null ? w.pushOff : w.pushNoAddress,
        fix: null,
      });
    } else {
      try {
        const hosts = await readHttpHosts(client);
        const ours = hosts.some((host) => pointsAt(host, target));
        const where = `http://${target.ipAddress}:${target.portNo}${target.url}`;
        checks.push({
          name: w.push(device.name),
          status: ours ? 'ok' : 'warn',
          message: ours ? w.pushOk(where) : w.pushElsewhere(where, hosts.map((h) => `${h.ipAddress}:${h.portNo}${h.url}`).join(', ') || w.none),
          fix: ours ? null : w.pushFix(target.ipAddress, target.portNo, target.url),
        });
      } catch (error) {
        checks.push({ name: w.push(device.name), status: 'warn', message: message(error), fix: hintOf(error) });
      }
    }
    return checks;
  } finally {
    await client.close();
  }
}

/** Every configured terminal, one after another. */
export async function isapiDoctorChecks(
  config: IsapiConfig | null | undefined,
  clock: Clock,
  logger: Logger,
  timeZone: string,
  w: TerminalWords = TERMINAL_EN,
): Promise<CheckResult[]> {
  if (config === null || config === undefined) return [];
  const checks: CheckResult[] = [];
  for (const device of config.devices) checks.push(...(await checkDevice(config, device, clock, logger, timeZone, w)));
  return checks;
}
