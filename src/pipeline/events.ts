import type { EventSource } from '../domain/access-event.js';
import type { RateLimitInfo } from '../domain/humand.js';
import type { PunchOutcome } from '../store/punch.js';

/**
 * What the pipeline tells the outside world as it works. Metrics, alerts and the dashboard
 * subscribe here, so they need no change to the pipeline.
 */
export type PipelineEvent =
  | { readonly type: 'events-received'; readonly source: EventSource; readonly fresh: number; readonly duplicates: number }
  | {
      readonly type: 'punch-outcome';
      readonly punchId: number;
      readonly correlationId: string;
      readonly outcome: PunchOutcome;
      readonly reason: string | null;
      readonly source: EventSource;
      readonly employeeId: string | null;
    }
  | {
      readonly type: 'humand-response';
      readonly operation: 'clock' | 'list-entries' | 'read-days' | 'list-users' | 'get-user';
      /** `ok` or the failure kind (`transient`, `rate-limited`, `forbidden`, ...). */
      readonly result: string;
      readonly status: number | null;
      readonly rateLimit: RateLimitInfo | null;
      /** What went wrong, for a failure. */
      readonly message?: string | null;
    }
  | { readonly type: 'poll-completed'; readonly ok: boolean; readonly events: number; readonly fresh: number; readonly error: string | null }
  | { readonly type: 'delivery-paused'; readonly reason: string; readonly hint: string | null }
  | { readonly type: 'delivery-resumed' };

export type PipelineEventListener = (event: PipelineEvent) => void;

export class PipelineEvents {
  private listeners = new Set<PipelineEventListener>();

  /** Returns the unsubscribe function. */
  subscribe(listener: PipelineEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: PipelineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure must never stop a punch.
      }
    }
  }
}
