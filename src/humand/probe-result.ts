import type { HumandFailure, RateLimitInfo } from '../domain/humand.js';

/** What `doctor` needs to know about the Humand side. */
export type HumandProbeStatus = 'ok' | 'unauthorised' | 'forbidden' | 'unreachable' | 'rate-limited' | 'unexpected';

export interface HumandProbeResult {
  readonly status: HumandProbeStatus;
  /** HTTP status when an answer came back. */
  readonly httpStatus: number | null;
  readonly message: string;
  /** What a person can do; null when all is well. */
  readonly hint: string | null;
  readonly rateLimit: RateLimitInfo | null;
  readonly elapsedMs: number;
}

/** A failed probe as `doctor` says it: what happened and what to do. */
export function describeProbeFailure(failure: HumandFailure, baseUrl: string): Omit<HumandProbeResult, 'rateLimit' | 'elapsedMs'> {
  switch (failure.kind) {
    case 'unauthorised':
      return {
        status: 'unauthorised',
        httpStatus: 401,
        message: `Humand refused the API key: ${failure.message}`,
        hint: 'HUMAND_AUTH is wrong, revoked or belongs to another community. Paste the key exactly as Humand issued it (with or without "Basic ").',
      };
    case 'forbidden':
      return {
        status: 'forbidden',
        httpStatus: 403,
        message: `Humand accepted the key but denied access: ${failure.message}`,
        hint: "Give the API key's user the users and time-tracking permissions in Humand, and if the key has an IP allowlist add this machine's public IP. Punches are kept until this is fixed.",
      };
    case 'rate-limited':
      return {
        status: 'rate-limited',
        httpStatus: 429,
        message: `Humand's rate limit is exhausted right now (retry in ${Math.ceil(failure.retryAfterMs / 1000)} s); the key works`,
        hint: "Something else may be sharing this API key's 50 requests per minute.",
      };
    case 'transient':
      return failure.status === null
        ? {
            status: 'unreachable',
            httpStatus: null,
            message: failure.message,
            hint: `Check HUMAND_BASE_URL (${baseUrl}), DNS, and that this machine may open outbound HTTPS connections to it.`,
          }
        : { status: 'unexpected', httpStatus: failure.status, message: failure.message, hint: 'Humand is having trouble; try again in a few minutes.' };
    default:
      return {
        status: 'unexpected',
        httpStatus: failure.status,
        message: failure.message,
        hint: `Check that HUMAND_BASE_URL (${baseUrl}) points at Humand's public API.`,
      };
  }
}
