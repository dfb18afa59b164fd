import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { AWAITING_DELIVERY, PUNCH_OUTCOMES } from '../store/punch.js';
import type { OpsEvent, OpsStatus } from './data-source.js';

/**
 * The service's Prometheus metrics, in a registry of their own (several services in one
 * test process must not share counters). Counters are fed by live events; gauges are set
 * from a status read just before each scrape, so they are right after a restart too.
 */
export interface OpsMetrics {
  readonly registry: Registry;
  record(event: OpsEvent): void;
  observe(status: OpsStatus, nowMs: number): void;
  render(): Promise<string>;
  readonly contentType: string;
}

export interface OpsMetricsOptions {
  /** Also export Node process metrics (CPU, memory, event loop). Default true. */
  readonly processMetrics?: boolean;
}

export function createOpsMetrics(options: OpsMetricsOptions = {}): OpsMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'hik2humand_' });
  const registers = [registry];

  const eventsReceived = new Counter({
    name: 'hik2humand_events_received_total',
    help: 'Access events received, by source (poll, push, backfill) and outcome (new punch or duplicate copy).',
    labelNames: ['source', 'outcome'] as const,
    registers,
  });
  const punchOutcomes = new Counter({
    name: 'hik2humand_punch_outcomes_total',
    help: 'Punches reaching an outcome (delivered, rejected, dead, unmapped, debounced, ...), by source.',
    labelNames: ['source', 'outcome'] as const,
    registers,
  });
  const deliveries = new Counter({
    name: 'hik2humand_humand_requests_total',
    help: 'Requests to Humand by result (ok, rejected-by-rule, transient, rate-limited, unauthorised, forbidden, ...) and HTTP status.',
    labelNames: ['result', 'status'] as const,
    registers,
  });
  const polls = new Counter({
    name: 'hik2humand_polls_total',
    help: 'HikCentral polls by result.',
    labelNames: ['result'] as const,
    registers,
  });
  const punches = new Gauge({ name: 'hik2humand_punches', help: 'Punches in the ledger by current outcome.', labelNames: ['outcome'] as const, registers });
  const queueDepth = new Gauge({ name: 'hik2humand_queue_depth', help: 'Punches waiting for delivery to Humand (queued, held, sending).', registers });
  const oldestPending = new Gauge({
    name: 'hik2humand_oldest_pending_age_seconds',
    help: 'Age of the oldest punch still waiting for delivery (0 when none).',
    registers,
  });
  const oldestWait = new Gauge({
    name: 'hik2humand_oldest_pending_wait_seconds',
    help: 'How long the longest-waiting punch has waited since it was recorded (0 when none): the delivery delay, unlike the event age above.',
    registers,
  });
  const deadLetters = new Gauge({ name: 'hik2humand_dead_letters', help: 'Punches that gave up and need a person (outcome dead).', registers });
  const unmapped = new Gauge({ name: 'hik2humand_unmapped_punches', help: 'Punches waiting for a person-to-user mapping.', registers });
  const rateRemaining = new Gauge({
    name: 'hik2humand_humand_rate_limit_remaining',
    help: 'Requests left in the current Humand rate-limit window (last seen).',
    registers,
  });
  const rateLimit = new Gauge({
    name: 'hik2humand_humand_rate_limit_limit',
    help: 'Requests allowed per Humand rate-limit window (last seen, or assumed).',
    registers,
  });
  const leaseEpoch = new Gauge({
    name: 'hik2humand_delivery_lease_epoch',
    help: 'Fencing token of the delivery lease (grows on every takeover between instances); 0 when nobody holds it.',
    registers,
  });
  const takeoverWait = new Gauge({
    name: 'hik2humand_delivery_lease_takeover_wait_seconds',
    help: "How long the last takeover of the delivery lease waited after the previous holder's lease ran out (0 when it was handed over on a stop).",
    registers,
  });
  const paused = new Gauge({ name: 'hik2humand_delivery_paused', help: '1 while delivery is paused because Humand refuses the key (401/403).', registers });
  const pollLag = new Gauge({
    name: 'hik2humand_poll_lag_seconds',
    help: 'How far behind now the poll cursor is (events newer than this may not have been read).',
    registers,
  });
  const lastPollSuccess = new Gauge({ name: 'hik2humand_last_poll_success_timestamp_seconds', help: 'When the last poll succeeded (Unix time).', registers });
  const unreadable = new Gauge({
    name: 'hik2humand_unreadable_inputs',
    help: 'Inputs set aside as unreadable since the ledger was created (impossible times, malformed pushed events); never sent.',
    registers,
  });
  const lastEvent = new Gauge({
    name: 'hik2humand_last_event_received_timestamp_seconds',
    help: 'When the last access event was received (Unix time).',
    registers,
  });

  // Counters exist with zero for the common labels, so rate() works from the first scrape.
  for (const source of ['poll', 'push']) for (const outcome of ['new', 'duplicate']) eventsReceived.inc({ source, outcome }, 0);

  return {
    registry,
    contentType: registry.contentType,
    record(event) {
      switch (event.type) {
        case 'events-received':
          if (event.fresh > 0) eventsReceived.inc({ source: event.source, outcome: 'new' }, event.fresh);
          if (event.duplicates > 0) eventsReceived.inc({ source: event.source, outcome: 'duplicate' }, event.duplicates);
          break;
        case 'punch-outcome':
          punchOutcomes.inc({ source: event.source, outcome: event.outcome });
          break;
        case 'humand-response':
          deliveries.inc({ result: event.result, status: event.status === null ? 'none' : String(event.status) });
          if (event.rateLimit?.remaining != null) rateRemaining.set(event.rateLimit.remaining);
          if (event.rateLimit?.limit != null) rateLimit.set(event.rateLimit.limit);
          break;
        case 'poll-completed':
          polls.inc({ result: event.ok ? 'ok' : 'failed' });
          break;
        case 'delivery-paused':
          paused.set(1);
          break;
        case 'delivery-resumed':
          paused.set(0);
          break;
      }
    },
    observe(status, nowMs) {
      for (const outcome of PUNCH_OUTCOMES) punches.set({ outcome }, status.counts[outcome] ?? 0);
      queueDepth.set(AWAITING_DELIVERY.reduce((sum, outcome) => sum + (status.counts[outcome] ?? 0), 0));
      oldestPending.set(status.oldestPendingEventMs === null ? 0 : Math.max(0, (nowMs - status.oldestPendingEventMs) / 1000));
      const waitingSince = status.oldestPendingReceivedMs ?? status.oldestPendingEventMs;
      oldestWait.set(waitingSince === null ? 0 : Math.max(0, (nowMs - waitingSince) / 1000));
      deadLetters.set(status.counts.dead ?? 0);
      unmapped.set(status.counts.unmapped ?? 0);
      paused.set(status.delivery.state === 'paused' ? 1 : 0);
      leaseEpoch.set(status.deliveryLease?.epoch ?? 0);
      const previous = status.deliveryLease?.previousHolder ?? null;
      if (status.deliveryLease && previous !== null)
        takeoverWait.set(previous.expiredMs === null ? 0 : Math.max(0, (status.deliveryLease.acquiredMs - previous.expiredMs) / 1000));
      rateLimit.set(status.rateLimit?.limit ?? status.assumedRateLimit.limit);
      if (status.rateLimit?.remaining != null) rateRemaining.set(status.rateLimit.remaining);
      if (status.poll.enabled && status.poll.cursorMs !== null) pollLag.set(Math.max(0, (nowMs - status.poll.cursorMs) / 1000));
      if (status.poll.lastSuccessMs !== null) lastPollSuccess.set(status.poll.lastSuccessMs / 1000);
      if (status.lastEventMs !== null) lastEvent.set(status.lastEventMs / 1000);
      if (status.unreadableInputs) unreadable.set(status.unreadableInputs.total);
    },
    render: () => registry.metrics(),
  };
}
