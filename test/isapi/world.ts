import type { AppConfig } from '../../src/config/types.js';
import { isapiTimeClocks, type IsapiConfig } from '../../src/config/isapi.js';
import type { Clock } from '../../src/domain/ports.js';
import { computeGroundTruth, generateWorkingDay, type GeneratedWorkingDay } from '../../src/sim/scenario/index.js';
import type { GroundTruth } from '../../src/sim/scenario/types.js';
import { startHumandSimulator, type HumandSimulator } from '../../src/sim/humand/index.js';
import type { IsapiTerminalSimulator } from '../../src/sim/isapi/index.js';
import { SITE_TERMINALS } from '../../src/sim/isapi/from-scenario.js';
import { startSiteTerminals } from '../../src/sim/isapi/site-terminals.js';
import { configFor, DAY, HUMAND_KEY, type World } from '../e2e/harness.js';
import { isapiConfig, SITE_TZ, TERMINAL_PASSWORD, TERMINAL_USER } from './support.js';

export interface TerminalWorld {
  readonly day: GeneratedWorkingDay;
  readonly terminals: ReadonlyMap<string, IsapiTerminalSimulator>;
  readonly humand: HumandSimulator;
  /** The ground truth of the day as the terminals recorded it (a drifting terminal's times are its own). */
  readonly expected: GroundTruth;
  readonly isapi: IsapiConfig;
  close(): Promise<void>;
}

export async function startTerminalWorld(options: {
  employees: number;
  seed: number;
  clock: Clock;
  driftMs?: Readonly<Record<string, number>>;
  capacity?: number;
}): Promise<TerminalWorld> {
  const day = generateWorkingDay({ date: DAY, timezone: SITE_TZ, employees: options.employees, seed: options.seed });
  const drift = options.driftMs ?? {};
  const terminalOfDoor = new Map(SITE_TERMINALS.flatMap((t) => t.doors.map((door) => [door, t.name] as const)));
  // What the terminals write down: true time plus their clock's drift.
  const recorded = {
    ...day.scenario,
    events: day.scenario.events.map((e) => ({ ...e, eventTime: e.eventTime + (drift[terminalOfDoor.get(e.doorIndexCode)!] ?? 0) })),
  };
  const expected = computeGroundTruth(recorded, day.timeClockReaders);
  const site = await startSiteTerminals({
    scenario: day.scenario,
    timeClockReaders: day.timeClockReaders,
    layout: SITE_TERMINALS,
    clock: options.clock,
    timezone: SITE_TZ,
    user: TERMINAL_USER,
    password: TERMINAL_PASSWORD,
    driftMs: drift,
    ...(options.capacity ? { capacity: options.capacity } : {}),
  });
  const terminals = site.terminals;
  const isapi = isapiConfig(site.devices);
  const humand = await startHumandSimulator({
    apiKey: HUMAND_KEY,
    users: day.employees.map((e) => ({ employeeInternalId: e.employeeInternalId, firstName: e.firstName, lastName: e.lastName, email: e.email })),
    rateLimit: { limit: 400, windowMs: 1_000 },
    clock: options.clock,
  });
  return {
    day,
    terminals,
    humand,
    expected,
    isapi,
    close: async () => {
      await Promise.allSettled([humand.close(), site.close()]);
    },
  };
}

/** A site with terminals and no HikCentral, as loadConfig would build it. */
export function terminalSiteConfig(humand: HumandSimulator, databasePath: string, isapi: IsapiConfig): AppConfig {
  // The shared e2e configuration (delivery, poll, rules), without HikCentral: only what configFor reads of a World.
  const base = configFor(
    { day: { timeClockReaders: [] }, humand, hik: { httpsUrl: 'https://hikcentral.invalid', caPem: '' } } as unknown as World,
    databasePath,
  );
  return { ...base, hik: null, isapi, rules: { ...base.rules, timeClocks: isapiTimeClocks(isapi) } };
}

const line = (type: string, ms: number) => `${type} ${new Date(ms).toISOString()}`;

export function expectedTerminalTimelines(world: TerminalWorld): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [employee, punches] of Object.entries(world.expected.timelines)) if (punches.length > 0) out[employee] = punches.map((p) => line(p.type, p.time));
  return out;
}

export function humandTerminalTimelines(world: TerminalWorld): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const employee of world.day.employees) {
    const entries = world.humand.state.timeline(employee.employeeInternalId);
    if (entries.length > 0) out[employee.employeeInternalId] = entries.map((e) => line(e.type, e.instantMs));
  }
  return out;
}
