import { z } from 'zod';
import { SETTINGS_EN, type SettingsWords } from '../config/words/settings-words.js';
import { validationLocale } from '../config/words/validation-locale.js';
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

function alertSchema(w: SettingsWords) {
  return z.object({
    ALERT_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    ALERT_FORMAT: z.preprocess(emptyToUndefined, z.enum(ALERT_FORMATS as [AlertFormat, ...AlertFormat[]]).default('json')),
    ALERT_LANGUAGE: z.preprocess(emptyToUndefined, z.enum(['en', 'es']).default('en')),
    ALERT_MIN_INTERVAL_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().min(0).default(15)),
    ALERT_CHECK_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(1, w.minimumSecond).default(30)),
    ALERT_NO_EVENTS_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().min(0).default(60)),
    ALERT_WORKING_HOURS: z.preprocess(emptyToUndefined, z.string().default('07:00-19:00')),
    ALERT_WORKING_DAYS: z.preprocess(emptyToUndefined, z.string().default('mon-fri')),
    SITE_TIMEZONE: z.preprocess(emptyToUndefined, z.string().default('America/Argentina/Buenos_Aires')),
    DASHBOARD_PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
    HR_SUMMARY_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(23).optional()),
    HR_SUMMARY_EMAIL_TO: z.preprocess(emptyToUndefined, z.string().optional()),
    SMTP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^smtps?$/, error: w.smtpUrlFormat }).optional()),
    SMTP_FROM: z.preprocess(emptyToUndefined, z.email({ error: w.smtpFromFormat }).optional()),
  });
}

type AlertEnv = z.infer<ReturnType<typeof alertSchema>>;

/** Reads the ALERT_* settings (see docs/operations.md). */
export function parseAlertSettings(env: Readonly<Record<string, string | undefined>>, w: SettingsWords = SETTINGS_EN): AlertSettings {
  const parsed = alertSchema(w).safeParse(env, validationLocale(w.language));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'ALERT_*';
    throw new ConfigurationError(w.invalid(name, issue?.message ?? '?'), { hint: w.alertHint });
  }
  const v = parsed.data;
  const summaryEmail = emailSettings(v, w);
  if (v.HR_SUMMARY_HOUR !== undefined && v.ALERT_WEBHOOK_URL === undefined && summaryEmail === null) {
    throw new ConfigurationError(w.summaryNowhere, { code: 'HR_SUMMARY_WITHOUT_WEBHOOK', hint: w.summaryNowhereHint });
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

function emailSettings(v: AlertEnv, w: SettingsWords): EmailSettings | null {
  if (v.HR_SUMMARY_EMAIL_TO === undefined) return null;
  const to = v.HR_SUMMARY_EMAIL_TO.split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  const wrong = to.filter((address) => !z.email().safeParse(address).success);
  const problem =
    wrong.length > 0
      ? w.notEmail(wrong)
      : to.length === 0
        ? w.noEmail
        : v.SMTP_URL === undefined
          ? w.noSmtpUrl
          : v.SMTP_FROM === undefined
            ? w.noSmtpFrom
            : null;
  if (problem !== null) throw new ConfigurationError(problem, { code: 'HR_SUMMARY_EMAIL_INVALID', hint: w.emailHint });
  const url = new URL(v.SMTP_URL!);
  registerSecret(decodeURIComponent(url.password));
  return { smtpUrl: v.SMTP_URL!, from: v.SMTP_FROM!, to };
}
