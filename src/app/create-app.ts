import { META_KEYS } from '../store/meta-keys.js';
import os from 'node:os';
import { systemClock } from '../domain/clock.js';
import { ConfigurationError, isAppError } from '../domain/errors.js';
import { DateTime } from 'luxon';
import type { AccessEvent, EventSource } from '../domain/access-event.js';
import type { AccessEventSourcePort, PersonDirectoryPort, TimeTrackingPort } from '../domain/ports.js';
import type { RateLimitInfo } from '../domain/humand.js';
import type { AppConfig, HikConnectionConfig, HumandConnectionConfig } from '../config/types.js';
import { HikCentralClient } from '../hikcentral/client.js';
import { HumandClient } from '../humand/client.js';
import { describeLedger, openLedgerStore } from '../store/open-store.js';
import { AWAITING_DELIVERY, type PunchOutcome, type PunchQuery } from '../store/punch.js';
import { markFixedInHumand, PROBLEM_OUTCOMES, redrive } from '../pipeline/problems.js';
import { reprocess, RULES_DIGEST_META, rulesDigest, type ReprocessResult } from '../pipeline/reprocess.js';
import { outstandingLine, outstandingProblems } from './outstanding.js';
import { findOpenDays, OPEN_DAYS_LOOKBACK_MS } from '../pipeline/open-days.js';
import type { PipelineContext } from '../pipeline/context.js';
import { PipelineEvents } from '../pipeline/events.js';
import { Evaluator, type EvaluationSummary } from '../pipeline/evaluator.js';
import { Ingestor } from '../pipeline/ingestor.js';
import { MappingDirectory, type MappingRefresh } from '../pipeline/mapping-directory.js';
import { Poller, POLL_CURSOR, type ScanSummary } from '../pipeline/poller.js';
import { Deliverer } from '../pipeline/delivery/deliverer.js';
import { DeliveryEngine, type PauseState } from '../pipeline/delivery/engine.js';
import { HumandGateway } from '../pipeline/delivery/humand-gateway.js';
import { RateBudget } from '../pipeline/delivery/rate-budget.js';
import { computeCoverage } from './coverage.js';
import { configurationWarnings } from '../config/warnings.js';
import { DEFAULT_INPUT_LIMITS } from '../ingest-guard/limits.js';
import { UnreadableInputLog, type UnreadableInputSummary } from '../ingest-guard/unreadable-inputs.js';
import { createIsapiPolling, withIsapiPass } from '../isapi/app-hook.js';
import { withTerminalPersons } from '../isapi/terminal-persons.js';
import type { IsapiPolling } from '../isapi/polling.js';
import { logStartState } from './start-report.js';
import { RepeatedLine } from '../logging/repeated-line.js';
import { HumandHealth, type HumandReachability } from './humand-health.js';
import { DeliveryAlongside, scanInSlices } from './backfill-slices.js';
import { HEARTBEAT_MS, META, pushRecentError, readJson, readNumber, saveRateLimit } from './ops-meta.js';
import type {
  App,
  AppIngestResult,
  BackfillOptions,
  BackfillSummary,
  CreateAppOptions,
  DeadLetterSelection,
  MappingCoverage,
  PunchView,
  ServiceHeartbeat,
  StatusReport,
  SyncOptions,
  SyncSummary,
} from './types.js';

/** After a change of rules, this far back is decided again (at least the poll look-back). */
const RECONSIDER_AFTER_CHANGE_MS = 48 * 3_600_000;

const NO_EVALUATION: EvaluationSummary = { evaluated: 0, queued: 0, ignored: 0, unmapped: 0, held: 0 };

/**
 * The composition root: builds the store, the HikCentral and Humand clients (or takes the
 * ports given in `overrides`), and the pipeline, and exposes the App API.
 */
