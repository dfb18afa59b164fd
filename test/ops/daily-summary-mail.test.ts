import { DateTime } from 'luxon';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAlertSettings } from '../../src/alerts/settings.js';
import { redactText } from '../../src/logging/redact.js';
import { DAY, SITE_TZ, tapBy } from '../e2e/harness.js';
import { generatedDay, startOpsWorld, type OpsWorld } from './helpers/ops-world.js';
import { until } from './helpers/until.js';

interface Received {
  readonly from: string | undefined;
  readonly to: string[];
  readonly user: string | undefined;
  readonly raw: string;
}

/** A real SMTP server on loopback that keeps what it is given (and can refuse, as a full mailbox would). */
async function startMailServer(): Promise<{ url: string; received: Received[]; refuse(on: boolean): void; close(): Promise<void> }> {
  const received: Received[] = [];
  let refusing = false;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'asistencia' && auth.password === 'clave secreta') callback(null, { user: auth.username });
      else callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        if (refusing) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: quotedPrintableDecoded(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://asistencia:${encodeURIComponent('clave secreta')}@127.0.0.1:${port}`,
    received,
    refuse: (on) => (refusing = on),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The mail as text: quoted-printable soft breaks joined and =XX bytes decoded as UTF-8. */
function quotedPrintableDecoded(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

let w: OpsWorld | undefined;
let mail: Awaited<ReturnType<typeof startMailServer>> | undefined;
afterEach(async () => {
  await w?.close();
  await mail?.close();
  w = undefined;
  mail = undefined;
});

const local = (iso: string) => DateTime.fromISO(iso, { zone: SITE_TZ }).toMillis();
const NEXT_DAY = DateTime.fromISO(DAY).plus({ days: 1 }).toISODate()!;

describe('daily HR summary by mail', () => {
  it("mails yesterday's incidents to HR through SMTP, in Spanish, once; a server that refuses is tried again at the next check", async () => {
    mail = await startMailServer();
    const day = generatedDay(6, 21);
    w = await startOpsWorld({
      day,
      clockStartMs: local(`${NEXT_DAY}T06:30:00`),
      alertEnv: {
        HR_SUMMARY_HOUR: '7',
        ALERT_LANGUAGE: 'es',
        HR_SUMMARY_EMAIL_TO: 'rrhh@planta.example, jefa.turno@planta.example',
        SMTP_URL: mail.url,
        SMTP_FROM: 'asistencia@planta.example',
      },
    });
    const { app, ops, alerts, clock } = w;
    await app.refreshMappings();
    // A clock-in and no clock-out: an open day by the next morning.
    const open = (await app.ingest([tapBy(day.employees[3]!, 'mail-open', `${DAY}T07:00:00-03:00`, { checkInAndOutType: 1 })], 'push')).newPunchIds[0]!;
    await app.deliverPending();
    await until('the clock-in delivered', async () => (await app.store.getPunch(open))?.outcome === 'delivered');

    clock.jumpTo(local(`${NEXT_DAY}T07:00:05`));
    mail.refuse(true);
    expect(await ops.alerts.sendDailySummaryIfDue()).toBe(false);
    expect(mail.received).toHaveLength(0);
    mail.refuse(false);
    expect(await ops.alerts.sendDailySummaryIfDue()).toBe(true);
    expect(await ops.alerts.sendDailySummaryIfDue()).toBe(false);

    expect(mail.received).toHaveLength(1);
    const [sent] = mail.received;
    expect(sent!.user).toBe('asistencia');
    expect(sent!.from).toBe('asistencia@planta.example');
    expect(sent!.to).toEqual(['rrhh@planta.example', 'jefa.turno@planta.example']);
    expect(sent!.raw).toMatch(new RegExp(`^Subject: hik2humand: incidencias de asistencia del ${DAY}`, 'm'));
    expect(sent!.raw).toContain('Empleados con alguna incidencia (1):');
    expect(sent!.raw).toContain(day.employees[3]!.lastName);
    // The summary went by mail, not to the alert webhook.
    expect(alerts.received.filter((r) => (r.body as { kind?: string }).kind === 'daily-summary')).toHaveLength(0);
  });

  it('names the variable when the mail settings are incomplete or wrong, and keeps the SMTP password out of every text', () => {
    expect(() => parseAlertSettings({ HR_SUMMARY_HOUR: '7' })).toThrow(/HR_SUMMARY_EMAIL_TO \(with SMTP_URL\) or ALERT_WEBHOOK_URL/);
    expect(() => parseAlertSettings({ HR_SUMMARY_HOUR: '7', HR_SUMMARY_EMAIL_TO: 'rrhh@planta.example' })).toThrow(/SMTP_URL is not/);
    expect(() => parseAlertSettings({ HR_SUMMARY_EMAIL_TO: 'rrhh@planta.example', SMTP_URL: 'smtp://mail.example:587' })).toThrow(/SMTP_FROM is not/);
    expect(() => parseAlertSettings({ HR_SUMMARY_EMAIL_TO: 'rrhh, x@y.example', SMTP_URL: 'smtp://mail.example', SMTP_FROM: 'a@b.example' })).toThrow(
      /HR_SUMMARY_EMAIL_TO: "rrhh" is not an email address/,
    );
    expect(() => parseAlertSettings({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    const settings = parseAlertSettings({
      HR_SUMMARY_HOUR: '7',
      HR_SUMMARY_EMAIL_TO: 'rrhh@planta.example',
      SMTP_URL: 'smtps://asistencia:otra%20clave@mail.planta.example:465',
      SMTP_FROM: 'asistencia@planta.example',
    });
    expect(settings.summaryEmail?.to).toEqual(['rrhh@planta.example']);
    expect(redactText('login failed for otra clave')).not.toContain('otra clave');
  });
});
