import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import { ALERT_KINDS, type AlertFacts, type AlertKind, type AlertMessage, type AlertNotifier, type AlertState } from './alert.js';

export interface AlertBookOptions {
  readonly notifier: AlertNotifier;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Shortest time between two messages about the same kind: a flapping condition is one message. */
  readonly minIntervalMs: number;
  /** Wait before re-trying a message the webhook did not take. */
  readonly retryAfterMs?: number;
  readonly compose: (kind: AlertKind, state: AlertState, facts: AlertFacts, atMs: number) => AlertMessage;
}

interface KindState {
  firing: boolean;
  facts: AlertFacts;
  /** What receivers were last told; `resolved` also stands for "never told anything". */
  notified: AlertState;
  lastSentMs: number | null;
  retryAtMs: number | null;
}

export interface AlertStatus {
  readonly kind: AlertKind;
  readonly firing: boolean;
  readonly notified: AlertState;
  readonly lastSentMs: number | null;
  readonly facts: AlertFacts;
}

/**
 * One state machine per alert kind. Open → one "firing" message; still open → silence;
 * closed → one "recovered" message. Changes closer together than `minIntervalMs` are
 * held back and only the net change is sent, so an outage that flaps is not a flood.
 */
export class AlertBook {
  private readonly kinds = new Map<AlertKind, KindState>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: AlertBookOptions) {
    for (const kind of ALERT_KINDS) {
      this.kinds.set(kind, { firing: false, facts: {}, notified: 'resolved', lastSentMs: null, retryAtMs: null });
    }
  }

  /** Records whether a condition holds now; facts of an already-firing alert are refreshed silently. */
  set(kind: AlertKind, firing: boolean, facts: AlertFacts = {}): void {
    const state = this.state(kind);
    state.firing = firing;
    if (firing || state.notified === 'firing') state.facts = facts;
  }

  /** Sends whatever net change is due. Calls run one after another, so none sees a half-sent state. */
  flush(): Promise<void> {
    this.queue = this.queue.then(() => this.flushDue());
    return this.queue;
  }

  status(): AlertStatus[] {
    return ALERT_KINDS.map((kind) => {
      const state = this.state(kind);
      return { kind, firing: state.firing, notified: state.notified, lastSentMs: state.lastSentMs, facts: state.facts };
    });
  }

  private state(kind: AlertKind): KindState {
    const state = this.kinds.get(kind);
    if (!state) throw new Error(`unknown alert kind ${kind}`);
    return state;
  }

  private async flushDue(): Promise<void> {
    for (const kind of ALERT_KINDS) {
      const state = this.state(kind);
      const wanted: AlertState = state.firing ? 'firing' : 'resolved';
      if (wanted === state.notified) {
        state.retryAtMs = null;
        continue;
      }
      const now = this.options.clock.now();
      if (state.lastSentMs !== null && now - state.lastSentMs < this.options.minIntervalMs) continue;
      if (state.retryAtMs !== null && now < state.retryAtMs) continue;
      const message = this.options.compose(kind, wanted, state.facts, now);
      try {
        await this.options.notifier.send(message);
        state.notified = wanted;
        state.lastSentMs = now;
        state.retryAtMs = null;
      } catch (error) {
        state.retryAtMs = now + (this.options.retryAfterMs ?? 60_000);
        this.options.logger.warn({ err: error, alert: kind, state: wanted }, 'alert could not be sent; will retry');
      }
    }
  }
}
