import type { HikSubscription, SubscribeRequest } from '../hikcentral/client.js';
import { ConfigurationError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';

/** The part of the HikCentral client subscription management needs. */
export interface SubscriptionClient {
  subscribe(request: SubscribeRequest, signal?: AbortSignal): Promise<void>;
  viewSubscriptions(signal?: AbortSignal): Promise<HikSubscription[]>;
  unsubscribe(eventTypes: readonly number[], signal?: AbortSignal): Promise<void>;
}

export interface DesiredSubscription {
  /** The "access granted" event codes the pipeline turns into punches. */
  readonly eventTypes: readonly number[];
  /** The receiver's address as HikCentral reaches it (WEBHOOK_URL). */
  readonly eventDest: string;
  /** Sent back by the platform as the `token` header. A secret. */
  readonly token: string;
  readonly passBack?: boolean;
}

/** How the platform's subscriptions compare with the one we want. */
export interface SubscriptionComparison {
  /** Wanted event types the platform sends to our address. */
  readonly covered: number[];
  /** Wanted event types the platform sends nowhere. */
  readonly missing: number[];
  /** Wanted event types the platform sends to another address. */
  readonly elsewhere: { readonly eventType: number; readonly eventDest: string }[];
  /** Event types sent to our address that we did not ask for (left alone). */
  readonly extra: number[];
}

export type EnsureAction = 'unchanged' | 'subscribed';

export interface EnsureResult extends SubscriptionComparison {
  readonly action: EnsureAction;
  /** Event types moved away from another address before subscribing. */
  readonly redirected: number[];
}

/** Event destinations compare as URLs: case of scheme/host, default port and a trailing slash do not matter. */
export function sameDestination(a: string, b: string): boolean {
  const canonical = (text: string): string => {
    try {
      const url = new URL(text.trim());
      const path = url.pathname.replace(/\/+$/, '');
      return `${url.protocol}//${url.host}${path}${url.search}`;
    } catch {
      return text.trim().replace(/\/+$/, '');
    }
  };
  return canonical(a) === canonical(b);
}

export function compareSubscriptions(
  current: readonly HikSubscription[],
  wanted: Pick<DesiredSubscription, 'eventTypes' | 'eventDest'>,
): SubscriptionComparison {
  const ours = new Set<number>();
  const others = new Map<number, string>();
  for (const subscription of current) {
    const toUs = sameDestination(subscription.eventDest, wanted.eventDest);
    for (const type of subscription.eventTypes) {
      if (toUs) ours.add(type);
      else if (!others.has(type)) others.set(type, subscription.eventDest);
    }
  }
  const wantedTypes = [...new Set(wanted.eventTypes)];
  const wantedSet = new Set(wantedTypes);
  const covered = wantedTypes.filter((type) => ours.has(type));
  const elsewhere = wantedTypes
    .filter((type) => !ours.has(type) && others.has(type))
    .map((eventType) => ({ eventType, eventDest: others.get(eventType) ?? '' }));
  const missing = wantedTypes.filter((type) => !ours.has(type) && !others.has(type));
  const extra = [...ours].filter((type) => !wantedSet.has(type)).sort((a, b) => a - b);
  return { covered, missing, elsewhere, extra };
}

export interface EnsureOptions extends DesiredSubscription {
  readonly client: SubscriptionClient;
  readonly logger?: Logger;
  /**
   * Subscribe even when the platform already lists every event type for our address. The view
   * does not show the token, so a rotated WEBHOOK_TOKEN needs this (the `subscribe` command uses it).
   */
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

function validate(desired: DesiredSubscription): void {
  if (desired.eventTypes.length === 0) {
    throw new ConfigurationError('no event types to subscribe to', {
      code: 'SUBSCRIPTION_NO_EVENT_TYPES',
      hint: 'The subscription uses the "access granted" event codes of the rules configuration; that list is empty.',
    });
  }
  let url: URL;
  try {
    url = new URL(desired.eventDest);
  } catch {
    throw new ConfigurationError(`WEBHOOK_URL is not a URL: ${desired.eventDest}`, {
      code: 'WEBHOOK_URL_INVALID',
      hint: 'Set WEBHOOK_URL to the address HikCentral can reach the receiver at, e.g. http://10.0.4.15:8089/hik/events',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`WEBHOOK_URL must be http or https: ${desired.eventDest}`, {
      code: 'WEBHOOK_URL_INVALID',
      hint: 'Use an http:// or https:// address.',
    });
  }
  if (desired.token.length === 0) {
    throw new ConfigurationError('WEBHOOK_TOKEN is empty', {
      code: 'WEBHOOK_TOKEN_MISSING',
      hint: 'Set WEBHOOK_TOKEN to a long random value (e.g. `openssl rand -hex 24`).',
    });
  }
}

/**
 * Makes HikCentral send the wanted event types to our receiver. Idempotent: reads the platform's
 * subscriptions first and subscribes only when something is missing or points elsewhere
 * (or when forced). Event types pointing at another address are unsubscribed first, then
 * everything is subscribed again with our address and token, and the result is read back.
 */
export async function ensureSubscription(options: EnsureOptions): Promise<EnsureResult> {
  validate(options);
  const { client, logger, signal } = options;
  const before = compareSubscriptions(await client.viewSubscriptions(signal), options);
  if (!options.force && before.missing.length === 0 && before.elsewhere.length === 0) {
    logger?.debug({ eventTypes: before.covered.length, eventDest: options.eventDest }, 'HikCentral subscription is in place');
    return { action: 'unchanged', redirected: [], ...before };
  }
  const redirected = before.elsewhere.map((entry) => entry.eventType);
  if (redirected.length > 0) {
    logger?.warn(
      { eventTypes: redirected, from: [...new Set(before.elsewhere.map((entry) => entry.eventDest))], to: options.eventDest },
      'HikCentral sends some event types to another address; moving them to this receiver',
    );
    await client.unsubscribe(redirected, signal);
  }
  await client.subscribe(
    {
      eventTypes: [...new Set(options.eventTypes)],
      eventDest: options.eventDest,
      token: options.token,
      ...(options.passBack !== undefined ? { passBack: options.passBack } : {}),
    },
    signal,
  );
  const after = compareSubscriptions(await client.viewSubscriptions(signal), options);
  if (after.missing.length > 0 || after.elsewhere.length > 0) {
    throw new ConfigurationError(
      `HikCentral accepted the subscription but does not list event types ${[...after.missing, ...after.elsewhere.map((entry) => entry.eventType)].join(', ')} for ${options.eventDest}`,
      {
        code: 'SUBSCRIPTION_NOT_APPLIED',
        hint: 'Check in HikCentral (System > Open API / Event Subscription) that this partner app may subscribe to access-control events, and that no other integration keeps overwriting the subscription.',
      },
    );
  }
  logger?.info(
    { missingBefore: before.missing, redirected, forced: options.force === true, eventTypes: after.covered.length, eventDest: options.eventDest },
    'HikCentral subscription (re)created',
  );
  return { action: 'subscribed', redirected, ...after };
}

export interface ListedSubscription {
  readonly eventDest: string;
  readonly eventTypes: number[];
  /** Points at our receiver (WEBHOOK_URL). */
  readonly ours: boolean;
}

/** The platform's subscriptions, each marked with whether it points at our receiver. */
export async function listSubscriptions(client: SubscriptionClient, ourDest: string | null, signal?: AbortSignal): Promise<ListedSubscription[]> {
  const current = await client.viewSubscriptions(signal);
  return current.map((subscription) => ({
    eventDest: subscription.eventDest,
    eventTypes: [...subscription.eventTypes].sort((a, b) => a - b),
    ours: ourDest !== null && sameDestination(subscription.eventDest, ourDest),
  }));
}

/** Stops the platform sending these event types (to any address: the API removes by type). */
export async function removeSubscription(client: SubscriptionClient, eventTypes: readonly number[], logger?: Logger, signal?: AbortSignal): Promise<void> {
  if (eventTypes.length === 0) return;
  await client.unsubscribe([...new Set(eventTypes)], signal);
  logger?.info({ eventTypes }, 'HikCentral subscription removed');
}
