import type { ErrorCategory } from './errors.js';

/**
 * Every code the product gives its own errors, in one table: what it is about and how it is
 * classified. An error's `code` must be one of these (the compiler checks), so a code seen in a
 * log, in `status` or on the dashboard can be looked up here. Codes an outside system sent
 * (HikCentral's `0x…`, a socket's `ECONNREFUSED`) travel as they came.
 */
export const ERROR_CODES = {
  ADMIN_AUTH_REQUIRED: { category: 'configuration', about: 'the dashboard listens beyond localhost without ADMIN_USER and ADMIN_PASSWORD' },
  ADMIN_HR_SAME_USER: { category: 'configuration', about: 'the read-only HR login has the same user name as the admin login' },
  ADMIN_HR_WITHOUT_ADMIN: { category: 'configuration', about: 'an HR login is set without an admin login' },
  ALERT_EMAIL_FAILED: { category: 'transient', about: 'the mail server did not take the daily HR summary' },
  ALERT_WEBHOOK_REFUSED: { category: 'transient', about: 'the alert webhook answered with an error' },
  ALERT_WEBHOOK_UNREACHABLE: { category: 'transient', about: 'the alert webhook could not be reached' },
  BACKUP_POSTGRES: { category: 'configuration', about: '`backup` on a PostgreSQL ledger (use pg_dump)' },
  BACKUP_TARGET: { category: 'configuration', about: 'the backup file cannot be written where asked' },
  BAD_EVENT_TYPES: { category: 'configuration', about: 'the event types given to `subscribe` are not numbers' },
  CONFIG_INVALID: { category: 'configuration', about: 'one or more settings are wrong; each problem names its variable' },
  DELIVERY_FENCED: { category: 'transient', about: 'a request was not sent: this instance lost the delivery lease meanwhile' },
  DOCTOR_DAYS: { category: 'configuration', about: '`doctor --days` is not a whole number in range' },
  HR_SUMMARY_EMAIL_INVALID: { category: 'configuration', about: 'HR_SUMMARY_EMAIL_TO, SMTP_URL or SMTP_FROM is missing or not valid' },
  HR_SUMMARY_WITHOUT_WEBHOOK: { category: 'configuration', about: 'the daily HR summary is on but there is no alert webhook to send it to' },
  HUMAND_UNREACHABLE: { category: 'transient', about: 'Humand did not answer (network, timeout, 5xx); punches are kept' },
  INIT_CHECK_FAILED: { category: 'configuration', about: '`init` could not connect with the answers given' },
  INIT_EXISTS: { category: 'configuration', about: '`init` would replace existing configuration files' },
  INIT_FLAG: { category: 'configuration', about: 'an `init` flag has a value that cannot be used' },
  INIT_MAPPING: { category: 'configuration', about: 'the person mapping chosen in `init` does not exist' },
  INIT_NO_EVENTS: { category: 'configuration', about: '`init` found no passages to propose time clocks from' },
  INIT_NO_TERMINAL: { category: 'configuration', about: '`init --isapi` was given no terminal' },
  INIT_TIME_CLOCK: { category: 'configuration', about: 'a time clock named in `init` is not a door or reader HikCentral knows' },
  INIT_USERS: { category: 'configuration', about: '`init` could not read Humand users' },
  ISAPI_CREDENTIALS: { category: 'configuration', about: 'a terminal refused the user name or password' },
  ISAPI_HTTP: { category: 'configuration', about: 'a terminal answered an ISAPI request with an HTTP error (5xx: transient)' },
  ISAPI_LOCKED: { category: 'configuration', about: 'a terminal locked the account after failed logins; it unlocks by itself after a while' },
  ISAPI_TLS: { category: 'configuration', about: "a terminal's certificate is not trusted" },
  ISAPI_UNREACHABLE: { category: 'transient', about: 'a terminal could not be reached' },
  LEDGER_BUSY: { category: 'configuration', about: 'another process delivers from the same ledger' },
  LEDGER_SCHEMA_NEWER: { category: 'configuration', about: 'the ledger was written by a newer release' },
  NOT_CONFIGURED: { category: 'configuration', about: 'the command needs a connection that is not configured' },
  NO_LEDGER: { category: 'configuration', about: 'there is no ledger where the configuration points' },
  NO_SYSTEMD: { category: 'configuration', about: '`service install` on a machine without systemd' },
  PORT_IN_USE: { category: 'configuration', about: 'a port the service listens on is taken' },
  SERVICE_NAME: { category: 'configuration', about: 'the service name is not a valid unit name' },
  SERVICE_NOT_ROOT: { category: 'configuration', about: '`service install` needs root' },
  SERVICE_STEP_FAILED: { category: 'configuration', about: 'a step of `service install` failed' },
  STORE_CONFIG: { category: 'configuration', about: 'the ledger database refused the connection settings (password, database, permissions)' },
  STORE_FAILED: { category: 'transient', about: 'a ledger read or write failed' },
  SUBSCRIPTION_NOT_APPLIED: { category: 'configuration', about: 'HikCentral accepted the subscription but does not show it' },
  SUBSCRIPTION_NO_EVENT_TYPES: { category: 'configuration', about: 'there are no event types to subscribe to' },
  WEBHOOK_ALLOWED_IPS_INVALID: { category: 'configuration', about: 'WEBHOOK_ALLOWED_IPS has an entry that is not an address or range' },
  WEBHOOK_CONFIG_INVALID: { category: 'configuration', about: 'a push receiver setting is wrong' },
  WEBHOOK_PORT_MISSING: { category: 'configuration', about: 'the push receiver has no port' },
  WEBHOOK_TLS_INCOMPLETE: { category: 'configuration', about: 'the push receiver has a certificate without its key, or the other way round' },
  WEBHOOK_TLS_UNREADABLE: { category: 'configuration', about: "the push receiver's certificate or key cannot be read" },
  WEBHOOK_TOKEN_MISSING: { category: 'configuration', about: 'push is on without WEBHOOK_TOKEN' },
  WEBHOOK_URL_INVALID: { category: 'configuration', about: 'WEBHOOK_URL is not an http(s) URL HikCentral can reach' },
  WEBHOOK_URL_MISSING: { category: 'configuration', about: '`subscribe` needs WEBHOOK_URL' },
} as const satisfies Record<string, { readonly category: ErrorCategory; readonly about: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