export async function createApp(options: CreateAppOptions): Promise<App> {
  const base = options.config;
  const overrides = options.overrides ?? {};
  const config: AppConfig = {
    ...base,
    hik: mergeHik(base.hik, overrides.hik),
    humand: mergeHumand(base.humand, overrides.humand),
    dryRun: overrides.dryRun ?? base.dryRun,
    siteTimezone: overrides.siteTimezone ?? base.siteTimezone,
    rules: { ...base.rules, ...overrides.rules },
    delivery: { ...base.delivery, ...overrides.delivery },
    poll: { ...base.poll, ...overrides.poll },
  };
  const clock = overrides.clock ?? systemClock;
  const logger = options.logger;
  const store =
    overrides.store ??
    (await openLedgerStore(config, { onIdleError: (error) => logger.warn({ err: error }, 'a pooled ledger connection broke; the next query reconnects') }));

  let hikClient: HikCentralClient | null = null;
  if ((overrides.eventSource === undefined || overrides.personDirectory === undefined) && config.hik !== null) {
    hikClient = new HikCentralClient({
      baseUrl: config.hik.baseUrl,
      appKey: config.hik.appKey,
      appSecret: config.hik.appSecret,
      ...(config.hik.userId !== null ? { userId: config.hik.userId } : {}),
      ...(config.hik.caCertPem !== null ? { caCertPem: config.hik.caCertPem } : {}),
      tlsInsecure: config.hik.tlsInsecure,
      connectTimeoutMs: config.hik.connectTimeoutMs,
      requestTimeoutMs: config.hik.requestTimeoutMs,
      logger,
      clock,
      timeZone: config.siteTimezone,
    });
  }
  const eventSource: AccessEventSourcePort | null = overrides.eventSource ?? hikClient;
  const personDirectory: PersonDirectoryPort | null = overrides.personDirectory ?? hikClient;
  const humandClient =
    overrides.timeTracking !== undefined || config.humand === null
      ? null
      : new HumandClient({
          baseUrl: config.humand.baseUrl,
          auth: config.humand.auth,
          requestTimeoutMs: config.humand.requestTimeoutMs,
          connectTimeoutMs: config.humand.connectTimeoutMs,
          logger,
          clock,
        });
  const timeTracking: TimeTrackingPort | null = overrides.timeTracking ?? humandClient;
  // Closed with the App; what was injected through overrides belongs to the caller.
  const ownedClients = [hikClient, humandClient].filter((client) => client !== null);

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
  const mappings =
    gateway === null ? null : new MappingDirectory(context, config.isapi ? withTerminalPersons(personDirectory) : personDirectory, gateway, config.poll);
  const evaluator = mappings === null ? null : new Evaluator(context, mappings);
  const engine = gateway === null ? null : new DeliveryEngine(context, new Deliverer(context, gateway, config.delivery, overrides.random), config.delivery);
  const unreadable = new UnreadableInputLog(store, clock, logger);
  const ingestor = new Ingestor(context, {
    limits: { ...DEFAULT_INPUT_LIMITS, maxEventAgeMs: config.maxEventAgeMs ?? DEFAULT_INPUT_LIMITS.maxEventAgeMs },
    unreadable,
  });
  const poller = eventSource === null ? null : new Poller(context, eventSource, ingestor, config.poll, config.poll.doorIndexCodes);
  const isapi = createIsapiPolling(config, store, ingestor, clock, logger);

  const app = new Application(config, context, {
    budget,
    mappings,
    evaluator,
    engine,
    ingestor,
    poller,
    isapi,
    ownedClients: [...ownedClients, ...(isapi ? [isapi] : [])],
    unreadable,
  });
  await app.start();
  return app;
}

function mergeHik(base: HikConnectionConfig | null, override: Partial<HikConnectionConfig> | undefined): HikConnectionConfig | null {
  if (override === undefined) return base;
  const merged = { ...(base ?? {}), ...override } as Partial<HikConnectionConfig>;
  if (!merged.baseUrl || !merged.appKey || !merged.appSecret) return base;
  return {
    baseUrl: merged.baseUrl,
    appKey: merged.appKey,
    appSecret: merged.appSecret,
    userId: merged.userId ?? null,
    caCertPath: merged.caCertPath ?? null,
    caCertPem: merged.caCertPem ?? null,
    tlsInsecure: merged.tlsInsecure ?? false,
    requestTimeoutMs: merged.requestTimeoutMs ?? 30_000,
    connectTimeoutMs: merged.connectTimeoutMs ?? 10_000,
  };
}

