import type { AppConfig } from '../config/types.js';
import type { AccessEvent, EventSource } from '../domain/access-event.js';
import { ConfigurationError } from '../domain/errors.js';
import type { HikCentralClient } from '../hikcentral/client.js';
import type { UnreadableInputSummary } from '../ingest-guard/unreadable-inputs.js';
import type { PipelineContext } from '../pipeline/context.js';
import { NO_EVALUATION, type EvaluationSummary } from '../pipeline/evaluator.js';
import { NO_MAPPING_REFRESH, type MappingRefresh } from '../pipeline/mapping-directory.js';
import { reprocess, type ReprocessResult } from '../pipeline/reprocess.js';
import { META_KEYS } from '../store/meta-keys.js';
import type { PunchQuery } from '../store/punch.js';
import type { AppParts } from './app-parts.js';
import { runBackfill } from './backfill-run.js';
import { computeCoverage } from './coverage.js';
import { DeliveryDrain, type DrainResult } from './delivery-drain.js';
import { PunchDesk } from './punch-desk.js';
import { runDaemonLoop } from './daemon-loop.js';
import { takeOverDryRun } from './dry-run-takeover.js';
import { HumandObserver } from './humand-observer.js';
import { META, noteRecentError } from './ops-meta.js';
import { SourceReader } from './read-sources.js';
import { reconsiderAfterRuleChange } from './rule-change.js';
import { logStarting, logStartState } from './start-report.js';
import { buildStatusReport } from './status-report.js';
import { summariseSyncPass, type PassResult } from './sync-pass.js';
import type { App, AppIngestResult, BackfillOptions, BackfillSummary, MappingCoverage, PunchView, StatusReport, SyncOptions, SyncSummary } from './types.js';

/** The App: the pipeline's parts put to work for the CLI, the service and the dashboard. */
export class Application implements App {
  readonly store;
  readonly hikCentral: HikCentralClient | null;
  private readonly startedMs: number;
  private evaluation: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly background = new Set<Promise<unknown>>();
  private readonly humand: HumandObserver;
  private readonly sources: SourceReader;
  private readonly desk: PunchDesk;
  private readonly delivery: DeliveryDrain;
  private rulesChecked = false;

  constructor(
    readonly config: AppConfig,
    private readonly context: PipelineContext,
    private readonly parts: AppParts,
  ) {
    this.store = context.store;
    this.hikCentral = parts.hikCentral;
    this.startedMs = context.clock.now();
    this.sources = new SourceReader(context, parts.poller, parts.isapi);
    this.delivery = new DeliveryDrain(parts.engine, context.clock);
    this.desk = new PunchDesk(context, () => parts.engine?.wake());
    this.humand = new HumandObserver(context, (work) => this.track(work));
  }

  start(): void {
    logStarting(this.context.logger, this.config, {
      polls: this.parts.poller !== null,
      delivers: this.parts.engine !== null,
      budget: this.parts.budget.snapshot(),
    });
  }

  /** Before real delivery starts (sync, daemon, backfill that delivers, deliverPending): what a dry run only logged is delivered now. */
  private async prepareToDeliver(): Promise<void> {
    if (!this.config.dryRun && this.parts.engine !== null) await takeOverDryRun(this.context);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.background.add(promise);
    void promise.finally(() => this.background.delete(promise)).catch(() => undefined);
    return promise;
  }

