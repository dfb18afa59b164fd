#!/usr/bin/env node
/**
 * Runs the Humand simulator on its own:
 *   npx tsx src/sim/humand/cli.ts --port 8080 --api-key K --users 50
 * The key may also come from HUMAND_SIM_API_KEY. Stops on SIGINT/SIGTERM.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createLogger } from '../../logging/logger.js';
import { registerSecret } from '../../logging/redact.js';
import { generateSimUsers, startHumandSimulator } from './index.js';

function integer(name: string, min: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
    return parsed;
  };
}

const program = new Command()
  .name('humand-sim')
  .description("A local look-alike of Humand's public API (time tracking and users) for demos and tests")
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port to listen on (0 = any free port)', integer('port', 0), 0)
  .option('--api-key <key>', 'the API key clients must send as "Authorization: Basic <key>" (or HUMAND_SIM_API_KEY)')
  .option('--users <count>', 'how many made-up employees to create', integer('users', 0), 20)
  .option('--rate-limit <count>', 'requests per window per key', integer('rate-limit', 1), 50)
  .option('--window-ms <ms>', 'rate-limit window in milliseconds', integer('window-ms', 1), 60_000)
  .option(
    '--rejection-status <status>',
    'HTTP status of business-rule rejections: 400 or 422',
    (value: string) => {
      if (value !== '400' && value !== '422') throw new InvalidArgumentError('must be 400 or 422');
      return Number(value) as 400 | 422;
    },
    400 as 400 | 422,
  )
  .option('--future-tolerance-ms <ms>', 'how far in the future a clock entry may be', integer('future-tolerance-ms', 0), 60_000)
  .option('--auto-close', 'close open earlier days with AUTO_CLOSE entries, as Humand does', false)
  .option(
    '--rejection-wording <wording>',
    'how rule rejections are worded: plain, open-clock-in or spanish',
    (value: string) => {
      if (value !== 'plain' && value !== 'open-clock-in' && value !== 'spanish') throw new InvalidArgumentError('must be plain, open-clock-in or spanish');
      return value;
    },
    'plain' as 'plain' | 'open-clock-in' | 'spanish',
  )
  .option('--refuse-entries', 'answer GET /time-tracking/entries with 400, as one tenant did', false)
  .option('--refuse-day-summaries', 'answer GET /time-tracking/day-summaries with 400', false)
  .option('--log-level <level>', 'pino log level', 'info');

program.parse();
const opts = program.opts<{
  host: string;
  port: number;
  apiKey?: string;
  users: number;
  rateLimit: number;
  windowMs: number;
  rejectionStatus: 400 | 422;
  futureToleranceMs: number;
  autoClose: boolean;
  rejectionWording: 'plain' | 'open-clock-in' | 'spanish';
  refuseEntries: boolean;
  refuseDaySummaries: boolean;
  logLevel: string;
}>();

const apiKey = opts.apiKey ?? process.env.HUMAND_SIM_API_KEY;
if (!apiKey) {
  program.error('an API key is required: --api-key K or HUMAND_SIM_API_KEY=K');
  process.exit(2);
}
registerSecret(apiKey);
const logger = createLogger({ level: opts.logLevel });

const simulator = await startHumandSimulator({
  apiKey,
  host: opts.host,
  port: opts.port,
  users: generateSimUsers(opts.users),
  rateLimit: { limit: opts.rateLimit, windowMs: opts.windowMs },
  rejectionStatus: opts.rejectionStatus,
  futureToleranceMs: opts.futureToleranceMs,
  autoCloseOpenDays: opts.autoClose,
  rejectionWording: opts.rejectionWording,
  refuseReads: { entries: opts.refuseEntries, daySummaries: opts.refuseDaySummaries },
  logger,
});
logger.info({ url: simulator.url, users: opts.users, rateLimit: `${opts.rateLimit} per ${opts.windowMs} ms` }, 'Humand simulator listening');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, requests: simulator.state.countsByStatus() }, 'Humand simulator stopping');
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'Humand simulator did not close cleanly');
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
