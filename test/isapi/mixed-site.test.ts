import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { isapiTimeClocks } from '../../src/config/isapi.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startIsapiTerminal, type IsapiTerminalSimulator } from '../../src/sim/isapi/index.js';
import { configFor, startWorld, type World } from '../e2e/harness.js';
import { ShiftedClock } from '../e2e/shifted-clock.js';
import { deviceConfig, isapiConfig, SITE_TZ, TERMINAL_PASSWORD, TERMINAL_USER } from './support.js';

let world: World | undefined;
let terminal: IsapiTerminalSimulator | undefined;
let app: App | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.close();
  await terminal?.close();
  await world?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a site with HikCentral and a terminal read directly', () => {
  it("maps a terminal's person through HikCentral by employee number, so even the customField strategy works for terminal punches", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isapi-mixed-'));
    const clock = new ShiftedClock(Date.parse('2026-01-28T12:00:00Z'));
    world = await startWorld({ employees: 10, seed: 5, clock });
    const withLegajo = world.day.scenario.persons.find((p) => p.customFields.Legajo !== undefined)!;
    const without = world.day.scenario.persons.find((p) => p.customFields.Legajo === undefined)!;
    terminal = await startIsapiTerminal({ clock, timezone: SITE_TZ, user: TERMINAL_USER, password: TERMINAL_PASSWORD });
    const tap = (personCode: string, at: string) => ({
      trueMs: Date.parse(at),
      major: 5,
      minor: 0x4b,
      employeeNo: personCode,
      name: null,
      cardNo: null,
      cardReaderNo: 1,
      doorNo: 1,
      verifyMode: 'face',
      attendanceStatus: 'checkIn',
    });
    terminal.state.addEvents([tap(withLegajo.personCode, '2026-01-28T10:00:00Z'), tap(without.personCode, '2026-01-28T10:05:00Z')]);
    const isapi = isapiConfig([deviceConfig('anexo', terminal.url)]);
    const base = configFor(world, path.join(dir, 'ledger.db'));
    const config = {
      ...base,
      isapi,
      rules: {
        ...base.rules,
        timeClocks: [...base.rules.timeClocks, ...isapiTimeClocks(isapi)],
        mapping: { ...base.rules.mapping, strategy: 'customField' as const, customField: 'Legajo' },
      },
    };
    app = await createApp({ config, logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });
    const summary = await app.syncOnce();
    expect(summary.pollError).toBeNull();
    const [mapped] = await app.punches({ personId: `isapi:${withLegajo.personCode}` });
    expect(mapped).toMatchObject({ outcome: 'delivered', employeeId: withLegajo.personCode });
    const [unmapped] = await app.punches({ personId: `isapi:${without.personCode}` });
    // Found in HikCentral (by its employee number), and it lacks the field: not "unknown to HikCentral".
    expect(unmapped).toMatchObject({ outcome: 'unmapped', reason: `unmapped: person isapi:${without.personCode} has no custom field "Legajo"` });
  });
});
