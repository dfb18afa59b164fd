import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { startAlerts, type Alerts } from '../../src/alerts/alerts.js';
import type { AlertSignals } from '../../src/alerts/alert-monitor.js';
import { parseAlertSettings } from '../../src/alerts/settings.js';
import { isWorkingTime, parseWorkingHours } from '../../src/alerts/working-hours.js';
import { ConfigurationError } from '../../src/domain/errors.js';
import { createLogger, silentLogger } from '../../src/logging/logger.js';
import { ManualClock } from '../support/manual-clock.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

const ZONE = 'America/Argentina/Buenos_Aires';
const MINUTE = 60_000;
/** Monday 2026-01-26 at the given local time in Buenos Aires. */
const monday = (time: string) => DateTime.fromISO(`2026-01-26T${time}`, { zone: ZONE }).toMillis();

interface GenericBody {
  service: string;
  kind: string;
  state: string;
  severity: string;
  title: string;
  text: string;
  hint: string | null;
  facts: Record<string, unknown>;
}

describe('alerts over a real webhook', () => {
  let receiver: WebhookReceiver;
  let clock: ManualClock;
  let signals: AlertSignals;
  let alerts: Alerts | undefined;

  function start(env: Record<string, string> = {}, logger = silentLogger()): Alerts {
    const settings = parseAlertSettings({
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_MIN_INTERVAL_MINUTES: '10',
      ALERT_CHECK_SECONDS: '30',
      ALERT_NO_EVENTS_MINUTES: '0',
      SITE_TIMEZONE: ZONE,
      ...env,
    });
    alerts = startAlerts({ settings, readSignals: async () => signals, clock, logger });
    return alerts;
  }

  const bodies = () => receiver.received.map((post) => post.body as GenericBody);

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    clock = new ManualClock(monday('10:00'));
    signals = { deliveryPaused: null, pending: 0, deadLetters: 0, lastEventMs: clock.now() };
  });

  afterEach(async () => {
    await alerts?.stop();
    alerts = undefined;
    await receiver.close();
  });

  it('sends one message when delivery pauses, stays silent while paused, and one when it recovers', async () => {
    const a = start();
    await a.evaluate();
    expect(receiver.received).toHaveLength(0);

    signals = { ...signals, deliveryPaused: { reason: 'Humand answered 403 ACCESS_DENIED', sinceMs: clock.now() }, pending: 12 };
    await a.evaluate();
    expect(bodies()).toHaveLength(1);
    const opened = bodies()[0]!;
    expect(opened).toMatchObject({ service: 'hik2humand', kind: 'delivery-paused', state: 'firing', severity: 'critical' });
    expect(opened.text).toContain('403 ACCESS_DENIED');
    expect(opened.text).toContain('12');
    expect(opened.hint).toContain('HUMAND_AUTH');

    // A thousand checks during a long outage: still one message.
    for (let i = 0; i < 1000; i++) {
      clock.advance(30_000);
      signals = { ...signals, pending: 12 + i };
      await a.evaluate();
    }
    expect(bodies()).toHaveLength(1);

    signals = { ...signals, deliveryPaused: null };
    await a.evaluate();
    expect(bodies()).toHaveLength(2);
    expect(bodies()[1]).toMatchObject({ kind: 'delivery-paused', state: 'resolved', severity: 'info' });
    expect(receiver.received[0]!.contentType).toContain('application/json');
  });

  it('collapses a flapping condition inside the minimum interval into its net change', async () => {
    const a = start({ ALERT_MIN_INTERVAL_MINUTES: '10' });
    const paused = { reason: 'Humand answered 401 UNKNOWN_TOKEN', sinceMs: clock.now() };
    signals = { ...signals, deliveryPaused: paused };
    await a.evaluate();
    expect(bodies()).toHaveLength(1);

    // Recovers and fails again several times within ten minutes.
    for (let i = 0; i < 6; i++) {
      clock.advance(MINUTE);
      signals = { ...signals, deliveryPaused: i % 2 === 0 ? null : paused };
      await a.evaluate();
    }
    expect(bodies()).toHaveLength(1);

    // Ends paused: the net change since the last message is none.
    clock.advance(10 * MINUTE);
    signals = { ...signals, deliveryPaused: paused };
    await a.evaluate();
    expect(bodies()).toHaveLength(1);

    // Recovers for good: the "recovered" message goes out once the interval allows it.
    signals = { ...signals, deliveryPaused: null };
    await a.evaluate();
    expect(bodies().map((b) => b.state)).toEqual(['firing', 'resolved']);
  });

  it('holds a recovery that comes too soon until the minimum interval has passed', async () => {
    const a = start({ ALERT_MIN_INTERVAL_MINUTES: '10' });
    signals = { ...signals, deadLetters: 3 };
    await a.evaluate();
    expect(bodies()[0]).toMatchObject({ kind: 'dead-letters', state: 'firing', facts: { count: 3 } });

    clock.advance(2 * MINUTE);
    signals = { ...signals, deadLetters: 0 };
    await a.evaluate();
    expect(bodies()).toHaveLength(1);

    clock.advance(8 * MINUTE);
    await a.evaluate();
    expect(bodies().map((b) => `${b.kind}:${b.state}`)).toEqual(['dead-letters:firing', 'dead-letters:resolved']);
  });

  it('retries a message the webhook refused, and delivers it exactly once', async () => {
    const a = start();
    receiver.answerWith(500);
    signals = { ...signals, deadLetters: 1 };
    await a.evaluate();
    expect(receiver.received).toHaveLength(0);

    // Still refusing, and too early to retry anyway.
    await a.evaluate();
    receiver.answerWith(200);
    await a.evaluate();
    expect(receiver.received).toHaveLength(0);

    clock.advance(MINUTE);
    await a.evaluate();
    await a.evaluate();
    expect(bodies().map((b) => `${b.kind}:${b.state}`)).toEqual(['dead-letters:firing']);
  });

  it('warns when no access event arrives for the configured time during working hours only', async () => {
    clock = new ManualClock(monday('06:00'));
    signals = { ...signals, lastEventMs: DateTime.fromISO('2026-01-23T18:30', { zone: ZONE }).toMillis() };
    const a = start({ ALERT_NO_EVENTS_MINUTES: '45', ALERT_WORKING_HOURS: '08:00-18:00', ALERT_WORKING_DAYS: 'mon-fri' });

    // Before hours the weekend's silence does not count, nor does the first 45 minutes of the day.
    await a.evaluate();
    clock.advance(2 * 60 * MINUTE + 44 * MINUTE); // 08:44
    await a.evaluate();
    expect(receiver.received).toHaveLength(0);

    clock.advance(MINUTE); // 08:45
    await a.evaluate();
    expect(bodies()).toHaveLength(1);
    expect(bodies()[0]).toMatchObject({ kind: 'no-events', state: 'firing', facts: { quietMinutes: 45, lastEventAt: '2026-01-23 18:30' } });

    // Still nothing: silence, through the evening too.
    clock.advance(10 * 60 * MINUTE);
    await a.evaluate();
    expect(bodies()).toHaveLength(1);

    // An event arrives: recovered.
    signals = { ...signals, lastEventMs: clock.now() - MINUTE };
    await a.evaluate();
    expect(bodies().map((b) => b.state)).toEqual(['firing', 'resolved']);
  });

  it('does not warn about silence outside working hours', async () => {
    clock = new ManualClock(DateTime.fromISO('2026-01-24T10:00', { zone: ZONE }).toMillis()); // Saturday
    signals = { ...signals, lastEventMs: clock.now() - 5 * 60 * MINUTE };
    const a = start({ ALERT_NO_EVENTS_MINUTES: '30', ALERT_WORKING_HOURS: '08:00-18:00', ALERT_WORKING_DAYS: 'mon-fri' });
    for (let i = 0; i < 10; i++) {
      clock.advance(30 * MINUTE);
      await a.evaluate();
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('posts Slack- and Teams-compatible bodies when asked to', async () => {
    const slack = start({ ALERT_FORMAT: 'slack' });
    signals = { ...signals, deliveryPaused: { reason: 'Humand answered 403 <ACCESS_DENIED>', sinceMs: clock.now() } };
    await slack.evaluate();
    const slackBody = receiver.received[0]!.body as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] };
    expect(slackBody.text).toContain('delivery to Humand is paused');
    expect(slackBody.blocks[0]!.type).toBe('section');
    expect(slackBody.blocks[0]!.text!.text).toContain('&lt;ACCESS_DENIED&gt;');
    await slack.stop();

    const teams = start({ ALERT_FORMAT: 'teams', ALERT_LANGUAGE: 'es' });
    await teams.evaluate();
    const teamsBody = receiver.received[1]!.body as {
      type: string;
      attachments: { contentType: string; content: { type: string; body: { type: string; text?: string }[] } }[];
    };
    expect(teamsBody.type).toBe('message');
    expect(teamsBody.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teamsBody.attachments[0]!.content.type).toBe('AdaptiveCard');
    expect(teamsBody.attachments[0]!.content.body[0]!.text).toContain('el envío a Humand está en pausa');
  });

  it('never writes the webhook URL (it carries a token) to the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const a = start({}, createLogger({ destination: sink, level: 'debug', pretty: false }));
    receiver.answerWith(502);
    signals = { ...signals, deadLetters: 2 };
    await a.evaluate();
    receiver.answerWith(200);
    clock.advance(MINUTE);
    await a.evaluate();
    const log = lines.join('');
    expect(log).toContain('alert could not be sent');
    expect(log).toContain('alert sent');
    expect(log).not.toContain('secret-token');
  });
});

