import { z } from 'zod';
import type { HikFailureReason } from './errors.js';

/** What the HikCentral client takes and gives beyond events and persons: subscriptions, the probe, counters; and the pages it reads. */

export interface HikSubscription {
  readonly eventTypes: number[];
  readonly eventDest: string;
}

export interface SubscribeRequest {
  readonly eventTypes: readonly number[];
  /** The URL HikCentral POSTs events to. */
  readonly eventDest: string;
  /** Sent back by the platform as the `token` header on every push. A secret. */
  readonly token: string;
  /** Ask the platform to re-send events the receiver missed (semantics undocumented). */
  readonly passBack?: boolean;
}

export type ProbeResult =
  | {
      readonly ok: true;
      readonly latencyMs: number;
      /** The platform's HTTP Date, when sent. */
      readonly serverTime?: string;
      /** serverTime − local time at the middle of the call; ±1 s resolution. */
      readonly clockSkewMs?: number;
    }
  | {
      readonly ok: false;
      readonly latencyMs: number;
      readonly error: {
        readonly category: string;
        readonly reason: HikFailureReason | 'unexpected';
        readonly message: string;
        readonly hint: string | undefined;
        readonly code: string | undefined;
      };
    };

/** Running totals across every call of this client, for metrics. */
export interface HikCentralCounters {
  doorEventRequests: number;
  doorEventsEmitted: number;
  doorEventDuplicates: number;
  invalidDoorEvents: number;
  invalidPersons: number;
}

export const personPageSchema = z.object({
  total: z.coerce.number().int().nonnegative().nullish(),
  list: z.array(z.unknown()).nullish(),
});

export const subscriptionViewSchema = z
  .object({
    detail: z
      .array(
        z.looseObject({
          eventTypes: z
            .array(z.coerce.number().int())
            .nullish()
            .transform((types) => types ?? []),
          eventDest: z.string(),
        }),
      )
      .nullish(),
  })
  .nullish();
