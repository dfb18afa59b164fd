import { randomBytes } from 'node:crypto';
import type { Logger } from '../../logging/logger.js';
import { startHikCentralSimulator, type HikSimulator } from '../../sim/hikcentral/index.js';
import { startHumandSimulator, type HumandSimulator } from '../../sim/humand/index.js';
import type { GeneratedEmployee } from '../../sim/scenario/index.js';
import type { LiveDay } from './live-day.js';

/** Humand's real budget is 50 requests a minute; the demo scales the window so a backlog visibly drains. */
export const DEMO_RATE_LIMIT = { limit: 50, windowMs: 10_000 } as const;

/** Poll often enough in the demo that both poll and push visibly feed the ledger. */
export const DEMO_POLL_INTERVAL_MS = 15_000;

export interface DemoSites {
  readonly hik: HikSimulator;
  readonly humand: HumandSimulator;
  readonly hikAppKey: string;
  readonly hikAppSecret: string;
  readonly humandKey: string;
  /** The employee left without a Humand user, so the dashboard shows an unmapped person. */
  readonly unmappedEmployee: GeneratedEmployee | null;
  close(): Promise<void>;
}

/**
 * Both simulators on loopback ports: HikCentral over HTTPS (self-signed; the client trusts
 * its CA) serving and pushing the live day, and Humand with the employees as users.
 */
export async function startDemoSites(day: LiveDay, logger: Logger): Promise<DemoSites> {
  const hikAppKey = 'demo-app-key';
  const hikAppSecret = randomBytes(16).toString('hex');
  const humandKey = randomBytes(16).toString('hex');
  // Someone who clocks at the time clocks but has no Humand user: realistic, and it shows the "unmapped" view.
  const unmappedEmployee = [...day.employees].reverse().find((employee) => employee.shift !== 'absent') ?? null;
  const hik = await startHikCentralSimulator({
    appKey: hikAppKey,
    appSecret: hikAppSecret,
    scenario: day.scenario,
    push: { intervalMs: 1_000 },
    logger: logger.child({ part: 'hikcentral-simulator' }),
  });
  let humand: HumandSimulator;
  try {
    humand = await startHumandSimulator({
      apiKey: humandKey,
      users: day.employees
        .filter((employee) => employee !== unmappedEmployee)
        .map((employee) => ({
          employeeInternalId: employee.employeeInternalId,
          firstName: employee.firstName,
          lastName: employee.lastName,
          email: employee.email,
        })),
      rateLimit: DEMO_RATE_LIMIT,
      logger: logger.child({ part: 'humand-simulator' }),
    });
  } catch (error) {
    await hik.close();
    throw error;
  }
  return {
    hik,
    humand,
    hikAppKey,
    hikAppSecret,
    humandKey,
    unmappedEmployee,
    async close() {
      await Promise.allSettled([hik.close(), humand.close()]);
    },
  };
}
