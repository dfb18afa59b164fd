import type { HumandErrorBody } from './types.js';

/** Humand's error body is always `{message, code, metadata}`; messages below are the spec's defaults unless noted. */
export function errorBody(code: string, message: string, metadata: Record<string, unknown> = {}): HumandErrorBody {
  return { message, code, metadata };
}

export const invalidCredentials = (): HumandErrorBody => errorBody('UNKNOWN_TOKEN', 'Invalid credentials');
/** Message observed in production when the key's user lacks the permission. */
export const accessDenied = (): HumandErrorBody => errorBody('ACCESS_DENIED', 'The provided user has no access to this resource');
export const rateLimitExceeded = (): HumandErrorBody => errorBody('RATE_LIMIT_EXCEEDED', 'Rate limit reached, please try again later');
export const unexpectedError = (): HumandErrorBody => errorBody('UNKNOWN_ERROR', 'An unexpected error has occurred');
export const notFound = (message = 'Resource not found'): HumandErrorBody => errorBody('NOT_FOUND', message);
export const invalidData = (message = 'The provided data is invalid', metadata: Record<string, unknown> = {}): HumandErrorBody =>
  errorBody('INVALID_DATA', message, metadata);
