import { systemClock } from '../domain/clock.js';
import type { RateLimitInfo } from '../domain/humand.js';
import type { AccessEventSourcePort, PersonDirectoryPort, TimeTrackingPort } from '../domain/ports.js';
import { HikCentralClient } from '../hikcentral/client.js';
import { HumandClient } from '../humand/client.js';
import { DEFAULT_INPUT_LIMITS } from '../ingest-guard/limits.js';
import { UnreadableInputLog } from '../ingest-guard/unreadable-inputs.js';
import { createIsapiPolling } from '../isapi/app-hook.js';
import { withTerminalPersons } from '../isapi/terminal-persons.js';
import type { PipelineContext } from '../pipeline/context.js';
import { Deliverer } from '../pipeline/delivery/deliverer.js';
import { DeliveryEngine } from '../pipeline/delivery/engine.js';
import { HumandGateway } from '../pipeline/delivery/humand-gateway.js';
import { RateBudget } from '../pipeline/delivery/rate-budget.js';
import { Evaluator } from '../pipeline/evaluator.js';
import { PipelineEvents } from '../pipeline/events.js';
import { Ingestor } from '../pipeline/ingestor.js';
import { MappingDirectory } from '../pipeline/mapping-directory.js';
import { Poller } from '../pipeline/poller.js';
import { openLedgerStore } from '../store/open-store.js';
import { Application } from './application.js';
import { withOverrides } from './config-overrides.js';
import { META, readJson } from './ops-meta.js';
import type { App, CreateAppOptions } from './types.js';

/**
 * The composition root: builds the store, the HikCentral and Humand clients (or takes the
 * ports given in `overrides`), and the pipeline, and hands them to the App.
 */
export async function createApp(options: CreateAppOptions): Promise<App> {
  const overrides = options.overrides ?? {};
  const config = withOverrides(options.config, overrides);
  const clock = overrides.clock ?? systemClock;
  const logger = options.logger;
  const store =
    overrides.store ??
    (await openLedgerStore(config, { onIdleError: (error) => logger.warn({ err: error }, 'a pooled ledger connection broke; the next query reconnects') }));

  const needsHikCentral = overrides.eventSource === undefined || overrides.personDirectory === undefined;
  const hikCentral = needsHikCentral && config.hik !== null ? HikCentralClient.fromConfig(config.hik, { logger, clock, timeZone: config.siteTimezone }) : null;
  const eventSource: AccessEventSourcePort | null = overrides.eventSource ?? hikCentral;
  const personDirectory: PersonDirectoryPort | null = overrides.personDirectory ?? hikCentral;
  const humandClient = overrides.timeTracking !== undefined || config.humand === null ? null : HumandClient.fromConfig(config.humand, { logger, clock });
  const timeTracking: TimeTrackingPort | null = overrides.timeTracking ?? humandClient;

  const events = new PipelineEvents();
  const context: PipelineContext = { store, clock, logger, events, rules: config.rules, siteTimezone: config.siteTimezone, dryRun: config.dryRun };
  const budget = new RateBudget({
    clock,
    limit: config.delivery.assumedRateLimit,
    windowMs: config.delivery.assumedRateWindowMs,
    // A restart inside a busy window must not spend that window again (issue #14 item 7).
    lastAnswer: await readJson<RateLimitInfo | null>(store, META.lastRateLimit, null),
    unsavedReserve: config.delivery.concurrency + 1,
    ...(overrides.rateResetMarginMs !== undefined ? { resetMarginMs: overrides.rateResetMarginMs } : {}),
  });
  const gateway = timeTracking === null ? null : new HumandGateway(timeTracking, budget, events);
  const directory = config.isapi ? withTerminalPersons(personDirectory) : personDirectory;
  const mappings = gateway === null ? null : new MappingDirectory(context, directory, gateway, config.poll);
  const evaluator = mappings === null ? null : new Evaluator(context, mappings);
  const engine = gateway === null ? null : new DeliveryEngine(context, new Deliverer(context, gateway, config.delivery, overrides.random), config.delivery);
  const unreadable = new UnreadableInputLog(store, clock, logger);
  const limits = { ...DEFAULT_INPUT_LIMITS, maxEventAgeMs: config.maxEventAgeMs ?? DEFAULT_INPUT_LIMITS.maxEventAgeMs };
  const ingestor = new Ingestor(context, { limits, unreadable });
  const poller = eventSource === null ? null : new Poller(context, eventSource, ingestor, config.poll, config.poll.doorIndexCodes);
  const isapi = createIsapiPolling(config, store, ingestor, clock, logger);
  // Closed with the App; what was injected through overrides belongs to the caller.
  const ownedClients = [hikCentral, humandClient, isapi].filter((client) => client !== null);

  const app = new Application(config, context, { budget, mappings, evaluator, engine, ingestor, poller, isapi, hikCentral, ownedClients, unreadable });
  app.start();
  return app;
}