function mergeHumand(base: HumandConnectionConfig | null, override: Partial<HumandConnectionConfig> | undefined): HumandConnectionConfig | null {
  if (override === undefined) return base;
  const merged = { ...(base ?? {}), ...override } as Partial<HumandConnectionConfig>;
  if (!merged.baseUrl || !merged.auth) return base;
  return {
    baseUrl: merged.baseUrl,
    auth: merged.auth,
    requestTimeoutMs: merged.requestTimeoutMs ?? 15_000,
    connectTimeoutMs: merged.connectTimeoutMs ?? 5_000,
  };
}

interface Parts {
  readonly budget: RateBudget;
  readonly mappings: MappingDirectory | null;
  readonly evaluator: Evaluator | null;
  readonly engine: DeliveryEngine | null;
  readonly ingestor: Ingestor;
  readonly poller: Poller | null;
  /** Hikvision terminals read directly (ISAPI), beside or instead of HikCentral. */
  readonly isapi: IsapiPolling | null;
  /** HTTP clients this App created (their connection pools), closed by close(). */
  readonly ownedClients: readonly { close(): Promise<void> }[];
  readonly unreadable: UnreadableInputLog;
}

class Application implements App {
  readonly store;
  private readonly startedMs: number;
  private evaluation: Promise<unknown> = Promise.resolve();
  private draining = false;
  private closed = false;
  private readonly background = new Set<Promise<unknown>>();
  private lastRateLimit: RateLimitInfo | null = null;
  private readonly humandHealth: HumandHealth;
  private readonly pollFailures = new RepeatedLine();
  private rulesChecked = false;
  private unsubscribeMeta: () => void;

  constructor(
    readonly config: AppConfig,
    private readonly context: PipelineContext,
    private readonly parts: Parts,
  ) {
    this.store = context.store;
    this.startedMs = context.clock.now();
    this.humandHealth = new HumandHealth(context.store);
    this.unsubscribeMeta = context.events.subscribe((event) => {
      if (event.type === 'humand-response' && event.rateLimit !== null) {
        this.lastRateLimit = event.rateLimit;
        this.track(saveRateLimit(this.store, event.rateLimit).catch(() => undefined));
      }
      if (event.type === 'humand-response') {
        const unanswered = event.result === 'transient' && (event.status === null || event.status >= 500);
        this.track(this.humandHealth.observe(!unanswered, event.message ?? null, this.context.clock.now()).catch(() => undefined));
      }
    });
  }

  async start(): Promise<void> {
    this.context.logger.info(
      {
        mode: this.config.mode,
        dryRun: this.config.dryRun,
        siteTimezone: this.config.siteTimezone,
        database: describeLedger(this.config),
        hik: this.parts.poller !== null,
        humand: this.parts.engine !== null,
        // What the rate budget starts from (the last RateLimit answer saved by a previous process).
        budget: (({ remaining, resetAtMs, probing }) => ({ remaining, resetAtMs, probing }))(this.parts.budget.snapshot()),
      },
      'hik2humand starting',
    );
  }

  /**
   * A real run delivers what an earlier dry run only logged: called where real delivery starts
   * (sync, daemon, backfill that delivers, deliverPending), never on open, so a read-only
   * `status` of a dry-run ledger leaves it as it was.
   */
  private async takeOverDryRun(): Promise<void> {
    if (this.config.dryRun || this.parts.engine === null) return;
    const dry = await this.store.listByOutcome(['dry-run']);
    if (dry.length === 0) return;
    // Guarded: an instance sharing the ledger may have taken one of them over already.
    await this.store.updatePunches(
      dry.map((p) => ({ id: p.id, outcome: 'received' as const, reason: null, request: null, entryType: null, expectedOutcome: 'dry-run' as const })),
      this.context.clock.now(),
    );
    this.context.logger.info({ punches: dry.length }, 'punches from an earlier dry run will now be delivered');
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.background.add(promise);
    void promise.finally(() => this.background.delete(promise)).catch(() => undefined);
    return promise;
  }

  private async noteError(error: unknown, fallbackMessage: string): Promise<void> {
    const message = error instanceof Error ? error.message : fallbackMessage;
    await pushRecentError(this.store, {
      atMs: this.context.clock.now(),
      message,
      hint: isAppError(error) ? (error.hint ?? null) : null,
      code: isAppError(error) ? (error.code ?? null) : null,
    }).catch(() => undefined);
  }

