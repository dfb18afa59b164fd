import type { AccessEvent } from '../domain/access-event.js';

/** What the receiver needs from the core: a durable ingest. Resolves only once committed. */
export interface PushIngestOutcome {
  /** Punches seen for the first time. */
  readonly inserted: number;
  /** Copies of punches already in the ledger (same eventId, or same person/second/door). */
  readonly duplicates: number;
  /** Events set aside as unreadable by the core (an impossible time), not stored as punches. */
  readonly refused?: number;
}

/** Commits the events to the ledger before resolving; rejects when the store cannot commit. */
export type PushIngest = (events: AccessEvent[], source: 'push') => Promise<PushIngestOutcome>;

/** Durably notes the events of one batch that could not be read, so an operator can see what was refused and why. */
export type RejectedInputRecorder = (inputs: readonly { readonly raw: unknown; readonly reason: string }[]) => Promise<void>;
