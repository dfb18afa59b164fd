import { DateTime } from 'luxon';
import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import type { AlertBook } from './alert-book.js';
import { workingWindowStart, type WorkingHours } from './working-hours.js';

/** What the monitor reads from the running service on every evaluation. */
export interface AlertSignals {
  /** Non-null while Humand refuses our key (401/403) and delivery waits. */
  readonly deliveryPaused: { readonly reason: string; readonly sinceMs: number | null } | null;
  /** Punches waiting for delivery (for the message text). */
  readonly pending: number;
  readonly deadLetters: number;
  /** When the last access event (any source) was received, epoch ms. */
  readonly lastEventMs: number | null;
}

export interface NoEventRule {
  readonly quietMs: number;
  readonly hours: WorkingHours;
}

export interface AlertMonitorOptions {
  readonly book: AlertBook;
  readonly readSignals: () => Promise<AlertSignals>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Null disables the "no access events during working hours" alert. */
  readonly noEvents: NoEventRule | null;
  /** How often `run` evaluates. */
  readonly intervalMs: number;
}

export interface AlertMonitor {
  /** Reads the signals once, updates every alert and sends what is due. */
  evaluate(): Promise<void>;
  /** Evaluates every `intervalMs` until the signal aborts. */
  run(signal: AbortSignal): Promise<void>;
}

export function createAlertMonitor(options: AlertMonitorOptions): AlertMonitor {
  const { book, clock, noEvents } = options;
  const startedMs = clock.now();
  /** lastEventMs as it was when the quiet alert opened; any later event closes it. */
  let quietOpenedWith: number | null | undefined;

  function localTime(ms: number | null): string | null {
    if (ms === null) return null;
    const zone = noEvents?.hours.timezone ?? 'UTC';
    return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
  }

  function evaluateQuiet(signals: AlertSignals, now: number): void {
    if (!noEvents) return;
    const last = signals.lastEventMs;
    const facts = { quietMinutes: Math.round(noEvents.quietMs / 60_000), lastEventAt: localTime(last) };
    if (quietOpenedWith !== undefined) {
      // Open alerts stay open outside working hours; only an event closes them.
      const eventSince = last !== null && (quietOpenedWith === null || last > quietOpenedWith);
      if (eventSince) quietOpenedWith = undefined;
      book.set('no-events', !eventSince, facts);
      return;
    }
    const windowStart = workingWindowStart(noEvents.hours, now);
    // Quiet time counts from the start of today's working window (the night does not count)
    // and from our own start (we cannot know what happened before).
    const quietSince = windowStart === null ? null : Math.max(last ?? -Infinity, windowStart, startedMs);
    const firing = quietSince !== null && now - quietSince >= noEvents.quietMs;
    if (firing) quietOpenedWith = last;
    book.set('no-events', firing, facts);
  }

  async function evaluateOnce(): Promise<void> {
    let signals: AlertSignals;
    try {
      signals = await options.readSignals();
    } catch (error) {
      options.logger.warn({ err: error }, 'alert monitor could not read the service status');
      return;
    }
    const now = clock.now();
    book.set('delivery-paused', signals.deliveryPaused !== null, {
      reason: signals.deliveryPaused?.reason ?? null,
      since: localTime(signals.deliveryPaused?.sinceMs ?? null),
      pending: signals.pending,
    });
    book.set('dead-letters', signals.deadLetters > 0, { count: signals.deadLetters });
    evaluateQuiet(signals, now);
    await book.flush();
  }

  // Evaluations (the periodic one and those triggered by hooks) run one at a time.
  let queue: Promise<void> = Promise.resolve();
  function evaluate(): Promise<void> {
    queue = queue.then(evaluateOnce);
    return queue;
  }

  return {
    evaluate,
    async run(signal: AbortSignal): Promise<void> {
      while (!signal.aborted) {
        await evaluate();
        try {
          await clock.sleep(options.intervalMs, signal);
        } catch {
          return;
        }
      }
    },
  };
}
