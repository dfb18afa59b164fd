import type { SettingsWords } from './settings-words.js';

export const SETTINGS_EN: SettingsWords = {
  language: 'en',
  invalid: (name, message) => `${name} is invalid: ${message}`,
  atLeast: (characters) => `must be at least ${characters} characters`,
  hostNames: 'names only, comma separated, e.g. hik2humand.plant.local,dashboard.example.com',
  adminHint: 'see docs/operations.md for the admin server settings',
  passwordAndToken: 'DASHBOARD_PASSWORD and DASHBOARD_TOKEN are both set',
  onlyOne: 'set only one of them',
  openToNetwork: (host) => `ADMIN_HOST=${host} without DASHBOARD_PASSWORD or DASHBOARD_TOKEN would open the dashboard and its API to the network`,
  openToNetworkHint: 'set DASHBOARD_PASSWORD (with DASHBOARD_USER) or DASHBOARD_TOKEN, or bind ADMIN_HOST to 127.0.0.1',
  hrWithoutAdmin:
    'DASHBOARD_HR_PASSWORD is set but there is no admin login: without DASHBOARD_PASSWORD or DASHBOARD_TOKEN everyone is admin, so a read-only HR login would protect nothing',
  hrWithoutAdminHint: 'set DASHBOARD_PASSWORD (with DASHBOARD_USER) or DASHBOARD_TOKEN for IT as well',
  hrSameUser: (user) => `DASHBOARD_HR_USER and DASHBOARD_USER are both "${user}"`,
  hrSameUserHint: 'give the HR login its own user name (default rrhh)',

  alertHint: 'see docs/operations.md for the alert settings',
  minimumSecond: 'the minimum is 1 (second)',
  smtpUrlFormat: 'must be smtp://user:password@host:587 or smtps://…:465',
  smtpFromFormat: 'must be an email address, e.g. asistencia@planta.example',
  summaryNowhere: 'HR_SUMMARY_HOUR is set but there is nowhere to send the summary: set HR_SUMMARY_EMAIL_TO (with SMTP_URL) or ALERT_WEBHOOK_URL',
  summaryNowhereHint:
    'set HR_SUMMARY_EMAIL_TO, SMTP_URL and SMTP_FROM to mail it to HR, or ALERT_WEBHOOK_URL (Slack, Teams or JSON; see docs/operations.md), or remove HR_SUMMARY_HOUR',
  notEmail: (addresses) => `HR_SUMMARY_EMAIL_TO: "${addresses.join('", "')}" is not an email address — use e.g. rrhh@planta.example, jefa.turno@planta.example`,
  noEmail: 'HR_SUMMARY_EMAIL_TO: names no address — use e.g. rrhh@planta.example, jefa.turno@planta.example',
  noSmtpUrl: 'HR_SUMMARY_EMAIL_TO is set but SMTP_URL is not — e.g. SMTP_URL=smtp://user:password@mail.planta.example:587',
  noSmtpFrom: 'HR_SUMMARY_EMAIL_TO is set but SMTP_FROM is not — the sender address, e.g. SMTP_FROM=asistencia@planta.example',
  emailHint: 'see docs/operations.md, "Daily HR summary"',

  httpUrl: 'must be an http:// or https:// URL',
  slashPath: 'must start with "/"',
  tokenLength: 'must be at least 16 characters (e.g. `openssl rand -hex 24`)',
  minimumMinute: 'the minimum is 1 (minute)',
  pushUnreadable: (variable, path) => `${variable} cannot be read: ${path}`,
  pushUnreadableHint: (variable) => `Point ${variable} at a readable PEM file.`,
  pushInvalidHint: (variable) => `Fix ${variable} (see docs/push.md).`,
  tokenMissing: 'push mode needs WEBHOOK_TOKEN',
  tokenMissingHint:
    'Set WEBHOOK_TOKEN to a long random value (e.g. `openssl rand -hex 24`): HikCentral sends it with every push and the receiver refuses requests without it.',
  portMissing: 'push mode needs WEBHOOK_PORT (WEBHOOK_URL names no port)',
  portMissingHint: 'Set WEBHOOK_PORT to the port the receiver listens on.',
  tlsPair: 'WEBHOOK_TLS_CERT and WEBHOOK_TLS_KEY go together',
  tlsPairHint: 'Set both (PEM files) to serve HTTPS, or neither.',
};
