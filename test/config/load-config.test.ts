import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { parseDuration } from '../../src/config/parse-values.js';
import { ConfigurationError } from '../../src/domain/errors.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const CLOCKS_YAML = `
timeClocks:
  - reader: Facial Entrada
    direction: in
  - reader: reader-out
    mode: device
    direction: out
    debounce: 30s
mapping:
  strategy: customField
  customField: Legajo
debounce: 90s
settleDelay: 2s
dayBoundaryHour: 5
alternation: send
poll:
  doors: [door-1, door-2]
`;

function loadError(env: Record<string, string>): string {
  try {
    loadConfig({ env, cwd: dir, dotenv: false });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('configuration', () => {
  it('with no credentials is the demo, on documented defaults', () => {
    const config = loadConfig({ env: {}, cwd: dir, dotenv: false });
    expect(config.mode).toBe('demo');
    expect(config.hik).toBeNull();
    expect(config.dryRun).toBe(false);
    expect(config.poll.intervalMs).toBe(300_000);
    expect(config.rules.debounceMs).toBe(60_000);
    expect(config.rules.mapping.strategy).toBe('personCode');
    expect(config.delivery.assumedRateLimit).toBe(50);
    expect(config.databasePath).toBe(path.join(dir, 'data', 'hik2humand.db'));
  });

  it('reads a real site from env, .env and the YAML config file', () => {
    write('hik2humand.yaml', CLOCKS_YAML);
    write('.env', 'HIK_SECRET=from-dotenv-secret\nPOLL_INTERVAL=1m\n');
    write('ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = loadConfig({
      cwd: dir,
      env: {
        HIKVISION_HOST: '10.0.0.5:8443',
        HIK_APP_KEY: '12345678',
        HIK_CA_CERT: 'ca.pem',
        HUMAND_AUTH: 'Basic abc123',
        DRY_RUN: '1',
        POLL_INTERVAL: '30s',
        SITE_TIMEZONE: 'America/Argentina/Buenos_Aires',
        HUMAND_RATE_LIMIT: '50/2s',
      },
    });
    expect(config.mode).toBe('live');
    expect(config.hik?.baseUrl).toBe('https://10.0.0.5:8443');
    expect(config.hik?.appSecret).toBe('from-dotenv-secret');
    expect(config.hik?.caCertPem).toContain('BEGIN CERTIFICATE');
    expect(config.humand?.baseUrl).toBe('https://api-prod.humand.co');
    expect(config.dryRun).toBe(true);
    expect(config.poll.intervalMs).toBe(30_000); // the environment wins over .env
    expect(config.poll.doorIndexCodes).toEqual(['door-1', 'door-2']);
    expect(config.delivery.assumedRateWindowMs).toBe(2_000);
    expect(config.rules.timeClocks).toEqual([
      { door: null, reader: 'Facial Entrada', mode: 'door', direction: 'in', debounceMs: null, label: null },
      { door: null, reader: 'reader-out', mode: 'device', direction: 'out', debounceMs: 30_000, label: null },
    ]);
    expect(config.rules).toMatchObject({ debounceMs: 90_000, settleDelayMs: 2_000, dayBoundaryHour: 5, alternationPolicy: 'send' });
    expect(config.rules.mapping).toMatchObject({ strategy: 'customField', customField: 'Legajo' });
  });

  it('names every bad setting at once, with the problem and an example', () => {
    const message = loadError({
      POLL_INTERVAL: 'abc',
      DRY_RUN: 'maybe',
      SITE_TIMEZONE: 'Mars/Olympus',
      HUMAND_RATE_LIMIT: 'fast',
      DELIVERY_CONCURRENCY: '0',
    });
    expect(message).toContain('POLL_INTERVAL: "abc" is not a duration — use e.g. 300, 5m or 30s');
    expect(message).toContain('DRY_RUN: "maybe" is not a boolean — use true or false');
    expect(message).toContain('SITE_TIMEZONE: "Mars/Olympus" is not an IANA time zone — use e.g. America/Argentina/Buenos_Aires');
    expect(message).toContain('HUMAND_RATE_LIMIT: "fast" is not a rate — use e.g. 50/60s');
    expect(message).toContain('DELIVERY_CONCURRENCY: "0" is not a whole number from 1 to 64');
  });

  it('refuses half a site, missing keys, an unreadable CA and a site without time clocks', () => {
    const message = loadError({ HIKVISION_HOST: 'https://hcp.local', HIK_CA_CERT: 'missing.pem' });
    expect(message).toContain('HUMAND_AUTH: not set while HIKVISION_HOST is');
    expect(message).toContain('HIK_APP_KEY: not set');
    expect(message).toContain('HIK_SECRET: not set');
    expect(message).toContain('HIK_CA_CERT: "missing.pem" cannot be read (ENOENT)');
    expect(message).toContain('CONFIG_FILE: no time clocks configured (no config file found)');
  });

  it('still checks how the settings fit together when one of them is invalid, and reports both', () => {
    const cert = write('not-a-cert.pem', 'hello');
    const message = loadError({
      HIKVISION_HOST: 'https://hcp.local',
      HIK_APP_KEY: '12345678',
      HUMAND_AUTH: 'Basic abc123',
      HIK_CA_CERT: cert,
      POLL_INTERVAL: 'soon', // a value problem …
    });
    expect(message).toContain('POLL_INTERVAL: "soon" is not a duration');
    expect(message).toContain('HIK_SECRET: not set'); // … and a missing setting, in the same report
    expect(message).toContain(`HIK_CA_CERT: "${cert}" is not a PEM certificate`);
    expect(message).toContain('CONFIG_FILE: no time clocks configured');
    // A host that is set but malformed still counts as set.
    const malformedHost = loadError({ HIKVISION_HOST: 'https://', HUMAND_AUTH: 'Basic abc123', HIK_APP_KEY: '12345678' });
    expect(malformedHost).toMatch(/HIKVISION_HOST: "https:\/\/" is not a host or URL/);
    expect(malformedHost).toContain('HIK_SECRET: not set');
    expect(malformedHost).not.toContain('HIKVISION_HOST: not set while HUMAND_AUTH is');
    // An unreadable config file named by a valid CONFIG_FILE is reported beside a bad value.
    expect(loadError({ CONFIG_FILE: 'missing.yaml', DRY_RUN: 'maybe' })).toMatch(/CONFIG_FILE: "missing.yaml" cannot be read \(ENOENT\)/);
  });

  it('explains config file mistakes by path', () => {
    const file = write('site.yaml', 'timeClocks:\n  - reader: X\n    mode: sideways\n  - direction: in\nmapping:\n  strategy: csv\nbogus: 1\n');
    const message = loadError({ CONFIG_FILE: file });
    expect(message).toContain('timeClocks.0.mode: mode must be door, device or alternate');
    expect(message).toContain('timeClocks.1: a time clock needs a door or a reader');
    expect(message).toContain('mapping.csvFile: the csv strategy needs a file');
    expect(message).toMatch(/bogus/);
    expect(loadError({ CONFIG_FILE: write('bad.yaml', 'timeClocks: [') })).toMatch(/CONFIG_FILE: .*bad.yaml is not valid YAML/);
  });

  it('shows the line of a YAML typo and its likely cause, not a message cut after "column 1:"', () => {
    const unclosed = loadError({
      CONFIG_FILE: write('quote.yaml', 'timeClocks:\n  - reader: "Facial Entrada\n    direction: in\nmapping:\n  strategy: personCode\n'),
    });
    expect(unclosed).toMatch(
      /quote\.yaml is not valid YAML: Missing closing "quote at line \d+, column \d+ — line 2 reads: " {2}- reader: \\"Facial Entrada" — likely: a quote or bracket opened on this line or before it is not closed/,
    );
    expect(unclosed).not.toMatch(/column \d+:/);
    // Notepad users indent with a tab.
    const tabbed = loadError({ CONFIG_FILE: write('tab.yaml', 'timeClocks:\n\t- reader: X\n') });
    expect(tabbed).toMatch(/line 2 reads: "\\t- reader: X" — likely: indent with spaces, not tabs/);
  });

  it('reads durations in every documented spelling', () => {
    expect([parseDuration('300'), parseDuration('5m'), parseDuration('30s'), parseDuration('1h30m'), parseDuration('250ms'), parseDuration('abc')]).toEqual([
      300_000,
      300_000,
      30_000,
      5_400_000,
      250,
      null,
    ]);
  });
});

describe('the shipped examples', () => {
  it('config.example.yaml and .env.example load as a valid live configuration', () => {
    const root = path.resolve(__dirname, '../..');
    const envText = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
    const env: Record<string, string> = {};
    for (const line of envText.split('\n')) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (match) env[match[1]!] = match[2]!;
    }
    const config = loadConfig({ env: { ...env, CONFIG_FILE: path.join(root, 'config.example.yaml') }, cwd: dir, dotenv: false });
    expect(config.mode).toBe('live');
    expect(config.rules.timeClocks.map((c) => `${c.reader} ${c.direction}`)).toEqual(['Facial Entrada in', 'Facial Salida out']);
    expect(config.rules.settleDelayMs).toBe(5_000);
    expect(config.poll.lookbackMs).toBe(2 * 3_600_000);
  });
});