  /**
   * Evaluations never overlap: each waits for the previous one. Parked (unmapped) punches are
   * decided again when the mapping inputs changed, with their person's next punch, or — with
   * `recheckUnmapped` — because a person asked for a refresh.
   */
  private evaluate(recheckUnmapped = false): Promise<EvaluationSummary> {
    const evaluator = this.parts.evaluator;
    if (evaluator === null) return Promise.resolve(NO_EVALUATION);
    const run = this.evaluation.then(() => evaluator.evaluate({ recheckUnmapped }));
    this.evaluation = run.catch(() => undefined);
    return run;
  }

  private async refreshMappingsIfStale(force: boolean, signal?: AbortSignal): Promise<MappingRefresh> {
    const empty: MappingRefresh = {
      persons: null,
      users: null,
      activeUsers: null,
      csvEntries: null,
      changed: false,
      problems: [],
      authFailure: null,
      humandReachable: false,
    };
    const { mappings, engine } = this.parts;
    if (mappings === null || engine === null) return empty;
    const refresh = await mappings.refresh({ force, ...(signal ? { signal } : {}) });
    if (refresh.authFailure !== null) {
      await engine.reportAuthFailure(refresh.authFailure.reason, refresh.authFailure.hint);
      await this.noteError(new Error(refresh.authFailure.reason), refresh.authFailure.reason);
    } else if (refresh.humandReachable) {
      await engine.reportAuthWorks();
    }
    return refresh;
  }

  private async pollPass(
    signal?: AbortSignal,
    skipPoll = false,
  ): Promise<{ poll: ScanSummary | null; pollError: string | null; mappings: MappingRefresh; evaluation: EvaluationSummary }> {
    const mappings = await this.refreshMappingsIfStale(false, signal);
    let poll: ScanSummary | null = null;
    let pollError: string | null = null;
    if (this.parts.poller !== null && !skipPoll) {
      const now = this.context.clock.now();
      await this.store.setMeta(META.pollLastAttempt, String(now));
      try {
        poll = await this.parts.poller.pollOnce(signal);
        await this.store.setMeta(META.pollLastSuccess, String(this.context.clock.now()));
        await this.store.setMeta(META.pollLastError, null);
        const ended = this.pollFailures.end();
        if (ended !== null)
          this.context.logger.info({ failedPolls: ended.count, sinceMs: ended.sinceMs }, `polling HikCentral works again after ${ended.count} failed poll(s)`);
        this.context.events.emit({ type: 'poll-completed', ok: true, events: poll.events, fresh: poll.fresh, error: null });
      } catch (error) {
        pollError = error instanceof Error ? error.message : String(error);
        const repeat = this.pollFailures.note(pollError, this.context.clock.now());
        const repeated = repeat.count > 1 ? { repeated: repeat.count, sinceMs: repeat.sinceMs } : {};
        this.context.logger[repeat.log ? 'error' : 'debug'](
          { err: error, hint: isAppError(error) ? error.hint : undefined, ...repeated },
          repeat.count > 1 ? `poll failed again (${repeat.count} in a row); the cursor stays where it was` : 'poll failed; the cursor stays where it was',
        );
        await this.store.setMeta(META.pollLastError, pollError).catch(() => undefined);
        await this.noteError(error, 'poll failed');
        this.context.events.emit({ type: 'poll-completed', ok: false, events: 0, fresh: 0, error: pollError });
      }
    }
    if (this.parts.isapi !== null && !skipPoll) {
      if (this.parts.poller === null) await this.store.setMeta(META.pollLastAttempt, String(this.context.clock.now()));
      const pass = await this.parts.isapi.pollAll(signal);
      ({ poll, pollError } = withIsapiPass(poll, pollError, pass));
      await this.store.setMeta(pollError === null ? META.pollLastSuccess : META.pollLastError, pollError ?? String(this.context.clock.now()));
      for (const error of pass.errors) await this.noteError(new Error(error), error);
      this.context.events.emit({
        type: 'poll-completed',
        ok: pass.errors.length === 0,
        events: pass.scan.events,
        fresh: pass.scan.fresh,
        error: pass.errors.join('; ') || null,
      });
    }
    const evaluation = await this.evaluate();
    return { poll, pollError, mappings, evaluation };
  }

