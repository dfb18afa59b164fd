import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { registerSecret } from '../logging/redact.js';
import { describeIssues, durationSchema, integerSchema } from './parse-values.js';
import { CONFIG_EN, type ConfigWords } from './words/config-words.js';
import type { Direction, TimeClockRule } from './types.js';

/**
 * Hikvision terminals read directly over ISAPI (sites without HikCentral): the `isapi` section
 * of the config file. Validated here, at the edge; the rest of the program sees IsapiConfig.
 */

/** How a terminal's reader decides in/out: its configured direction, the device's attendanceStatus, or alternation. */
export type IsapiDirectionMode = 'door' | 'attendanceStatus' | 'alternate';

export interface IsapiReaderClock {
  /** The device's `cardReaderNo` (1 = the terminal's own reader on a face terminal). */
  readonly cardReaderNo: number;
  readonly mode: IsapiDirectionMode;
  readonly direction: Direction | null;
  readonly debounceMs: number | null;
  readonly label: string | null;
}

export interface IsapiDeviceConfig {
  /** Stable name: part of every event id, door and reader code of this device. Never rename a device in use. */
  readonly name: string;
  /** `http://10.0.0.21` or `https://10.0.0.21:443`. */
  readonly baseUrl: string;
  readonly user: string;
  readonly password: string;
  readonly caCertPem: string | null;
  readonly tlsInsecure: boolean;
  /** Cap on maxResults below what the device's capabilities allow (null: the device's own limit). */
  readonly pageSize: number | null;
  readonly readers: readonly IsapiReaderClock[];
  /** Where a push from this device comes from (default: the host of `baseUrl`). */
  readonly pushAddresses: readonly string[];
}

export interface IsapiConfig {
  readonly devices: readonly IsapiDeviceConfig[];
  /** Each poll re-reads this far behind the device's cursor (the device stores events a little late). */
  readonly overlapMs: number;
  /** First poll of a device (no cursor yet): how far back on its clock to start. */
  readonly initialLookbackMs: number;
  /** After the device refused our credentials: wait this long (doubling) before trying again, so its lockout never triggers. */
  readonly authBackoffMs: number;
  readonly authBackoffMaxMs: number;
  /** A device clock further than this from ours is warned about (and reported by doctor). */
  readonly driftWarnMs: number;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** The HTTP listening host terminals push to (null: poll only). Each device pushes to `<url>/<name>`. */
  readonly push: IsapiPushConfig | null;
}

export interface IsapiPushConfig {
  /** Bind address, e.g. 0.0.0.0 for terminals on the LAN. */
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** The address terminals reach us at (what `doctor` and `isapi-hosts` configure on them), e.g. 10.0.0.9. */
  readonly advertisedAddress: string | null;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** The `isapi:` section's schema, its problems worded in `w`'s language. */
export function isapiFileSchemaFor(w: ConfigWords) {
  const readerSchema = z
    .object({
      reader: integerSchema(1, 512, '1', w),
      mode: z.enum(['door', 'attendanceStatus', 'alternate'], { message: w.isapiModeEnum }).default('door'),
      direction: z.enum(['in', 'out'], { message: w.directionEnum }).optional(),
      debounce: durationSchema('60s', 0, w).optional(),
      label: z.string().min(1).optional(),
    })
    .strict()
    .superRefine((reader, ctx) => {
      if (reader.mode === 'door' && reader.direction === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['direction'],
          message: w.isapiDoorNeedsDirection,
        });
      }
    });

  const deviceSchema = z
    .object({
      name: z.string().regex(NAME, { message: w.deviceName }),
      address: z.string().refine((value) => /^https?:\/\/[^/\s]+\/?$/.test(value.trim()), {
        message: w.deviceAddress,
      }),
      user: z.string().min(1, { message: w.deviceUser }),
      password: z.string().min(1).optional(),
      passwordEnv: z
        .string()
        .regex(/^[A-Z_][A-Z0-9_]*$/, { message: w.passwordEnvName })
        .optional(),
      caFile: z.string().min(1).optional(),
      tlsInsecure: z.boolean().optional(),
      pageSize: integerSchema(1, 1000, '30', w).optional(),
      pushFrom: z.array(z.string().min(1)).optional(),
      timeClocks: z.array(readerSchema).default([]),
    })
    .strict()
    .superRefine((device, ctx) => {
      if ((device.password === undefined) === (device.passwordEnv === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['passwordEnv'],
          message: w.passwordOneOf,
        });
      }
    });

  /** The `isapi:` section of the config file. */
  return z
    .object({
      devices: z.array(deviceSchema).default([]),
      overlap: durationSchema('10m', 0, w).optional(),
      initialLookback: durationSchema('24h', 0, w).optional(),
      authBackoff: durationSchema('10m', 0, w).optional(),
      driftWarn: durationSchema('60s', 0, w).optional(),
      timeout: durationSchema('15s', 0, w).optional(),
      push: z
        .object({
          host: z.string().min(1).default('0.0.0.0'),
          port: integerSchema(1, 65535, '8090', w),
          path: z
            .string()
            .regex(/^\/[A-Za-z0-9/_-]*$/, { message: w.pushPath })
            .default('/hik/isapi'),
          advertisedAddress: z.string().min(1).optional(),
        })
        .strict()
        .optional(),
    })
    .strict();
}

