/**
 * Secrets never reach a log line. Paths are pino redact paths; `redactText` scrubs
 * free text (error messages, echoed strings-to-sign) of any registered secret value.
 */
export const REDACT_PATHS = [
  'secret',
  'appSecret',
  'HIK_SECRET',
  'HUMAND_AUTH',
  'WEBHOOK_TOKEN',
  'DASHBOARD_PASSWORD',
  'DASHBOARD_HR_PASSWORD',
  'DASHBOARD_TOKEN',
  'token',
  'password',
  'authorization',
  'Authorization',
  '*.secret',
  '*.appSecret',
  '*.HIK_SECRET',
  '*.HUMAND_AUTH',
  '*.WEBHOOK_TOKEN',
  '*.DASHBOARD_PASSWORD',
  '*.DASHBOARD_HR_PASSWORD',
  '*.DASHBOARD_TOKEN',
  '*.token',
  '*.password',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.token',
  'headers["x-ca-signature"]',
  'req.headers.authorization',
  'req.headers.token',
  'config.hikSecret',
  'config.humandAuth',
  // ISAPI devices (src/config/isapi.ts), when a device list or the whole config is logged.
  'devices[*].password',
  '*.devices[*].password',
  'isapi.devices[*].password',
];

const registeredSecrets = new Set<string>();

/** Registers a secret value so that `redactText` removes it wherever it appears. */
export function registerSecret(value: string | undefined | null): void {
  if (!value) return;
  const trimmed = value.trim();
  if (trimmed.length < 4) return;
  registeredSecrets.add(trimmed);
  if (trimmed.toLowerCase().startsWith('basic ')) registeredSecrets.add(trimmed.slice(6).trim());
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of registeredSecrets) {
    if (secret.length > 0) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}
