/**
 * Runs the HikCentral simulator until Ctrl-C:
 *   npx tsx src/sim/hikcentral/cli.ts --port 8443 --app-key K --app-secret S --generate-employees 50
 *   npx tsx src/sim/hikcentral/cli.ts --port 8443 --app-key K --app-secret S --scenario day.json
 * The secret may come from HIK_SIM_APP_SECRET instead of the command line.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DateTime, IANAZone } from 'luxon';
import { createLogger } from '../../logging/logger.js';
import { DEFAULT_SITE_TIMEZONE } from './world.js';
import { generateWorkingDay } from '../scenario/working-day.js';
import { loadScenarioFile, saveScenarioFile } from '../scenario/scenario-file.js';
import type { HikScenario } from '../scenario/types.js';
import { startHikCentralSimulator } from './index.js';

const wholeNumber = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
  return Number(value);
};

const program = new Command()
  .name('hikcentral-sim')
  .description('A simulated HikCentral Professional (Artemis OpenAPI) over HTTPS, for demos and manual tests.')
  .requiredOption('--app-key <key>', 'the one valid app key')
  .option('--app-secret <secret>', 'its secret (or set HIK_SIM_APP_SECRET)')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'HTTPS port (0 = any free port)', wholeNumber('--port'), 8443)
  .option('--http-port <port>', 'also listen for plain HTTP here (refused with 0x0240103c unless --allow-plain-http)', wholeNumber('--http-port'))
  .option('--allow-plain-http', 'serve the API over plain HTTP too', false)
  .option('--scenario <file>', 'load persons/doors/events from a scenario JSON file')
  .option('--generate-employees <n>', 'generate a working day for n employees', wholeNumber('--generate-employees'))
  .option('--seed <n>', 'generator seed', wholeNumber('--seed'), 1)
  .option('--date <YYYY-MM-DD>', 'generated day (default: today in --timezone)')
  .option('--timezone <zone>', 'site timezone for a generated day', DEFAULT_SITE_TIMEZONE)
  .option('--save-scenario <file>', 'write the generated scenario to this file')
  .option('--require-user-id', 'require a signed userId header (0x02401010 otherwise)', false)
  .option('--require-event-type-or-person-name', 'door/events needs eventType or personName (0x00072001 otherwise)', false)
  .option('--push-interval <ms>', 'deliver pushes every <ms> of wall time', wholeNumber('--push-interval'), 1000)
  .option('--repush-every <ms>', 're-push each event with a new eventId this often (like a real site: 95000)', wholeNumber('--repush-every'))
  .option('--repush-for <ms>', '…for this long after its first push', wholeNumber('--repush-for'))
  .option('--insecure-push', 'do not verify https push receivers', false)
  .option('--ca-out <file>', 'where to write the CA certificate clients must trust', join(tmpdir(), 'hik2humand-hikcentral-sim-ca.pem'))
  .option('--log-level <level>', 'log level', 'info');

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<{
    appKey: string;
    appSecret?: string;
    host: string;
    port: number;
    httpPort?: number;
    allowPlainHttp: boolean;
    scenario?: string;
    generateEmployees?: number;
    seed: number;
    date?: string;
    timezone: string;
    saveScenario?: string;
    requireUserId: boolean;
    requireEventTypeOrPersonName: boolean;
    pushInterval: number;
    repushEvery?: number;
    repushFor?: number;
    insecurePush: boolean;
    caOut: string;
    logLevel: string;
  }>();
  const appSecret = opts.appSecret ?? process.env.HIK_SIM_APP_SECRET;
  if (!appSecret) throw new Error('error: give --app-secret or set HIK_SIM_APP_SECRET');
  if (opts.scenario && opts.generateEmployees !== undefined) throw new Error('error: give either --scenario or --generate-employees, not both');
  if (!IANAZone.isValidZone(opts.timezone)) throw new Error(`error: --timezone "${opts.timezone}" is not an IANA timezone`);

  let scenario: HikScenario | undefined;
  let summary = 'no persons, doors or events (add them in code, or use --scenario / --generate-employees)';
  if (opts.scenario) {
    scenario = await loadScenarioFile(resolve(opts.scenario));
    summary = `scenario ${opts.scenario}`;
  } else if (opts.generateEmployees !== undefined) {
    const date = opts.date ?? DateTime.now().setZone(opts.timezone).toISODate() ?? '';
    const day = generateWorkingDay({ date, timezone: opts.timezone, employees: opts.generateEmployees, seed: opts.seed });
    scenario = day.scenario;
    summary = `generated ${date} (${opts.timezone}), seed ${opts.seed}; events appear as the clock reaches their arrival time`;
    if (opts.saveScenario) await saveScenarioFile(resolve(opts.saveScenario), scenario);
  }

  const logger = createLogger({ level: opts.logLevel });
  const sim = await startHikCentralSimulator({
    appKey: opts.appKey,
    appSecret,
    host: opts.host,
    httpsPort: opts.port,
    ...(opts.httpPort === undefined ? {} : { http: true, httpPort: opts.httpPort }),
    allowPlainHttp: opts.allowPlainHttp,
    requireUserIdHeader: opts.requireUserId,
    requireEventTypeOrPersonName: opts.requireEventTypeOrPersonName,
    ...(scenario === undefined ? {} : { scenario }),
    push: {
      intervalMs: opts.pushInterval,
      rejectUnauthorized: !opts.insecurePush,
      ...(opts.repushEvery === undefined ? {} : { repushEveryMs: opts.repushEvery }),
      ...(opts.repushFor === undefined ? {} : { repushForMs: opts.repushFor }),
    },
    logger,
  });
  await writeFile(opts.caOut, sim.caPem, 'utf8');
  const persons = sim.state.listPersons().length;
  const events = sim.state.listEvents().length;
  process.stdout.write(
    [
      `HikCentral simulator listening on ${sim.httpsUrl}`,
      ...(sim.httpUrl ? [`plain HTTP on ${sim.httpUrl}${opts.allowPlainHttp ? '' : ' (answers 0x0240103c)'}`] : []),
      `CA certificate: ${opts.caOut}`,
      `app key: ${opts.appKey}`,
      `site: ${persons} persons, ${sim.state.listDoors().length} doors, ${events} events — ${summary}`,
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping HikCentral simulator');
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
