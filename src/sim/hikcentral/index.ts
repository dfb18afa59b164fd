import { systemClock } from '../../domain/clock.js';
import { BadInputError } from '../../domain/errors.js';
import type { Clock } from '../../domain/ports.js';
import { silentLogger, type Logger } from '../../logging/logger.js';
import type { HikScenario } from '../scenario/types.js';
import type { ApiContext } from './api/router.js';
import { FaultSwitchboard, type HikFaults } from './faults.js';
import { NonceCache } from './gateway/nonce-cache.js';
import { startGateway, type RunningGateway } from './gateway/server.js';
import { PushEngine } from './push/push-engine.js';
import { PushSender } from './push/push-sender.js';
import { SubscriptionRegistry } from './push/subscriptions.js';
import { RequestLog } from './request-log.js';
import { createState, type HikSimState } from './state.js';
import { generateSelfSignedTls } from './tls.js';
import { SimWorld } from './world.js';

export { SIM_CODES } from './codes.js';
export type { HikFaults, HikFaultSettings } from './faults.js';
export type { HikSimState } from './state.js';
export type { PushAttempt, PushCopy } from './push/push-engine.js';
export type { Subscription } from './push/subscriptions.js';
export type { LoggedRequest, RequestCounts } from './request-log.js';
export type { SimEventInput } from './world.js';
export { DEFAULT_SITE_TIMEZONE } from './world.js';
export { buildStringToSign, defaultSignedHeaderNames, type SignedRequestParts } from './gateway/string-to-sign.js';

export interface HikPushOptions {
  /** Events per OnEventNotify POST. Default 20. */
  readonly maxBatch?: number;
  /** Re-send back-off on the sim clock: base·2^(attempt-1), capped. Defaults 1 s / 60 s. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Attempts before a batch is given up. Default 10. */
  readonly maxAttempts?: number;
  /** Wall-clock limit for one delivery. Default 5 s. */
  readonly timeoutMs?: number;
  /** Extra CA for https receivers. */
  readonly caPem?: string;
  /** false = skip certificate verification of https receivers (test receivers only). Default true. */
  readonly rejectUnauthorized?: boolean;
  /** Call pumpPush() on this wall-clock interval (demo mode). Default: off — call pumpPush() yourself. */
  readonly intervalMs?: number;
  /** Re-push every pushed event with a new eventId this often (sim clock)… */
  readonly repushEveryMs?: number;
  /** …for this long after its first push. Default 10 min when repushEveryMs is set. */
  readonly repushForMs?: number;
}

export interface HikSimulatorOptions {
  /** The one valid credential pair. */
  readonly appKey: string;
  readonly appSecret: string;
  /** Initial persons/doors/events and the site timezone. */
  readonly scenario?: HikScenario;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (ephemeral). */
  readonly httpsPort?: number;
  /** Also listen for plain HTTP (answering 0x0240103c unless allowPlainHttp). Default false. */
  readonly http?: boolean;
  readonly httpPort?: number;
  readonly allowPlainHttp?: boolean;
  /** Default: a self-signed certificate for 127.0.0.1/localhost made at start. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string };
  /** Some deployments: without a signed `userId` header → 0x02401010. */
  readonly requireUserIdHeader?: boolean;
  /** Some versions: door/events without eventType and personName → 0x00072001. Default false. */
  readonly requireEventTypeOrPersonName?: boolean;
  /** Scenario clock: "now" for late-arrival visibility and push timing. Default systemClock. */
  readonly clock?: Clock;
  /** Gateway clock for x-ca-timestamp checks. Default systemClock (wall time, like the platform). */
  readonly authClock?: Clock;
  /** Allowed distance between x-ca-timestamp and the gateway clock; also the nonce-replay window. Default 15 min. */
  readonly timestampToleranceMs?: number;
  readonly push?: HikPushOptions;
  readonly logger?: Logger;
}