  /** Delivers until idle or the deadline; when a daemon is already delivering, only wakes it. */
  private async drain(deliverForMs: number, signal?: AbortSignal): Promise<{ steps: number; paused: PauseState | null }> {
    const engine = this.parts.engine;
    if (engine === null) return { steps: 0, paused: null };
    if (this.draining) {
      engine.wake();
      return { steps: 0, paused: engine.pauseState };
    }
    this.draining = true;
    try {
      engine.probeNow();
      const result = await engine.drain({ idleDeadlineMs: this.context.clock.now() + deliverForMs, stopWhenPaused: true, ...(signal ? { signal } : {}) });
      return { steps: result.processed, paused: result.paused };
    } finally {
      this.draining = false;
    }
  }

  async syncOnce(options: SyncOptions = {}): Promise<SyncSummary> {
    const startedMs = this.context.clock.now();
    await this.takeOverDryRun();
    await this.reconsiderAfterRuleChange();
    const pass = await this.pollPass(options.signal, options.skipPoll ?? false);
    const delivery = await this.drain(options.deliverForMs ?? this.config.delivery.syncMaxDeliveryMs, options.signal);
    const counts = await this.store.countsByOutcome();
    const pending = AWAITING_DELIVERY.reduce((sum, outcome) => sum + counts[outcome], 0);
    const attention: string[] = [];
    if (delivery.paused !== null) attention.push(`delivery paused: ${delivery.paused.reason} — ${delivery.paused.hint}`);
    if (this.parts.engine === null) attention.push('Humand is not configured (HUMAND_AUTH): nothing can be delivered');
    // With terminals too, the error names its source itself ("terminal entrada could not be reached…").
    if (pass.pollError !== null) attention.push(`${this.parts.isapi === null ? 'HikCentral' : 'events'} could not be read: ${pass.pollError}`);
    for (const problem of pass.mappings.problems) attention.push(problem);
    // Everything outstanding, not only what this pass found: a scheduled sync keeps saying so until a person acts.
    const outstanding = await outstandingProblems(this.store, counts);
    attention.push(...outstanding.map(outstandingLine));
    const summary: SyncSummary = {
      startedMs,
      finishedMs: this.context.clock.now(),
      dryRun: this.config.dryRun,
      poll: pass.poll,
      pollError: pass.pollError,
      mappings: pass.mappings,
      evaluation: pass.evaluation,
      deliverySteps: delivery.steps,
      paused: delivery.paused,
      counts,
      pending,
      attention,
      outstanding,
      readsTerminals: this.parts.isapi !== null,
      deliveryConfigured: this.parts.engine !== null,
      needsPerson: attention.length > 0,
    };
    this.context.logger.info(
      { poll: pass.poll, evaluation: pass.evaluation, deliverySteps: delivery.steps, pending, paused: delivery.paused?.reason, attention },
      'sync pass finished',
    );
    return summary;
  }

  /**
   * The time-clock or mapping rules changed since the ledger last saw them (a typo fixed, a clock
   * added): punches of the last days were decided under the old rules, so they are decided again.
   */
  private async reconsiderAfterRuleChange(): Promise<void> {
    if (this.rulesChecked || this.parts.evaluator === null) return;
    this.rulesChecked = true;
    const digest = rulesDigest(this.config.rules);
    const before = await this.store.getMeta(RULES_DIGEST_META);
    if (before !== null && before !== digest) {
      const now = this.context.clock.now();
      const spanMs = Math.max(this.config.poll.lookbackMs, RECONSIDER_AFTER_CHANGE_MS);
      const day = (ms: number) => DateTime.fromMillis(ms, { zone: this.config.siteTimezone }).toFormat('yyyy-MM-dd');
      const result = await this.reprocess({ from: day(now - spanMs), to: day(now), dryRun: this.config.dryRun });
      this.context.logger.warn(
        { from: result.from, to: result.to, considered: result.considered, changed: result.changes.length, nowQueued: result.nowQueued },
        `the time-clock or mapping rules changed: ${result.changes.length} punch(es) of the last days decided again, ${result.nowQueued} now go to Humand`,
      );
    }
    if (!this.config.dryRun && before !== digest) await this.store.setMeta(RULES_DIGEST_META, digest);
  }

