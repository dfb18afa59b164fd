import type { AlertSettings } from '../alerts/settings.js';
import type { App } from '../app/types.js';
import { ConfigurationError } from '../domain/errors.js';
import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import { startOps, type Ops } from '../ops/start-ops.js';
import type { AdminSettings } from '../ops/settings.js';
import type { PushConfig } from '../push/config.js';
import { startPushMode, type PushMode } from '../push/push-mode.js';
import type { SubscriptionClient } from '../push/subscription-manager.js';
import { startTerminalReceiver } from '../isapi/push/service.js';
import { errorCodesOf } from '../domain/error-codes.js';

export interface ServicePush {
  readonly config: PushConfig;
  /** Manages the HikCentral subscription; null = receive only. */
  readonly client: SubscriptionClient | null;
  /** Subscribe the receiver's own listening URL (demo: a simulator on this machine). */
  readonly subscribeListeningUrl?: boolean;
}

export interface ServiceAdmin {
  readonly settings: AdminSettings;
  readonly alerts: AlertSettings;
  /** When the port is taken, take a free one instead of failing (demo). */
  readonly anyPortIfBusy?: boolean;
}

export interface ServiceOptions {
  readonly app: App;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly push: ServicePush | null;
  readonly admin: ServiceAdmin | null;
  /** Aborting stops polling, lets deliveries in flight finish, then closes the receiver and the admin server. */
  readonly signal: AbortSignal;
  /** Called once everything listens, before the first pass completes. */
  readonly onListening?: (addresses: { readonly dashboardUrl: string | null; readonly receiverUrl: string | null }) => void;
}

/**
 * The long-running service: the push receiver (first, so HikCentral has somewhere to push),
 * the admin server with alerts, and the daemon's poll + delivery loop until `signal` aborts.
 * Closing order on the way out: daemon (no new work, in-flight deliveries settle), receiver
 * (requests in flight commit), admin server. The caller closes the App (the ledger) last.
 */
export async function runService(options: ServiceOptions): Promise<void> {
  const { app, logger, clock, signal } = options;
  let push: PushMode | null = null;
  let ops: Ops | null = null;
  let terminalReceiver: { close(): Promise<void> } | null = null;
  try {
    const pushOptions = options.push;
    if (pushOptions !== null) {
      // HikCentral re-sends its backlog the moment the receiver listens; punches evaluated before the
      // first Humand user listing would be parked as unmapped and decided out of order (docs/push.md).
      await primeDirectories(app, logger, signal);
      const config = pushOptions.config;
      push = await listening(`the push receiver on ${config.host}:${config.port}`, 'WEBHOOK_PORT', () =>
        startPushMode({
          config,
          ingest: (events, source) => app.ingest(events, source),
          recordRejectedInput: (inputs) => app.recordRejectedInputs(inputs, 'push'),
          client: pushOptions.client,
          eventTypes: app.config.rules.grantedEventCodes,
          clock,
          logger: logger.child({ part: 'push' }),
          ...(pushOptions.subscribeListeningUrl ? { subscribeListeningUrl: true } : {}),
        }),
      );
    }
    // Terminals read directly (ISAPI) push to their own receiver when isapi.push is configured.
    if (app.config.isapi?.push) {
      if (options.push === null) await primeDirectories(app, logger, signal);
      terminalReceiver = await listening('the terminal push receiver', 'isapi.push.port', () => startTerminalReceiver(app, logger));
    }
    if (options.admin !== null) {
      ops = await startAdmin(app, options.admin, logger, clock);
    }
    options.onListening?.({ dashboardUrl: ops === null ? null : `${ops.url}/`, receiverUrl: push?.receiver.url ?? null });
    if (!signal.aborted) await app.runDaemon({ signal });
  } finally {
    await push?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the push receiver failed'));
    await terminalReceiver?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the terminal push receiver failed'));
    await ops?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the admin server failed'));
  }
}

async function primeDirectories(app: App, logger: Logger, signal: AbortSignal): Promise<void> {
  try {
    const refresh = await app.refreshMappings({ signal });
    logger.info(
      { persons: refresh.persons, users: refresh.users, activeUsers: refresh.activeUsers, problems: refresh.problems },
      'directories loaded before opening the push receiver',
    );
  } catch (error) {
    if (signal.aborted) return;
    logger.warn({ err: error }, 'could not load the directories before opening the push receiver; the first pass tries again');
  }
}

async function startAdmin(app: App, admin: ServiceAdmin, logger: Logger, clock: Clock): Promise<Ops> {
  const start = (port: number) => startOps({ app, admin: { ...admin.settings, port }, alerts: admin.alerts, logger, clock });
  try {
    return await start(admin.settings.port);
  } catch (error) {
    if (admin.anyPortIfBusy && addressInUse(error)) {
      logger.warn({ port: admin.settings.port }, 'the admin port is taken; using a free one');
      return start(0);
    }
    if (addressInUse(error)) throw busyPort(`the admin server on ${admin.settings.host}:${admin.settings.port}`, 'ADMIN_PORT', error);
    throw error;
  }
}

async function listening<T>(what: string, variable: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (addressInUse(error)) throw busyPort(what, variable, error);
    throw error;
  }
}

function addressInUse(error: unknown): boolean {
  return errorCodesOf(error).includes('EADDRINUSE');
}

function busyPort(what: string, variable: string, cause: unknown): ConfigurationError {
  return new ConfigurationError(`cannot start ${what}: the port is already in use`, {
    code: 'PORT_IN_USE',
    hint: `Stop whatever listens there (another hik2humand?) or set ${variable} to a free port.`,
    cause,
  });
}
