import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigurationError } from '../../src/domain/errors.js';
import { createLogger } from '../../src/logging/logger.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isapi-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ISAPI_YAML = `
isapi:
  overlap: 5m
  devices:
    - name: entrada
      address: http://10.0.0.21
      user: asistencia
      passwordEnv: ISAPI_ENTRADA_PASSWORD
      timeClocks:
        - reader: 1
          direction: in
    - name: salida
      address: https://10.0.0.22:8443/
      user: asistencia
      password: "literal-Pass-99"
      pageSize: 20
      timeClocks:
        - reader: 1
          mode: attendanceStatus
          direction: out
          label: Reloj salida
`;

function load(yaml: string, env: Record<string, string> = {}) {
  fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), yaml);
  return loadConfig({ cwd: dir, dotenv: false, env: { HUMAND_AUTH: 'Basic humand-key-1', ...env } });
}

function problemsOf(yaml: string, env: Record<string, string> = {}): string {
  try {
    load(yaml, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('the isapi section of the config file', () => {
  it('builds the devices, takes a password from the named environment variable, and needs no HikCentral', () => {
    const config = load(ISAPI_YAML, { ISAPI_ENTRADA_PASSWORD: 'env-Pass-12345' });
    expect(config.mode).toBe('live');
    expect(config.hik).toBeNull();
    expect(config.isapi?.overlapMs).toBe(300_000);
    expect(config.isapi?.devices.map((d) => [d.name, d.baseUrl, d.password, d.pageSize, d.pushAddresses])).toEqual([
      ['entrada', 'http://10.0.0.21', 'env-Pass-12345', null, ['10.0.0.21']],
      ['salida', 'https://10.0.0.22:8443', 'literal-Pass-99', 20, ['10.0.0.22']],
    ]);
    // Each reader is a time clock of the existing allowlist; attendanceStatus is the `device` direction mode.
    expect(config.rules.timeClocks).toEqual([
      { door: null, reader: 'entrada/reader-1', mode: 'door', direction: 'in', debounceMs: null, label: 'entrada 1' },
      { door: null, reader: 'salida/reader-1', mode: 'device', direction: 'out', debounceMs: null, label: 'Reloj salida' },
    ]);
  });

  it('names the field of every problem: address, missing password variable, both passwords, mode without direction, duplicate names', () => {
    const message = problemsOf(`
isapi:
  devices:
    - name: a
      address: 10.0.0.21
      user: admin
      passwordEnv: NOT_SET_PASSWORD
      timeClocks: [{ reader: 1 }]
    - name: a
      address: http://10.0.0.22
      user: admin
      password: x1234567
      passwordEnv: ALSO
`);
    expect(message).toContain('isapi.devices.0.address');
    expect(message).toContain('isapi.devices.0.timeClocks.0.direction: door mode needs a direction');
    expect(message).toContain('isapi.devices.1.passwordEnv: give exactly one of password or passwordEnv');
    // Once the shapes are valid, the values are checked against the environment and each other.
    const second = problemsOf(`
isapi:
  devices:
    - { name: a, address: "http://10.0.0.21", user: admin, passwordEnv: NOT_SET_PASSWORD, timeClocks: [{ reader: 1, direction: in }] }
    - { name: a, address: "http://10.0.0.22", user: admin, password: x1234567 }
`);
    expect(second).toContain('isapi.devices.0 (a).passwordEnv: the environment variable NOT_SET_PASSWORD is not set');
    expect(second).toContain('isapi.devices.1 (a).name: "a" is used twice');
  });

  it('needs pushFrom when push is on and a device is addressed by name (the receiver allowlists addresses)', () => {
    const message = problemsOf(`
isapi:
  push: { port: 8090 }
  devices:
    - { name: hall, address: "http://terminal-hall.local", user: admin, password: x1234567 }
`);
    expect(message).toContain('isapi.devices.0 (hall).pushFrom: the address names a host (terminal-hall.local), not an IP');
  });

  it('still needs HUMAND_AUTH', () => {
    fs.writeFileSync(path.join(dir, 'hik2humand.yaml'), ISAPI_YAML);
    expect(() => loadConfig({ cwd: dir, dotenv: false, env: { ISAPI_ENTRADA_PASSWORD: 'env-Pass-12345' } })).toThrow(
      /HUMAND_AUTH: not set while ISAPI devices are configured/,
    );
  });

  it('redacts the device passwords from logs, by field and in free text', () => {
    const config = load(ISAPI_YAML, { ISAPI_ENTRADA_PASSWORD: 'env-Pass-12345' });
    const chunks: string[] = [];
    const logger = createLogger({
      level: 'info',
      pretty: false,
      destination: new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c.toString()), cb()) }),
    });
    logger.info({ isapi: config.isapi }, 'config');
    logger.info({ devices: config.isapi?.devices }, 'devices');
    logger.warn('device said: wrong password literal-Pass-99');
    const text = chunks.join('');
    expect(text).not.toContain('env-Pass-12345');
    expect(text).not.toContain('literal-Pass-99');
    expect(text).toContain('[REDACTED]');
  });
});
