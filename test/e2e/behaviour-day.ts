import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { HikCentralClient } from '../../src/hikcentral/client.js';
import { silentLogger } from '../../src/logging/logger.js';
import { ensureSubscription } from '../../src/push/subscription-manager.js';
import { startWebhookServer, type WebhookServer } from '../../src/push/webhook-server.js';
import { generateWorkingDay, type DayBehaviours, type GeneratedWorkingDay } from '../../src/sim/scenario/working-day.js';
import { configFor, settled, startWorld, worldHikClient, type World } from './harness.js';
import { ShiftedClock } from './shifted-clock.js';

const HOUR = 3_600_000;
const TOKEN = 'behaviour-day-token-0123456789abcdef';

export interface BehaviourDayOptions {
  readonly employees: number;
  readonly seed: number;
  readonly behaviours: DayBehaviours;
  readonly date?: string;
  readonly timezone?: string;
}

/** One generated day with issue #9's behaviours, replayed over real HTTP against both simulators. */
export class BehaviourDayRun {
  world: World | undefined;
  app: App | undefined;
  private receiver: WebhookServer | undefined;
  private client: HikCentralClient | undefined;
  private daemon: { stop: AbortController; done: Promise<void> } | undefined;
  private dir: string | undefined;
  private writtenApp = 0;
  private deleted = 0;

  async close(): Promise<void> {
    this.daemon?.stop.abort();
    await this.daemon?.done;
    await this.receiver?.close();
    await this.app?.close();
    await this.client?.close();
    await this.world?.close();
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Polling hour by hour through the day (`sync` every hour). */
  async poll(options: BehaviourDayOptions): Promise<{ day: GeneratedWorkingDay; world: World; app: App }> {
    const { day, clock } = await this.start(options);
    const app = await this.openApp(day, clock, {});
    for (let at = day.window.startMs + HOUR; at <= day.window.endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      this.applyDue(at);
      const summary = await app.syncOnce();
      expect(summary.pollError).toBeNull();
      expect(summary.paused).toBeNull();
    }
    return { day, world: this.world!, app };
  }

  /** Pushed hour by hour to a running daemon (which does not poll). */
  async push(options: BehaviourDayOptions): Promise<{ day: GeneratedWorkingDay; world: World; app: App }> {
    const { day, clock } = await this.start(options);
    const app = await this.openApp(day, clock, { poll: { intervalMs: 24 * HOUR } });
    const world = this.world!;
    this.receiver = await startWebhookServer({
      port: 0,
      token: TOKEN,
      logger: silentLogger(),
      ingest: (events, source) => app.ingest(events, source),
      recordRejectedInput: (inputs) => app.recordRejectedInputs(inputs, 'push'),
    });
    this.client = worldHikClient(world, clock);
    await ensureSubscription({
      client: this.client,
      eventTypes: configFor(world, 'unused').rules.grantedEventCodes,
      eventDest: this.receiver.url,
      token: TOKEN,
    });
    const stop = new AbortController();
    let firstPass: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (firstPass = resolve));
    this.daemon = { stop, done: app.runDaemon({ signal: stop.signal, onPass: () => firstPass() }) };
    await ready;
    for (let at = day.window.startMs + HOUR; at <= day.window.endMs + 2 * HOUR; at += HOUR) {
      clock.jumpTo(at);
      this.applyDue(at);
      await world.hik.state.pumpPush();
      await settled(app);
    }
    return { day, world, app };
  }

  private async start(options: BehaviourDayOptions): Promise<{ day: GeneratedWorkingDay; clock: ShiftedClock }> {
    const day = generateWorkingDay({
      date: options.date ?? '2026-01-27',
      timezone: options.timezone ?? 'America/Argentina/Buenos_Aires',
      employees: options.employees,
      seed: options.seed,
      behaviours: options.behaviours,
    });
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-behaviours-'));
    const clock = new ShiftedClock(day.window.startMs);
    this.world = await startWorld({ employees: options.employees, seed: options.seed, clock, day });
    return { day, clock };
  }

  private async openApp(day: GeneratedWorkingDay, clock: ShiftedClock, overrides: { poll?: { intervalMs: number } }): Promise<App> {
    const config = { ...configFor(this.world!, path.join(this.dir!, 'ledger.db')), siteTimezone: day.scenario.site.timezone };
    this.app = await createApp({ config, logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50, ...overrides } });
    return this.app;
  }

  /** The employees' app entries and the HikCentral deletions whose time has come. */
  private applyDue(nowMs: number): void {
    const { day, humand, hik } = this.world!;
    while (this.writtenApp < day.appEntries.length && day.appEntries[this.writtenApp]!.time <= nowMs) {
      const entry = day.appEntries[this.writtenApp++]!;
      humand.state.addAppEntry({ employeeInternalId: entry.employeeInternalId, time: entry.isoTime, type: entry.type, source: 'APP' });
    }
    const deletions = [...day.deletions].sort((a, b) => a.atMs - b.atMs);
    while (this.deleted < deletions.length && deletions[this.deleted]!.atMs <= nowMs) hik.state.removePerson(deletions[this.deleted++]!.personId);
  }
}

/**
 * Humand's timelines as `TYPE time` with the time exactly as Humand holds it (offset and
 * milliseconds as written): a `Z` source sent as `+00:00` is a different line.
 */
export function humandLines(world: World): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const employee of world.day.employees) {
    const entries = world.humand.state.timeline(employee.employeeInternalId);
    if (entries.length > 0) out[employee.employeeInternalId] = entries.map((e) => `${e.type} ${e.time}${e.source === 'APP' ? ' (app)' : ''}`);
  }
  return out;
}

/** The ground truth in the same form: every entry in the site's offset at its instant, with milliseconds. */
export function expectedLines(day: GeneratedWorkingDay): Record<string, string[]> {
  const zone = day.scenario.site.timezone;
  const out: Record<string, string[]> = {};
  for (const [employee, punches] of Object.entries(day.expected.timelines)) {
    if (punches.length > 0)
      out[employee] = punches.map(
        (p) => `${p.type} ${DateTime.fromMillis(p.time, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ")}${p.source === 'APP' ? ' (app)' : ''}`,
      );
  }
  return out;
}

/** eventIds of the punches the ledger holds in `review` (the decision model's "needs review"). */
export async function reviewEventIds(app: App): Promise<string[]> {
  const punches = await app.store.findPunches({ limit: 1_000_000 });
  return punches
    .filter((p) => (p.outcome as string) === 'review')
    .map((p) => p.eventId)
    .sort();
}
