import type { AppConfig } from '../config/types.js';
import { configurationWarnings } from '../config/warnings.js';
import type { RateLimitInfo } from '../domain/humand.js';
import type { UnreadableInputLog } from '../ingest-guard/unreadable-inputs.js';
import type { IsapiPolling } from '../isapi/polling.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { DeliveryEngine, PauseState } from '../pipeline/delivery/engine.js';
import type { RateBudget } from '../pipeline/delivery/rate-budget.js';
import { findOpenDays, OPEN_DAYS_LOOKBACK_MS } from '../pipeline/open-days.js';
import { POLL_CURSOR } from '../pipeline/poller.js';
import { META_KEYS } from '../store/meta-keys.js';
import { AWAITING_DELIVERY } from '../store/punch.js';
import type { HumandReachability } from './humand-health.js';
import { META, readJson, readNumber } from './ops-meta.js';
import type { ServiceHeartbeat, StatusReport } from './types.js';

/** What the status report is made of: the App's parts and what this process has seen. */
export interface StatusSources {
  readonly config: AppConfig;
  readonly context: PipelineContext;
  readonly startedMs: number;
  readonly engine: DeliveryEngine | null;
  readonly budget: RateBudget;
  readonly polls: boolean;
  readonly isapi: IsapiPolling | null;
  readonly unreadable: UnreadableInputLog;
  /** The last rate-limit answer this process saw (else the one saved in the ledger). */
  readonly lastRateLimit: RateLimitInfo | null;
  readonly humand: () => Promise<HumandReachability | null>;
}

/** The whole state a person or a monitor reads: from this process and from the ledger (another process's service). */
export async function buildStatusReport(sources: StatusSources): Promise<StatusReport> {
  const { config, context, engine } = sources;
  const { store, clock } = context;
  const lastAttemptMs = await readNumber(store, META.pollLastAttempt);
  const pause = engine?.pauseState ?? (await readJson<PauseState | null>(store, META_KEYS.deliveryPaused, null));
  return {
    startedMs: sources.startedMs,
    mode: config.mode,
    dryRun: config.dryRun,
    timezone: config.siteTimezone,
    delivery:
      engine === null
        ? { state: 'stopped', reason: 'Humand is not configured (HUMAND_AUTH)', hint: 'set HUMAND_AUTH and HUMAND_BASE_URL', sinceMs: null }
        : pause !== null
          ? { state: 'paused', reason: pause.reason, hint: pause.hint, sinceMs: pause.sinceMs }
          : { state: config.dryRun ? 'dry-run' : 'running', reason: null, hint: null, sinceMs: null },
    rateLimit: sources.lastRateLimit ?? (await readJson<RateLimitInfo | null>(store, META.lastRateLimit, null)),
    assumedRateLimit: { limit: config.delivery.assumedRateLimit, windowSeconds: config.delivery.assumedRateWindowMs / 1000 },
    budget: sources.budget.snapshot(),
    poll: {
      // Polled by this process, or by the service on this ledger (`status` beside a running demo or `run`).
      enabled: sources.polls || sources.isapi !== null || lastAttemptMs !== null,
      lastAttemptMs,
      lastSuccessMs: await readNumber(store, META.pollLastSuccess),
      lastError: await store.getMeta(META.pollLastError),
      cursorMs: await store.getCursor(POLL_CURSOR),
    },
    ...(sources.isapi !== null ? { terminals: await sources.isapi.statuses() } : {}),
    lastPushMs: await readNumber(store, META.lastPush),
    lastEventMs: await readNumber(store, META.lastEvent),
    recentErrors: await readJson(store, META.recentErrors, []),
    counts: await store.countsByOutcome(),
    oldestPendingEventMs: await store.oldestEventMs(AWAITING_DELIVERY),
    oldestPendingReceivedMs: await store.oldestReceivedMs(AWAITING_DELIVERY),
    unreadableInputs: await sources.unreadable.summary().then(({ total, lastMs }) => ({ total, lastMs })),
    warnings: configurationWarnings(config),
    openDays: await findOpenDays(store, clock.now() - OPEN_DAYS_LOOKBACK_MS, clock.now(), config.rules.maxOpenShiftMs),
    service: await readJson<ServiceHeartbeat | null>(store, META.serviceHeartbeat, null),
    deliveryLease: (await store.deliveryLeaseHolder?.()) ?? null,
    humand: engine === null ? null : await sources.humand(),
  };
}
