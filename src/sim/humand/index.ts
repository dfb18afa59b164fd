import type { Logger } from 'pino';
import { systemClock } from '../../domain/clock.js';
import type { Clock } from '../../domain/ports.js';
import { HumandFaults } from './faults.js';
import { startSimServer } from './server.js';
import { HumandSimState } from './state.js';
import type { SimReadRefusals, SimRejectionWording, SimUserInput } from './types.js';

export { HumandFaults, type HumandFaultSettings } from './faults.js';
export { HumandSimState, type AppEntryInput, type ClockOutcome } from './state.js';
export { generateSimUsers } from './fake-users.js';
export { entryToWire, userToWire } from './wire.js';
export { MAX_LIMIT as HUMAND_SIM_MAX_LIMIT, DAY_SUMMARIES_CAP as HUMAND_SIM_DAY_SUMMARIES_CAP } from './handlers.js';
export type * from './types.js';

export interface HumandSimulatorOptions {
  readonly apiKey: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (an ephemeral port). */
  readonly port?: number;
  readonly users?: readonly SimUserInput[];
  /** Default 50 requests per 60 000 ms, fixed window per key. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
  /** Status of business-rule rejections, default 400. */
  readonly rejectionStatus?: 400 | 422;
  /** How rule rejections are worded, default `plain` (see SimRejectionWording). */
  readonly rejectionWording?: SimRejectionWording;
  /** Largest day-summaries page answered (default 500; 50 for a tenant that answers 400 to big pages). */
  readonly daySummariesMaxLimit?: number;
  /** Read paths this tenant refuses with 400 from the start (switchable later: state.setReadRefusals). */
  readonly refuseReads?: SimReadRefusals;
  /** How far ahead of the simulator clock a `now` may be, default 60 000 ms. */
  readonly futureToleranceMs?: number;
  /** Drives the rate window, "future" and createdAt. Default systemClock. */
  readonly clock?: Clock;
  /** Close an employee's open earlier days (AUTO_CLOSE END) before taking an entry on a later day. Default false. */
  readonly autoCloseOpenDays?: boolean;
  readonly logger?: Logger;
}

export interface HumandSimulator {
  /** Base URL including /public/api/v1. */
  readonly url: string;
  readonly state: HumandSimState;
  readonly faults: HumandFaults;
  close(): Promise<void>;
}

/** Starts an in-process Humand public API look-alike over real HTTP. See docs/simulators.md. */
export async function startHumandSimulator(options: HumandSimulatorOptions): Promise<HumandSimulator> {
  if (options.apiKey.trim() === '') throw new RangeError('apiKey is empty');
  const clock = options.clock ?? systemClock;
  const state = new HumandSimState({
    clock,
    futureToleranceMs: options.futureToleranceMs ?? 60_000,
    autoCloseOpenDays: options.autoCloseOpenDays ?? false,
  });
  for (const user of options.users ?? []) state.addUser(user);
  if (options.refuseReads) state.setReadRefusals(options.refuseReads);
  const faults = new HumandFaults();
  const server = await startSimServer({
    apiKey: options.apiKey.trim(),
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    rateLimit: options.rateLimit ?? { limit: 50, windowMs: 60_000 },
    rejectionStatus: options.rejectionStatus ?? 400,
    rejectionWording: options.rejectionWording ?? 'plain',
    daySummariesMaxLimit: options.daySummariesMaxLimit,
    clock,
    logger: options.logger,
    state,
    faults,
  });
  return { url: server.url, state, faults, close: () => server.close() };
}
