import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRANTED_EVENT_CODES } from '../../src/config/event-codes.js';
import { silentLogger } from '../../src/logging/logger.js';
import { registerPushCommands, type PushCommandContext } from '../../src/push/cli-commands.js';
import { readPushConfig, type PushConfig } from '../../src/push/config.js';
import { startHik, type HikFixture } from './hik-sim.js';
import { ManualClock } from '../support/manual-clock.js';

const URL = 'http://10.0.4.15:8089/hik/events';
const TOKEN = 'cli-token-0123456789abcdef';

describe('push CLI commands (commander, against the HikCentral simulator)', () => {
  let hik: HikFixture;
  let lines: string[];
  let closed: number;

  beforeEach(async () => {
    hik = await startHik({ clock: new ManualClock() });
    lines = [];
    closed = 0;
  });

  afterEach(async () => {
    await hik.close();
  });

  function program(push: PushConfig | null = readPushConfig({ WEBHOOK_URL: URL, WEBHOOK_TOKEN: TOKEN })): Command {
    const cli = new Command('hik2humand').exitOverride();
    const context: PushCommandContext = {
      client: hik.client,
      eventTypes: DEFAULT_GRANTED_EVENT_CODES,
      push,
      logger: silentLogger(),
      out: (line) => lines.push(line),
      close: async () => {
        closed++;
      },
    };
    registerPushCommands(cli, async () => context);
    return cli;
  }

  const run = (cli: Command, ...args: string[]) => cli.parseAsync(['node', 'hik2humand', ...args]);

  it('subscribe creates the subscription from WEBHOOK_URL / WEBHOOK_TOKEN and says so', async () => {
    await run(program(), 'subscribe');
    expect(hik.sim.state.subscriptions()).toHaveLength(DEFAULT_GRANTED_EVENT_CODES.length);
    expect(new Set(hik.sim.state.subscriptions().map((s) => `${s.eventDest} ${s.token}`))).toEqual(new Set([`${URL} ${TOKEN}`]));
    expect(lines[0]).toBe(`Subscribed ${DEFAULT_GRANTED_EVENT_CODES.length} event types → ${URL}`);
    expect(closed).toBe(1);
  });

  it('subscribe --if-missing leaves an existing subscription alone', async () => {
    await run(program(), 'subscribe');
    lines = [];
    await run(program(), 'subscribe', '--if-missing');
    expect(lines[0]).toMatch(/^Subscription already in place/);
  });

  it('subscriptions lists what HikCentral pushes where, marking ours and what is missing', async () => {
    await hik.client.subscribe({ eventTypes: [196893], eventDest: URL, token: TOKEN });
    await hik.client.subscribe({ eventTypes: [198913], eventDest: 'http://other:1/x', token: 'other-token-000' });
    await run(program(), 'subscriptions');
    expect(lines).toContain(`* ${URL}  [196893]`);
    expect(lines).toContain('  http://other:1/x  [198913]');
    expect(lines.at(-1)).toMatch(/NOT subscribed: .*198914/);
    lines = [];
    await run(program(), 'subscriptions', '--json');
    expect(JSON.parse(lines.join('\n'))).toEqual(expect.arrayContaining([{ eventDest: URL, eventTypes: [196893], ours: true }]));
  });

  it('unsubscribe removes the configured types, or only those named', async () => {
    await run(program(), 'subscribe');
    await run(program(), 'unsubscribe', '--event-types', '196893,198914');
    const left = hik.sim.state.subscriptions().map((s) => s.eventType);
    expect(left).not.toContain(196893);
    expect(left).toHaveLength(DEFAULT_GRANTED_EVENT_CODES.length - 2);
    await run(program(), 'unsubscribe');
    expect(hik.sim.state.subscriptions()).toEqual([]);
  });

  it('refuses to subscribe without WEBHOOK_URL, with a hint, and still closes the context', async () => {
    await expect(run(program(readPushConfig({ WEBHOOK_PORT: '8089', WEBHOOK_TOKEN: TOKEN })), 'subscribe')).rejects.toMatchObject({
      category: 'configuration',
      hint: expect.stringContaining('WEBHOOK_URL'),
    });
    expect(closed).toBe(1);
    expect(hik.sim.state.subscriptions()).toEqual([]);
  });

  it('refuses nonsense event types', async () => {
    await expect(run(program(), 'unsubscribe', '--event-types', 'face,card')).rejects.toThrow(/--event-types/);
  });
});
