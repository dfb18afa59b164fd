import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { ensureSubscription } from '../../src/push/subscription-manager.js';
import { startWebhookServer, type WebhookRequestOutcome, type WebhookServer } from '../../src/push/webhook-server.js';
import { configFor, startWorld, worldHikClient, type World } from '../e2e/harness.js';
import { ShiftedClock } from '../e2e/shifted-clock.js';

export const PUSH_TOKEN = 'full-chain-token-0123456789abcdef';

export interface PushChain {
  readonly world: World;
  readonly app: App;
  readonly receiver: WebhookServer;
  readonly clock: ShiftedClock;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The whole push chain over real HTTP, closed after each test: both simulators on a clock at
 * the generated day's start, the App on a fresh ledger, our receiver subscribed in HikCentral,
 * the daemon delivering (its first pass done).
 */
export class PushChains {
  private closers: (() => Promise<unknown> | unknown)[] = [];

  constructor() {
    afterEach(async () => {
      const closers = this.closers.reverse();
      this.closers = [];
      for (const close of closers) await close();
    });
  }

  async start(options: { employees: number; seed: number; pollIntervalMs: number; onRequest?: (outcome: WebhookRequestOutcome) => void }): Promise<PushChain> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'push-chain-'));
    this.closers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const probe = await startWorld({ employees: options.employees, seed: options.seed });
    const { startMs, endMs } = probe.day.window;
    await probe.close();
    const clock = new ShiftedClock(startMs);
    const world = await startWorld({ employees: options.employees, seed: options.seed, clock });
    this.closers.push(() => world.close());
    const config = configFor(world, path.join(dir, 'ledger.db'));
    const app = await createApp({ config, logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50, poll: { intervalMs: options.pollIntervalMs } } });
    this.closers.push(() => app.close());
    const receiver = await startWebhookServer({
      port: 0,
      token: PUSH_TOKEN,
      logger: silentLogger(),
      ingest: (events, source) => app.ingest(events, source),
      recordRejectedInput: (inputs) => app.recordRejectedInputs(inputs, 'push'),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
    this.closers.push(() => receiver.close());
    const client = worldHikClient(world, clock);
    this.closers.push(() => client.close());
    await ensureSubscription({ client, eventTypes: config.rules.grantedEventCodes, eventDest: receiver.url, token: PUSH_TOKEN });
    // Push once the daemon's first pass has run, so the day's pushes meet a running delivery.
    // (Pushes before the first mapping refresh wait as 'received' and keep their order:
    // test/e2e/late-mapping.test.ts; docs/push.md.)
    const stop = new AbortController();
    let firstPass: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (firstPass = resolve));
    const done = app.runDaemon({ signal: stop.signal, onPass: () => firstPass() });
    this.closers.push(async () => {
      stop.abort();
      await done;
    });
    await ready;
    return { world, app, receiver, clock, startMs, endMs };
  }
}

export { settled } from '../e2e/harness.js';
