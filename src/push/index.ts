/** Push mode: the webhook receiver HikCentral pushes to, and management of its event subscription. */
export { startWebhookServer, DEFAULT_WEBHOOK_HOST, DEFAULT_WEBHOOK_PATH, DEFAULT_WEBHOOK_BODY_LIMIT_BYTES, type WebhookServer, type WebhookServerOptions, type WebhookRequestOutcome } from './webhook-server.js';
export type { PushIngest, PushIngestOutcome, RejectedInputRecorder } from './ports.js';
export { readPushConfig, PUSH_ENV_VARIABLES, type PushConfig } from './config.js';
export { startPushMode, type PushMode, type PushModeOptions } from './push-mode.js';
export {
  ensureSubscription,
  listSubscriptions,
  removeSubscription,
  compareSubscriptions,
  sameDestination,
  type DesiredSubscription,
  type EnsureOptions,
  type EnsureResult,
  type ListedSubscription,
  type SubscriptionClient,
  type SubscriptionComparison,
} from './subscription-manager.js';
export { startSubscriptionKeeper, DEFAULT_RECHECK_INTERVAL_MS, type SubscriptionKeeper, type SubscriptionKeeperOptions, type SubscriptionStatus } from './subscription-keeper.js';
export { registerPushCommands, subscribeCommand, unsubscribeCommand, subscriptionsCommand, type PushCommandContext, type SubscribeCommandOptions } from './cli-commands.js';
export { createIpAllowlist, type IpAllowlist } from './ip-allowlist.js';
