import { ConfigurationError, TransientError, type AppError } from '../domain/errors.js';

/** A terminal that could not be read: typed by category like every other error. */
export function deviceUnreachable(device: string, detail: string, cause?: unknown): AppError {
  return new TransientError(`terminal ${device} could not be reached: ${detail}`, {
    code: 'ISAPI_UNREACHABLE',
    hint: `Check that the terminal "${device}" is powered and on the network (its address in the config file); it is read again next pass and catches up from its buffer.`,
    ...(cause !== undefined ? { cause } : {}),
  });
}

export function credentialsRefused(device: string, nextTryMs: number, locked: boolean): AppError {
  return new ConfigurationError(
    locked
      ? `terminal ${device} has locked the user after failed logins; not trying before ${new Date(nextTryMs).toISOString()}`
      : `terminal ${device} refused the user and password; not trying again before ${new Date(nextTryMs).toISOString()} so that its lockout never triggers`,
    {
      code: locked ? 'ISAPI_LOCKED' : 'ISAPI_CREDENTIALS',
      hint: `Check user and password of "${device}" in the config file (the device's web page: Configuration > User Management). The device locks a user after a few failed logins, so hik2humand waits longer after each refusal.`,
    },
  );
}

export function deviceAnswered(device: string, path: string, status: number, body: string): AppError {
  const message = `terminal ${device} answered ${path} with HTTP ${status}: ${body.replace(/\s+/g, ' ').slice(0, 300)}`;
  return status >= 500
    ? new TransientError(message, { code: 'ISAPI_HTTP' })
    : new ConfigurationError(message, {
        code: 'ISAPI_HTTP',
        hint: 'The firmware may not offer this ISAPI resource or expects other parameters; see docs/isapi.md.',
      });
}

export function tlsRefused(device: string, code: string, cause: unknown): AppError {
  return new ConfigurationError(`the certificate of terminal ${device} is not trusted (${code})`, {
    code: 'ISAPI_TLS',
    hint: `Export the terminal's certificate (its web page: Configuration > Network > Advanced Settings > HTTPS, or: openssl s_client -showcerts -connect HOST:443 </dev/null) to a PEM file and set caFile for "${device}" in the config file.`,
    cause,
  });
}