describe('alert settings', () => {
  it('names the setting that is wrong', () => {
    expect(() => parseAlertSettings({ ALERT_FORMAT: 'pager' })).toThrow(ConfigurationError);
    expect(() => parseAlertSettings({ ALERT_FORMAT: 'pager' })).toThrow(/ALERT_FORMAT/);
    expect(() => parseAlertSettings({ ALERT_WEBHOOK_URL: 'not a url' })).toThrow(/ALERT_WEBHOOK_URL/);
    expect(() => parseAlertSettings({ ALERT_WORKING_HOURS: '8 to 5' })).toThrow(/ALERT_WORKING_HOURS/);
    expect(() => parseAlertSettings({ ALERT_WORKING_DAYS: 'someday' })).toThrow(/ALERT_WORKING_DAYS/);
  });

  it('defaults to a generic JSON webhook that is off until a URL is given', () => {
    const settings = parseAlertSettings({});
    expect(settings).toMatchObject({ webhookUrl: null, format: 'json', minIntervalMs: 15 * MINUTE });
    expect(settings.noEvents?.quietMs).toBe(60 * MINUTE);
  });

  it('understands night shifts that run past midnight and Spanish day names', () => {
    const hours = parseWorkingHours('22:00-06:00', 'lun-vie', ZONE);
    const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
    expect(isWorkingTime(hours, at('2026-01-26T23:00'))).toBe(true); // Monday night
    expect(isWorkingTime(hours, at('2026-01-27T05:59'))).toBe(true); // Tuesday early: Monday's shift
    expect(isWorkingTime(hours, at('2026-01-27T06:00'))).toBe(false);
    expect(isWorkingTime(hours, at('2026-01-26T03:00'))).toBe(false); // Sunday's shift does not exist
    expect(isWorkingTime(hours, at('2026-01-31T02:00'))).toBe(true); // Friday night into Saturday
  });
});
