import { z } from 'zod';
import { ConfigurationError } from '../domain/errors.js';
import { registerSecret } from '../logging/redact.js';
import type { EmailSettings } from './email-notifier.js';
import { parseWorkingHours, type WorkingHours } from './working-hours.js';
import { ALERT_FORMATS, type AlertFormat } from './payloads.js';
import type { AlertLanguage } from './messages.js';

export interface AlertSettings {
  /** Null: alerts are evaluated (and shown on the dashboard) but not sent anywhere. */
  readonly webhookUrl: string | null;
  readonly format: AlertFormat;
  readonly language: AlertLanguage;
  readonly minIntervalMs: number;
  readonly checkIntervalMs: number;
  /** Null disables the "no access events" alert. */
  readonly noEvents: { readonly quietMs: number; readonly hours: WorkingHours } | null;
  readonly dashboardUrl: string | null;
  /** HR_SUMMARY_HOUR: local hour (site time) of the daily HR summary of yesterday's incidents; null: off. */
  readonly dailySummaryHour?: number | null;
  /** HR_SUMMARY_EMAIL_TO with SMTP_URL and SMTP_FROM: the summary is mailed to HR instead of posted to the webhook. */
  readonly summaryEmail?: EmailSettings | null;
  readonly timezone?: string;
}

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const schema = z.object({
  ALERT_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  ALERT_FORMAT: z.preprocess(emptyToUndefined, z.enum(ALERT_FORMATS as [AlertFormat, ...AlertFormat[]]).default('json')),
  ALERT_LANGUAGE: z.preprocess(emptyToUndefined, z.enum(['en', 'es']).default('en')),
  ALERT_MIN_INTERVAL_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().min(0).default(15)),
  ALERT_CHECK_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(1, 'the minimum is 1 (second)').default(30)),
  ALERT_NO_EVENTS_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().min(0).default(60)),
  ALERT_WORKING_HOURS: z.preprocess(emptyToUndefined, z.string().default('07:00-19:00')),
  ALERT_WORKING_DAYS: z.preprocess(emptyToUndefined, z.string().default('mon-fri')),
  SITE_TIMEZONE: z.preprocess(emptyToUndefined, z.string().default('America/Argentina/Buenos_Aires')),
  DASHBOARD_PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  HR_SUMMARY_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(23).optional()),
  HR_SUMMARY_EMAIL_TO: z.preprocess(emptyToUndefined, z.string().optional()),
  SMTP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^smtps?$/, error: 'must be smtp://user:password@host:587 or smtps://…:465' }).optional()),
  SMTP_FROM: z.preprocess(emptyToUndefined, z.email({ error: 'must be an email address, e.g. asistencia@planta.example' }).optional()),
});

/** Reads the ALERT_* settings (see docs/operations.md). */
export function parseAlertSettings(env: Readonly<Record<string, string | undefined>>): AlertSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'ALERT_*';
    throw new ConfigurationError(`${name} is invalid: ${issue?.message ?? 'unreadable'}`, {
      hint: 'see docs/operations.md for the alert settings',
    });
  }
  const v = parsed.data;
  const summaryEmail = emailSettings(v);
  if (v.HR_SUMMARY_HOUR !== undefined && v.ALERT_WEBHOOK_URL === undefined && summaryEmail === null) {
    throw new ConfigurationError(
      'HR_SUMMARY_HOUR is set but there is nowhere to send the summary: set HR_SUMMARY_EMAIL_TO (with SMTP_URL) or ALERT_WEBHOOK_URL',
      {
        code: 'HR_SUMMARY_WITHOUT_WEBHOOK',
        hint: 'set HR_SUMMARY_EMAIL_TO, SMTP_URL and SMTP_FROM to mail it to HR, or ALERT_WEBHOOK_URL (Slack, Teams or JSON; see docs/operations.md), or remove HR_SUMMARY_HOUR',
      },
    );
  }
  return {
    webhookUrl: v.ALERT_WEBHOOK_URL ?? null,
    format: v.ALERT_FORMAT,
    language: v.ALERT_LANGUAGE,
    minIntervalMs: v.ALERT_MIN_INTERVAL_MINUTES * 60_000,
    checkIntervalMs: v.ALERT_CHECK_SECONDS * 1000,
    noEvents:
      v.ALERT_NO_EVENTS_MINUTES === 0
        ? null
        : { quietMs: v.ALERT_NO_EVENTS_MINUTES * 60_000, hours: parseWorkingHours(v.ALERT_WORKING_HOURS, v.ALERT_WORKING_DAYS, v.SITE_TIMEZONE) },
    dashboardUrl: v.DASHBOARD_PUBLIC_URL ?? null,
    dailySummaryHour: v.HR_SUMMARY_HOUR ?? null,
    summaryEmail,
    timezone: v.SITE_TIMEZONE,
  };
}

function emailSettings(v: z.infer<typeof schema>): EmailSettings | null {
  if (v.HR_SUMMARY_EMAIL_TO === undefined) return null;
  const to = v.HR_SUMMARY_EMAIL_TO.split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  const wrong = to.filter((address) => !z.email().safeParse(address).success);
  const problem =
    to.length === 0 || wrong.length > 0
      ? `HR_SUMMARY_EMAIL_TO: ${wrong.length > 0 ? `"${wrong.join('", "')}" is not an email address` : 'names no address'} — use e.g. rrhh@planta.example, jefa.turno@planta.example`
      : v.SMTP_URL === undefined
        ? 'HR_SUMMARY_EMAIL_TO is set but SMTP_URL is not — e.g. SMTP_URL=smtp://user:password@mail.planta.example:587'
        : v.SMTP_FROM === undefined
          ? 'HR_SUMMARY_EMAIL_TO is set but SMTP_FROM is not — the sender address, e.g. SMTP_FROM=asistencia@planta.example'
          : null;
  if (problem !== null) throw new ConfigurationError(problem, { code: 'HR_SUMMARY_EMAIL_INVALID', hint: 'see docs/operations.md, "Daily HR summary"' });
  const url = new URL(v.SMTP_URL!);
  registerSecret(decodeURIComponent(url.password));
  return { smtpUrl: v.SMTP_URL!, from: v.SMTP_FROM!, to };
}
