import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import type { PushConfig } from './config.js';
import type { PushIngest, RejectedInputRecorder } from './ports.js';
import { startSubscriptionKeeper, type SubscriptionKeeper } from './subscription-keeper.js';
import type { SubscriptionClient } from './subscription-manager.js';
import { startWebhookServer, type WebhookRequestOutcome, type WebhookServer } from './webhook-server.js';

export interface PushModeOptions {
  readonly config: PushConfig;
  readonly ingest: PushIngest;
  readonly onIngested?: () => void;
  readonly recordRejectedInput?: RejectedInputRecorder;
  /** Per answered request, for metrics. */
  readonly onRequest?: (outcome: WebhookRequestOutcome) => void;
  /** Needed to manage the subscription; null = receive only (someone subscribed by hand). */
  readonly client: SubscriptionClient | null;
  /** The pipeline's "access granted" event codes. */
  readonly eventTypes: readonly number[];
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Subscribe the receiver's own listening URL when WEBHOOK_URL is not set: for demo mode, where
   * a simulated HikCentral on this machine pushes to an ephemeral port. Never right for a real platform.
   */
  readonly subscribeListeningUrl?: boolean;
}

export interface PushMode {
  readonly receiver: WebhookServer;
  /** Null when the subscription is not managed (no WEBHOOK_URL, WEBHOOK_SUBSCRIBE=false or no client). */
  readonly keeper: SubscriptionKeeper | null;
  /** Stops re-checking, then stops receiving (letting requests in flight commit). */
  close(): Promise<void>;
}

/**
 * What `run` starts for push: the receiver first (so HikCentral has somewhere to push), then,
 * when WEBHOOK_URL is known, the keeper that ensures and re-checks the subscription.
 * The keeper's first check runs in the background: a platform that is down must not stop `run`.
 */
export async function startPushMode(options: PushModeOptions): Promise<PushMode> {
  const { config, logger } = options;
  const receiver = await startWebhookServer({
    host: config.host,
    port: config.port,
    path: config.path,
    token: config.token,
    allowedIps: config.allowedIps,
    trustProxy: config.trustProxy,
    bodyLimitBytes: config.bodyLimitBytes,
    ...(config.tls ? { tls: config.tls } : {}),
    logger,
    ingest: options.ingest,
    ...(options.onIngested ? { onIngested: options.onIngested } : {}),
    ...(options.recordRejectedInput ? { recordRejectedInput: options.recordRejectedInput } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  let keeper: SubscriptionKeeper | null = null;
  const eventDest = config.publicUrl ?? (options.subscribeListeningUrl ? receiver.url : null);
  const manage = config.manageSubscription || (config.publicUrl === null && options.subscribeListeningUrl === true);
  if (manage && eventDest !== null && options.client !== null) {
    keeper = startSubscriptionKeeper({
      client: options.client,
      eventTypes: options.eventTypes,
      eventDest,
      token: config.token,
      ...(config.passBack !== undefined ? { passBack: config.passBack } : {}),
      clock: options.clock,
      logger,
      intervalMs: config.recheckIntervalMs,
    });
  } else {
    logger.info(
      { reason: eventDest === null ? 'WEBHOOK_URL not set' : !manage ? 'WEBHOOK_SUBSCRIBE=false' : 'no HikCentral client' },
      'not managing the HikCentral subscription; push arrives only if it is subscribed by other means',
    );
  }
  return {
    receiver,
    keeper,
    async close() {
      await keeper?.stop();
      await receiver.close();
    },
  };
}