  /**
   * Evaluations never overlap: each waits for the previous one. Parked (unmapped) punches are
   * decided again when the mapping inputs changed, with their person's next punch, or — with
   * `recheckUnmapped` — because a person asked for a refresh.
   */
  private evaluate(recheckUnmapped = false): Promise<EvaluationSummary> {
    const evaluator = this.parts.evaluator;
    if (evaluator === null) return Promise.resolve(NO_EVALUATION);
    return this.oneAtATime(() => evaluator.evaluate({ recheckUnmapped }));
  }

  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.evaluation.then(work);
    this.evaluation = run.catch(() => undefined);
    return run;
  }

  private async refreshMappingsIfStale(force: boolean, signal?: AbortSignal): Promise<MappingRefresh> {
    const { mappings, engine } = this.parts;
    if (mappings === null || engine === null) return NO_MAPPING_REFRESH;
    const refresh = await mappings.refresh({ force, ...(signal ? { signal } : {}) });
    if (refresh.authFailure !== null) {
      await engine.reportAuthFailure(refresh.authFailure.reason, refresh.authFailure.hint);
      await noteRecentError(this.store, this.context.clock.now(), new Error(refresh.authFailure.reason), refresh.authFailure.reason);
    } else if (refresh.humandReachable) {
      await engine.reportAuthWorks();
    }
    return refresh;
  }

  private async pollPass(signal?: AbortSignal, skipPoll = false): Promise<PassResult> {
    const mappings = await this.refreshMappingsIfStale(false, signal);
    const read = skipPoll ? { poll: null, pollError: null } : await this.sources.read(signal);
    const evaluation = await this.evaluate();
    return { ...read, mappings, evaluation };
  }

  private async reconsiderRulesOnce(): Promise<void> {
    if (this.rulesChecked || this.parts.evaluator === null) return;
    this.rulesChecked = true;
    await reconsiderAfterRuleChange(this.context, this.config, (range) => this.reprocess(range));
  }

  private summarise(startedMs: number, pass: PassResult, delivery: DrainResult, withOutstanding: boolean): Promise<SyncSummary> {
    return summariseSyncPass(this.context, {
      startedMs,
      dryRun: this.config.dryRun,
      pass,
      delivery,
      readsTerminals: this.parts.isapi !== null,
      deliveryConfigured: this.parts.engine !== null,
      withOutstanding,
    });
  }

  async syncOnce(options: SyncOptions = {}): Promise<SyncSummary> {
    const startedMs = this.context.clock.now();
    await this.prepareToDeliver();
    await this.reconsiderRulesOnce();
    const pass = await this.pollPass(options.signal, options.skipPoll ?? false);
    const delivery = await this.delivery.drain(options.deliverForMs ?? this.config.delivery.syncMaxDeliveryMs, options.signal);
    return this.summarise(startedMs, pass, delivery, true);
  }

  async reprocess(range: { readonly from: string; readonly to: string; readonly dryRun: boolean }): Promise<ReprocessResult> {
    const evaluator = this.parts.evaluator;
    if (evaluator === null)
      throw new ConfigurationError('Humand is not configured (HUMAND_AUTH): punches cannot be decided', { hint: 'set HUMAND_AUTH and HUMAND_BASE_URL' });
    const result = await this.oneAtATime(() => reprocess(this.context, evaluator, range));
    if (!range.dryRun) this.parts.engine?.wake();
    return result;
  }

  async runDaemon(options: { readonly signal: AbortSignal; readonly onPass?: (summary: SyncSummary) => void }): Promise<void> {
    const engine = this.parts.engine;
    await this.prepareToDeliver();
    await this.reconsiderRulesOnce();
    if (engine !== null) logStartState(this.context.logger, await this.store.countsByOutcome());
    await this.delivery.continuously(() =>
      runDaemonLoop(
        {
          context: this.context,
          engine,
          intervalMs: this.config.poll.intervalMs,
          pass: async (signal) => {
            const startedMs = this.context.clock.now();
            const pass = await this.pollPass(signal);
            engine?.wake();
            if (options.onPass) options.onPass(await this.summarise(startedMs, pass, { steps: 0, paused: engine?.pauseState ?? null }, false));
          },
        },
        options.signal,
      ),
    );
  }

  backfill(options: BackfillOptions): Promise<BackfillSummary> {
    return runBackfill(
      {
        context: this.context,
        poller: this.parts.poller,
        engine: this.parts.engine,
        defaultDeliverForMs: this.config.delivery.syncMaxDeliveryMs,
        prepareToDeliver: () => this.prepareToDeliver(),
        refreshMappings: (signal) => this.refreshMappingsIfStale(false, signal),
        evaluate: () => this.evaluate(),
        drain: (deliverForMs, signal) => this.delivery.drain(deliverForMs, signal),
      },
      options,
    );
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

  status(): Promise<StatusReport> {
    return buildStatusReport({
      config: this.config,
      context: this.context,
      startedMs: this.startedMs,
      engine: this.parts.engine,
      budget: this.parts.budget,
      polls: this.parts.poller !== null,
      isapi: this.parts.isapi,
      unreadable: this.parts.unreadable,
      lastRateLimit: this.humand.lastRateLimit,
      humand: () => this.humand.reachability(),
    });
  }

  punches(query: PunchQuery = {}): Promise<PunchView[]> {
    return this.desk.punches(query);
  }

  get deadLetters(): App['deadLetters'] {
    return this.desk.deadLetters;
  }

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

  async deliverPending(options: { readonly signal?: AbortSignal; readonly deliverForMs?: number } = {}): Promise<DrainResult> {
    await this.prepareToDeliver();
    await this.evaluate();
    return this.delivery.drain(options.deliverForMs ?? this.config.delivery.syncMaxDeliveryMs, options.signal);
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
    this.humand.close();
    const clients = await Promise.allSettled(this.parts.ownedClients.map((client) => client.close()));
    for (const result of clients) if (result.status === 'rejected') this.context.logger.warn({ err: result.reason }, 'closing an HTTP client failed');
    await this.store.close();
  }
}
