import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import type { IsapiConfig, IsapiDeviceConfig } from '../../src/config/isapi.js';
import { silentLogger, type Logger } from '../../src/logging/logger.js';
import { startHumandSimulator, type HumandSimulator } from '../../src/sim/humand/index.js';
import { startIsapiTerminal, type IsapiTerminalSimulator, type TerminalEventInput, type TerminalOptions } from '../../src/sim/isapi/index.js';
import { ShiftedClock } from '../e2e/shifted-clock.js';
import { HUMAND_KEY } from '../e2e/harness.js';
import { deviceConfig, isapiConfig, SITE_TZ, TERMINAL_PASSWORD, TERMINAL_USER } from './support.js';
import { terminalSiteConfig } from './world.js';

/** One terminal ("lobby"), a Humand simulator with employees 1001 and 1002, and an App reading the terminal; closed after each test. */
export const MINUTE = 60_000;
export const START = Date.parse('2026-01-27T11:00:00Z'); // 08:00 at the site

/** A face pass by employee `no` at reader 1, `minutes` after START. */
export function face(no: string, minutes: number, attendanceStatus: string | null = null, minor = 0x4b): TerminalEventInput {
  return {
    trueMs: START + minutes * MINUTE,
    major: 5,
    minor,
    employeeNo: no,
    name: `Emp ${no}`,
    cardNo: null,
    cardReaderNo: 1,
    doorNo: 1,
    verifyMode: 'face',
    attendanceStatus,
  };
}

export interface Site {
  readonly clock: ShiftedClock;
  readonly terminal: IsapiTerminalSimulator;
  readonly humand: HumandSimulator;
  readonly app: App;
}

export const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function site(options: {
  events: readonly TerminalEventInput[];
  terminal?: Partial<TerminalOptions>;
  device?: Partial<IsapiDeviceConfig>;
  isapi?: Partial<IsapiConfig>;
  users?: readonly string[];
  logger?: Logger;
}): Promise<Site> {
  const clock = new ShiftedClock(START);
  const terminal = await startIsapiTerminal({ clock, timezone: SITE_TZ, user: TERMINAL_USER, password: TERMINAL_PASSWORD, ...options.terminal });
  terminal.state.addEvents(options.events);
  const humand = await startHumandSimulator({
    apiKey: HUMAND_KEY,
    users: (options.users ?? ['1001', '1002']).map((id) => ({ employeeInternalId: id, firstName: 'E', lastName: id, email: `${id}@example.com` })),
    rateLimit: { limit: 400, windowMs: 1_000 },
    clock,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isapi-poll-'));
  const isapi = isapiConfig([deviceConfig('lobby', terminal.url, options.device)], options.isapi);
  const app = await createApp({
    config: terminalSiteConfig(humand, path.join(dir, 'ledger.db'), isapi),
    logger: options.logger ?? silentLogger(),
    overrides: { clock, rateResetMarginMs: 50 },
  });
  cleanups.push(async () => {
    await app.close();
    await Promise.allSettled([terminal.close(), humand.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { clock, terminal, humand, app };
}