  async reprocess(range: { readonly from: string; readonly to: string; readonly dryRun: boolean }): Promise<ReprocessResult> {
    const evaluator = this.parts.evaluator;
    if (evaluator === null)
      throw new ConfigurationError('Humand is not configured (HUMAND_AUTH): punches cannot be decided', { hint: 'set HUMAND_AUTH and HUMAND_BASE_URL' });
    // One at a time with every other evaluation.
    const run = this.evaluation.then(() => reprocess(this.context, evaluator, range));
    this.evaluation = run.catch(() => undefined);
    const result = await run;
    if (!range.dryRun) this.parts.engine?.wake();
    return result;
  }

  async runDaemon(options: { readonly signal: AbortSignal; readonly onPass?: (summary: SyncSummary) => void }): Promise<void> {
    const { signal } = options;
    const engine = this.parts.engine;
    await this.takeOverDryRun();
    await this.reconsiderAfterRuleChange();
    if (engine !== null) logStartState(this.context.logger, await this.store.countsByOutcome());
    this.draining = true;
    const delivering = engine === null ? Promise.resolve() : engine.drain({ signal }).then(() => undefined);
    const beating = this.heartbeat(signal);
    try {
      while (!signal.aborted) {
        const passStartedMs = this.context.clock.now();
        try {
          const pass = await this.pollPass(signal);
          engine?.wake();
          const counts = await this.store.countsByOutcome();
          const pending = AWAITING_DELIVERY.reduce((sum, outcome) => sum + counts[outcome], 0);
          options.onPass?.({
            startedMs: passStartedMs,
            finishedMs: this.context.clock.now(),
            dryRun: this.config.dryRun,
            ...pass,
            deliverySteps: 0,
            paused: engine?.pauseState ?? null,
            counts,
            pending,
            attention: [],
            outstanding: [],
            readsTerminals: this.parts.isapi !== null,
            deliveryConfigured: engine !== null,
            needsPerson: false,
          });
        } catch (error) {
          if (signal.aborted) break;
          this.context.logger.error({ err: error }, 'poll pass failed; trying again next interval');
          await this.noteError(error, 'poll pass failed');
        }
        try {
          await this.context.clock.sleep(this.config.poll.intervalMs, signal);
        } catch {
          break;
        }
      }
    } finally {
      await delivering;
      await beating;
      this.draining = false;
      this.context.logger.info('daemon stopped');
    }
  }

  /** Says in the ledger, every HEARTBEAT_MS until `signal`, that a service runs here; then that it stopped. */
  private async heartbeat(signal: AbortSignal): Promise<void> {
    const startedMs = this.context.clock.now();
    const beat = (stoppedMs: number | null) => {
      const heartbeat: ServiceHeartbeat = { host: os.hostname(), pid: process.pid, startedMs, lastSeenMs: this.context.clock.now(), stoppedMs };
      return this.store
        .setMeta(META.serviceHeartbeat, JSON.stringify(heartbeat))
        .catch((error: unknown) => this.context.logger.warn({ err: error }, 'could not write the service heartbeat'));
    };
    while (!signal.aborted) {
      await beat(null);
      try {
        await this.context.clock.sleep(HEARTBEAT_MS, signal);
      } catch {
        break;
      }
    }
    await beat(this.context.clock.now());
  }

