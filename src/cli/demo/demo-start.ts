import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logging/logger.js';
import type { DayBehaviours } from '../../sim/scenario/index.js';
import { serviceLogger } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CliSettings } from '../settings.js';
import { acquireLedgerLock, type LedgerLock } from '../service/ledger-lock.js';
import { stopOnSignals, type StopSignals } from '../service/stop-signals.js';
import { liveWorkingDay, type LiveDay } from './live-day.js';
import type { DemoOptions } from './run-demo.js';

export interface DemoStart {
  readonly logger: Logger;
  readonly databasePath: string;
  readonly lock: LedgerLock;
  readonly stop: StopSignals;
  readonly zone: string;
  readonly day: LiveDay;
}

/**
 * What every demo begins with: the service logger, the ledger lock on a fresh SQLite file (the
 * generated day's event ids repeat from run to run), Ctrl-C handling, and the day played from now.
 * The caller releases `lock` and disposes `stop` when it ends.
 */
export function startDemoDay(settings: CliSettings, options: DemoOptions, behaviours?: DayBehaviours): DemoStart {
  const logger = serviceLogger(settings);
  const databasePath = path.resolve(options.databasePath);
  const lock = acquireLedgerLock(databasePath, 'demo');
  const stop = stopOnSignals(logger, 'the demo', () => process.exit(EXIT.unexpected));
  try {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
    const zone = settings.config.siteTimezone;
    const day = liveWorkingDay({
      employees: options.employees,
      seed: options.seed,
      timezone: zone,
      speed: options.speed,
      startAt: options.startAt,
      nowMs: Date.now(),
      ...(behaviours ? { behaviours } : {}),
    });
    return { logger, databasePath, lock, stop, zone, day };
  } catch (error) {
    stop.dispose();
    lock.release();
    throw error;
  }
}