export const isapiFileSchema = isapiFileSchemaFor(CONFIG_EN);

export type IsapiFileSection = z.output<typeof isapiFileSchema>;

/** Door and reader codes of a device's events, as the time-clock allowlist and the ledger see them. */
export function isapiReaderCode(device: string, cardReaderNo: number | null): string | null {
  return cardReaderNo === null ? null : `${device}/reader-${cardReaderNo}`;
}

export function isapiDoorCode(device: string, doorNo: number | null): string {
  return doorNo === null ? device : `${device}/door-${doorNo}`;
}

/** Each configured reader as a time clock of the existing allowlist (`attendanceStatus` = the `device` direction mode). */
export function isapiTimeClocks(config: IsapiConfig | null): TimeClockRule[] {
  if (config === null) return [];
  return config.devices.flatMap((device) =>
    device.readers.map((reader) => ({
      door: null,
      reader: isapiReaderCode(device.name, reader.cardReaderNo),
      mode: reader.mode === 'attendanceStatus' ? 'device' : reader.mode,
      direction: reader.direction,
      debounceMs: reader.debounceMs,
      label: reader.label ?? `${device.name} ${reader.cardReaderNo}`,
    })),
  );
}

/**
 * Turns the validated section into IsapiConfig: reads passwords from the environment and CA
 * files from disk, registers every password as a secret. Problems are pushed, naming the field.
 */
export function buildIsapiConfig(
  section: IsapiFileSection | undefined,
  env: Readonly<Record<string, string | undefined>>,
  baseDir: string,
  problems: string[],
  w: ConfigWords = CONFIG_EN,
): IsapiConfig | null {
  if (section === undefined || section.devices.length === 0) return null;
  const names = new Set<string>();
  const devices: IsapiDeviceConfig[] = [];
  section.devices.forEach((device, index) => {
    const where = `isapi.devices.${index} (${device.name})`;
    if (names.has(device.name)) problems.push(w.nameTwice(where, device.name));
    names.add(device.name);
    let password = device.password ?? '';
    if (device.passwordEnv !== undefined) {
      password = env[device.passwordEnv] ?? '';
      if (password === '') problems.push(w.passwordEnvUnset(where, device.passwordEnv));
    }
    registerSecret(password);
    let caCertPem: string | null = null;
    if (device.caFile !== undefined) {
      const file = path.resolve(baseDir, device.caFile);
      try {
        caCertPem = fs.readFileSync(file, 'utf8');
        if (!caCertPem.includes('-----BEGIN CERTIFICATE-----')) problems.push(w.deviceCaNotPem(where, device.caFile));
      } catch (error) {
        problems.push(w.deviceCaUnreadable(where, device.caFile, (error as NodeJS.ErrnoException).code ?? 'error'));
      }
    }
    const baseUrl = device.address.trim().replace(/\/+$/, '');
    const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
    if (section.push !== undefined && device.pushFrom === undefined && isIP(host) === 0) {
      problems.push(w.pushFromHost(where, host));
    }
    if (caCertPem !== null && baseUrl.startsWith('http:')) problems.push(w.deviceCaOnHttp(where));
    const seen = new Set<number>();
    for (const reader of device.timeClocks) {
      if (seen.has(reader.reader)) problems.push(w.readerTwice(where, reader.reader));
      seen.add(reader.reader);
    }
    devices.push({
      name: device.name,
      baseUrl,
      user: device.user,
      password,
      caCertPem,
      tlsInsecure: device.tlsInsecure ?? false,
      pageSize: device.pageSize ?? null,
      readers: device.timeClocks.map((reader) => ({
        cardReaderNo: reader.reader,
        mode: reader.mode,
        direction: reader.direction ?? null,
        debounceMs: reader.debounce ?? null,
        label: reader.label ?? null,
      })),
      pushAddresses: device.pushFrom ?? (isIP(host) !== 0 ? [host] : []),
    });
  });
  return {
    devices,
    overlapMs: section.overlap ?? 10 * 60_000,
    initialLookbackMs: section.initialLookback ?? 24 * 3_600_000,
    authBackoffMs: section.authBackoff ?? 10 * 60_000,
    authBackoffMaxMs: 4 * 3_600_000,
    driftWarnMs: section.driftWarn ?? 60_000,
    requestTimeoutMs: section.timeout ?? 15_000,
    connectTimeoutMs: 5_000,
    push:
      section.push === undefined
        ? null
        : {
            host: section.push.host,
            port: section.push.port,
            path: section.push.path.replace(/\/+$/, ''),
            advertisedAddress: section.push.advertisedAddress ?? null,
          },
  };
}

/** Validates an `isapi` section on its own (tests, doctor): the IsapiConfig or the problems. */
export function parseIsapiSection(
  data: unknown,
  env: Readonly<Record<string, string | undefined>>,
  baseDir: string,
): { config: IsapiConfig | null; problems: string[] } {
  const parsed = isapiFileSchema.safeParse(data);
  if (!parsed.success) return { config: null, problems: describeIssues(parsed.error.issues, 'isapi') };
  const problems: string[] = [];
  const config = buildIsapiConfig(parsed.data, env, baseDir, problems);
  return { config: problems.length > 0 ? null : config, problems };
}