export interface HikSimulator {
  /** e.g. https://127.0.0.1:43123 */
  readonly httpsUrl: string;
  readonly httpUrl: string | null;
  /** PEM the client must trust to reach httpsUrl. */
  readonly caPem: string;
  readonly state: HikSimState;
  readonly faults: HikFaults;
  close(): Promise<void>;
}

/** Starts a simulated HikCentral Professional (Artemis OpenAPI) gateway over HTTPS. */
export async function startHikCentralSimulator(options: HikSimulatorOptions): Promise<HikSimulator> {
  if (!options.appKey || !options.appSecret) throw new BadInputError('startHikCentralSimulator: appKey and appSecret are required');
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger();
  const tls = options.tls ?? (await generateSelfSignedTls());
  const pushOptions = options.push ?? {};
  const toleranceMs = options.timestampToleranceMs ?? 15 * 60_000;

  const world = new SimWorld(options.scenario);
  const subscriptions = new SubscriptionRegistry();
  const faults = new FaultSwitchboard();
  const requestLog = new RequestLog();
  const sender = new PushSender({
    timeoutMs: pushOptions.timeoutMs ?? 5_000,
    rejectUnauthorized: pushOptions.rejectUnauthorized ?? true,
    ...(pushOptions.caPem === undefined ? {} : { caPem: pushOptions.caPem }),
  });
  const push = new PushEngine(
    world,
    subscriptions,
    sender,
    clock,
    {
      maxBatch: pushOptions.maxBatch ?? 20,
      retryBaseMs: pushOptions.retryBaseMs ?? 1_000,
      retryMaxMs: pushOptions.retryMaxMs ?? 60_000,
      maxAttempts: pushOptions.maxAttempts ?? 10,
      repushEveryMs: pushOptions.repushEveryMs ?? null,
      repushForMs: pushOptions.repushForMs ?? null,
    },
    logger,
  );
  const closing = new AbortController();
  const api: ApiContext = { world, subscriptions, clock, requireEventTypeOrPersonName: options.requireEventTypeOrPersonName ?? false };
  const auth = {
    credentials: new Map([[options.appKey, options.appSecret]]),
    clock: options.authClock ?? systemClock,
    timestampToleranceMs: toleranceMs,
    nonces: new NonceCache(toleranceMs),
    requireUserIdHeader: options.requireUserIdHeader ?? false,
  };
  const common = { host, faults, requestLog, auth, api, clock, logger, closing: closing.signal };

  const gateways: RunningGateway[] = [];
  let timer: NodeJS.Timeout | undefined;
  const close = async (): Promise<void> => {
    if (timer) clearInterval(timer);
    closing.abort(new Error('simulator closing'));
    await Promise.allSettled(gateways.map((gateway) => gateway.close()));
    await sender.close();
  };
  try {
    const https = await startGateway({ ...common, transport: 'https', refuseAsPlainHttp: false, tls, port: options.httpsPort ?? 0 });
    gateways.push(https);
    let httpUrl: string | null = null;
    if (options.http) {
      const http = await startGateway({ ...common, transport: 'http', refuseAsPlainHttp: !options.allowPlainHttp, tls: null, port: options.httpPort ?? 0 });
      gateways.push(http);
      httpUrl = `http://${urlHost(host)}:${http.port}`;
    }
    if (pushOptions.intervalMs !== undefined && pushOptions.intervalMs > 0) {
      timer = setInterval(() => {
        push.pump().catch((error: unknown) => logger.error({ err: error }, 'push pump failed'));
      }, pushOptions.intervalMs);
      timer.unref();
    }
    const httpsUrl = `https://${urlHost(host)}:${https.port}`;
    logger.info({ httpsUrl, httpUrl }, 'HikCentral simulator listening');
    return { httpsUrl, httpUrl, caPem: tls.certPem, state: createState({ world, clock, subscriptions, push, requestLog }), faults, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
