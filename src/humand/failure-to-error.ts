import { AppError, BadInputError, ConfigurationError, RateLimitedError, RejectedByRuleError, TransientError } from '../domain/errors.js';
import type { HumandFailure } from '../domain/humand.js';

/**
 * For callers that prefer throwing: the classified failure as the project's typed error,
 * with a hint a person can act on.
 */
export function humandFailureToError(failure: HumandFailure): AppError {
  switch (failure.kind) {
    case 'rejected-by-rule':
      return new RejectedByRuleError(`Humand rejected the entry: ${failure.message}`, {
        upstreamCode: failure.code ?? undefined,
        hint: "Humand's time-tracking rules refused it (alternation, duplicate, future time, or unknown/inactive employee). Review the employee's timeline in Humand.",
      });
    case 'unauthorised':
      return new ConfigurationError(`Humand refused the API key: ${failure.message}`, {
        upstreamCode: failure.code ?? undefined,
        hint: 'Check HUMAND_AUTH: it must be the key exactly as Humand issued it.',
      });
    case 'forbidden':
      return new ConfigurationError(`Humand denied access: ${failure.message}`, {
        upstreamCode: failure.code ?? undefined,
        hint: "Give the API key's user the time-tracking permission, and add this machine's IP to the key's allowlist if it has one. Punches are kept meanwhile.",
      });
    case 'rate-limited':
      return new RateLimitedError(`Humand rate limit reached: ${failure.message}`, failure.retryAfterMs, {
        hint: 'The key allows 50 requests per minute shared by every user of the key; this is waited out automatically.',
      });
    case 'transient':
      return new TransientError(`Humand is temporarily unavailable: ${failure.message}`, {
        hint: 'Retried with backoff. If the request was a clock entry it may have been recorded: reconcile before resending.',
      });
    case 'not-found':
      return new BadInputError(`Not found in Humand: ${failure.message}`, {
        upstreamCode: failure.code ?? undefined,
        hint: 'The employee does not exist in Humand with that employeeInternalId: check the person mapping.',
      });
    case 'bad-request':
      return new BadInputError(`Humand refused the request as invalid: ${failure.message}`, {
        upstreamCode: failure.code ?? undefined,
        hint: 'The request was malformed; this is a defect to report, not something a retry fixes.',
      });
  }
}
