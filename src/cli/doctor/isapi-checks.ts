import type { IsapiConfig, IsapiDeviceConfig } from '../../config/isapi.js';
import type { Clock } from '../../domain/ports.js';
import { IsapiClient } from '../../isapi/client.js';
import { pointsAt, readHttpHosts, type PushTarget } from '../../isapi/http-host.js';
import type { Logger } from '../../logging/logger.js';
import type { CheckResult } from './checks.js';
import { terminalReadersCheck } from './isapi-readers.js';

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
export async function checkDevice(config: IsapiConfig, device: IsapiDeviceConfig, clock: Clock, logger: Logger, timeZone: string): Promise<CheckResult[]> {
  const name = `terminal ${device.name}`;
  const client = new IsapiClient({
    device,
    logger,
    clock,
    timeZone,
    requestTimeoutMs: config.requestTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    authBackoffMs: config.authBackoffMs,
    authBackoffMaxMs: config.authBackoffMaxMs,
  });
  const checks: CheckResult[] = [];
  try {
    try {
      const info = await client.deviceInfo();
      checks.push({
        name,
        status: 'ok',
        message: `${device.baseUrl}: ${info.model ?? 'unknown model'}, serial ${info.serialNumber ?? '?'}, firmware ${info.firmwareVersion ?? '?'}; user ${device.user} accepted (one login)`,
        fix: null,
      });
    } catch (error) {
      checks.push({
        name,
        status: 'fail',
        message: `${device.baseUrl}: ${message(error)}`,
        fix: hintOf(error) ?? 'Check the address (http:// or https://, port) in the config file.',
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
        name: `${name} clock`,
        status: ok ? 'ok' : 'warn',
        message: `device time ${time.localTime}: ${Math.abs(seconds)} s ${seconds >= 0 ? 'ahead of' : 'behind'} this machine`,
        fix: ok
          ? null
          : `Punches carry the terminal's own time: set NTP on the device (web page: Configuration > System > System Settings > Time Settings) or correct its time.`,
      });
    } catch (error) {
      checks.push({ name: `${name} clock`, status: 'warn', message: message(error), fix: hintOf(error) });
    }
    if (offsetMinutes !== null) {
      try {
        checks.push(await terminalReadersCheck(client, device, clock.now(), offsetMinutes));
      } catch (error) {
        checks.push({ name: `${name} readers`, status: 'warn', message: `could not read its events: ${message(error)}`, fix: hintOf(error) });
      }
    }
    const target = pushTargetOf(config, device);
    if (target === null) {
      checks.push({
        name: `${name} push`,
        status: 'skip',
        message:
          config.push === null
            ? 'push not configured (isapi.push): polling only'
            : 'isapi.push.advertisedAddress not set: cannot tell which address the terminal should push to',
        fix: null,
      });
    } else {
      try {
        const hosts = await readHttpHosts(client);
        const ours = hosts.some((host) => pointsAt(host, target));
        checks.push({
          name: `${name} push`,
          status: ours ? 'ok' : 'warn',
          message: ours
            ? `its HTTP host points at http://${target.ipAddress}:${target.portNo}${target.url}`
            : `no HTTP host points at http://${target.ipAddress}:${target.portNo}${target.url} (found: ${hosts.map((h) => `${h.ipAddress}:${h.portNo}${h.url}`).join(', ') || 'none'})`,
          fix: ours
            ? null
            : `Run \`hik2humand isapi-hosts\` or set it on the device's web page (Configuration > Network > Advanced > HTTP Listening): IP ${target.ipAddress}, port ${target.portNo}, URL ${target.url}. Polling still reads everything meanwhile.`,
        });
      } catch (error) {
        checks.push({ name: `${name} push`, status: 'warn', message: message(error), fix: hintOf(error) });
      }
    }
    return checks;
  } finally {
    await client.close();
  }
}

/** Every configured terminal, one after another. */
export async function isapiDoctorChecks(config: IsapiConfig | null | undefined, clock: Clock, logger: Logger, timeZone: string): Promise<CheckResult[]> {
  if (config === null || config === undefined) return [];
  const checks: CheckResult[] = [];
  for (const device of config.devices) checks.push(...(await checkDevice(config, device, clock, logger, timeZone)));
  return checks;
}