  async backfill(options: BackfillOptions): Promise<BackfillSummary> {
    const poller = this.parts.poller;
    if (poller === null) throw new Error('HikCentral is not configured (HIKVISION_HOST): nothing to backfill from');
    if (options.deliver !== false) await this.takeOverDryRun();
    await this.refreshMappingsIfStale(false, options.signal);
    const deliverUntilMs = this.context.clock.now() + (options.deliverForMs ?? this.config.delivery.syncMaxDeliveryMs);
    // Delivery starts once the first day is read and decided, while later days are still read.
    const delivery = new DeliveryAlongside(() => this.drain(Math.max(0, deliverUntilMs - this.context.clock.now()), options.signal));
    const { scan, evaluation } = await scanInSlices(options.fromMs, options.toMs, {
      scan: (fromMs, toMs, onProgress) => poller.scan(fromMs, toMs, 'backfill', options.signal, onProgress),
      evaluate: () => this.evaluate(),
      deliverWhatIsDecided: () => {
        if (options.deliver === false) return;
        delivery.kick();
        this.parts.engine?.wake();
      },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    if (options.deliver === false)
      return { scan, evaluation, deliverySteps: 0, counts: await this.store.countsByOutcome(), paused: this.parts.engine?.pauseState ?? null };
    const { steps, paused } = await delivery.finish();
    return { scan, evaluation, deliverySteps: steps, counts: await this.store.countsByOutcome(), paused };
  }

  async ingest(events: readonly AccessEvent[], source: EventSource): Promise<AppIngestResult> {
    // Every webhook 200 waits for this: one commit holds the events and the bookkeeping.
    const bookkeeping = events.length > 0 && source === 'push' ? { [META.lastPush]: String(this.context.clock.now()) } : undefined;
    const result = await this.parts.ingestor.ingest(events, source, bookkeeping);
    if (result.newPunchIds.length > 0 && !this.closed) {
      // Decided and delivered in the background: the caller (a webhook) answers as soon as it is durable.
      this.track(
        this.evaluate()
          .then(() => this.parts.engine?.wake())
          .catch((error: unknown) => this.context.logger.error({ err: error }, 'evaluation after ingest failed; the next pass retries')),
      );
    }
    return { inserted: result.newPunchIds.length, duplicates: result.duplicates, newPunchIds: result.newPunchIds, refused: result.refused };
  }

  recordRejectedInput(raw: unknown, reason: string): Promise<void> {
    return this.parts.unreadable.record([{ raw, reason }], 'push');
  }

  recordRejectedInputs(inputs: readonly { readonly raw: unknown; readonly reason: string }[], source: string): Promise<void> {
    return this.parts.unreadable.record(inputs, source);
  }

  unreadableInputs(): Promise<UnreadableInputSummary> {
    return this.parts.unreadable.summary();
  }

  async status(): Promise<StatusReport> {
    const pause = this.parts.engine?.pauseState ?? (await readJson<PauseState | null>(this.store, META_KEYS.deliveryPaused, null));
    const counts = await this.store.countsByOutcome();
    return {
      startedMs: this.startedMs,
      mode: this.config.mode,
      dryRun: this.config.dryRun,
      timezone: this.config.siteTimezone,
      delivery:
        this.parts.engine === null
          ? { state: 'stopped', reason: 'Humand is not configured (HUMAND_AUTH)', hint: 'set HUMAND_AUTH and HUMAND_BASE_URL', sinceMs: null }
          : pause !== null
            ? { state: 'paused', reason: pause.reason, hint: pause.hint, sinceMs: pause.sinceMs }
            : { state: this.config.dryRun ? 'dry-run' : 'running', reason: null, hint: null, sinceMs: null },
      rateLimit: this.lastRateLimit ?? (await readJson<RateLimitInfo | null>(this.store, META.lastRateLimit, null)),
      assumedRateLimit: { limit: this.config.delivery.assumedRateLimit, windowSeconds: this.config.delivery.assumedRateWindowMs / 1000 },
      budget: this.parts.budget.snapshot(),
      poll: {
        enabled: this.parts.poller !== null || this.parts.isapi !== null,
        lastAttemptMs: await readNumber(this.store, META.pollLastAttempt),
        lastSuccessMs: await readNumber(this.store, META.pollLastSuccess),
        lastError: await this.store.getMeta(META.pollLastError),
        cursorMs: await this.store.getCursor(POLL_CURSOR),
      },
      ...(this.parts.isapi !== null ? { terminals: await this.parts.isapi.statuses() } : {}),
      lastPushMs: await readNumber(this.store, META.lastPush),
      lastEventMs: await readNumber(this.store, META.lastEvent),
      recentErrors: await readJson(this.store, META.recentErrors, []),
      counts,
      oldestPendingEventMs: await this.store.oldestEventMs(AWAITING_DELIVERY),
      oldestPendingReceivedMs: await this.store.oldestReceivedMs(AWAITING_DELIVERY),
      unreadableInputs: await this.parts.unreadable.summary().then(({ total, lastMs }) => ({ total, lastMs })),
      warnings: configurationWarnings(this.config),
      openDays: await findOpenDays(this.store, this.context.clock.now() - OPEN_DAYS_LOOKBACK_MS, this.context.clock.now(), this.config.rules.maxOpenShiftMs),
      service: await readJson<ServiceHeartbeat | null>(this.store, META.serviceHeartbeat, null),
      deliveryLease: (await this.store.deliveryLeaseHolder?.()) ?? null,
      humand: this.parts.engine === null ? null : await this.humandReachability(),
    };
  }

  /** This process's view once it has talked to Humand; before that, what the service saved. */
  private async humandReachability(): Promise<HumandReachability | null> {
    const own = this.humandHealth.current;
    if (own.lastOkMs !== null || own.failingSinceMs !== null) return own;
    return HumandHealth.saved(this.store);
  }

  async punches(query: PunchQuery = {}): Promise<PunchView[]> {
    const records = await this.store.findPunches(query);
    const attempts = await this.store.attemptsOfMany(records.map((record) => record.id));
    return records.map((record) => ({ ...record, history: attempts.get(record.id) ?? [] }));
  }

  private async problemPunches(selection: DeadLetterSelection, outcomes: readonly PunchOutcome[]) {
    if ('all' in selection)
      return this.store.listByOutcome(selection.outcomes === undefined ? outcomes : outcomes.filter((o) => selection.outcomes!.includes(o)));
    return (await this.store.findPunches({ ids: selection.ids, limit: selection.ids.length })).filter((p) => outcomes.includes(p.outcome));
  }

  readonly deadLetters = {
    list: (): Promise<PunchView[]> => this.punches({ outcome: PROBLEM_OUTCOMES, limit: 10_000 }),
    retry: async (selection: DeadLetterSelection): Promise<number> => {
      const count = await redrive(this.context, await this.problemPunches(selection, PROBLEM_OUTCOMES));
      this.parts.engine?.wake();
      return count;
    },
    markFixed: async (selection: DeadLetterSelection, by: string): Promise<number> => {
      const count = await markFixedInHumand(this.context, await this.problemPunches(selection, [...PROBLEM_OUTCOMES, 'waiting', 'unmapped']), by);
      this.parts.engine?.wake();
      return count;
    },
  };

  async refreshMappings(options: { readonly signal?: AbortSignal } = {}): Promise<MappingRefresh & { readonly evaluation: EvaluationSummary }> {
    const refresh = await this.refreshMappingsIfStale(true, options.signal);
    const evaluation = await this.evaluate(true);
    this.parts.engine?.wake();
    return { ...refresh, evaluation };
  }

  async mappingCoverage(): Promise<MappingCoverage> {
    return computeCoverage(await this.store.listPersons(), await this.store.listUsers(), this.config.rules.mapping, this.parts.mappings?.csvMap() ?? null, {
      personsRefreshedMs: await this.store.personsRefreshedAt(),
      usersRefreshedMs: await this.store.usersRefreshedAt(),
    });
  }

  async deliverPending(
    options: { readonly signal?: AbortSignal; readonly deliverForMs?: number } = {},
  ): Promise<{ readonly steps: number; readonly paused: PauseState | null }> {
    await this.takeOverDryRun();
    await this.evaluate();
    return this.drain(options.deliverForMs ?? this.config.delivery.syncMaxDeliveryMs, options.signal);
  }

  async resumeDelivery(): Promise<void> {
    await this.parts.engine?.resume();
  }

  async probeStoreWritable(): Promise<void> {
    await this.store.setMeta(META_KEYS.storeProbe, String(this.context.clock.now()));
  }

  subscribe(listener: Parameters<App['subscribe']>[0]): () => void {
    return this.context.events.subscribe(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.background]);
    this.parts.budget.close();
    this.unsubscribeMeta();
    const clients = await Promise.allSettled(this.parts.ownedClients.map((client) => client.close()));
    for (const result of clients) if (result.status === 'rejected') this.context.logger.warn({ err: result.reason }, 'closing an HTTP client failed');
    await this.store.close();
  }
}
