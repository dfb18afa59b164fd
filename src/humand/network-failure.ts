import { errorCodesOf } from '../domain/error-codes.js';
/** Why an HTTP exchange with Humand produced no answer. */
export type NetworkFailureReason = 'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'aborted' | 'other';

export interface NetworkFailure {
  readonly reason: NetworkFailureReason;
  /** Short, secret-free description for logs and the transient failure's message. */
  readonly message: string;
  /** What a person can do about it (used by `probe()`). */
  readonly hint: string;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL']);
const REFUSED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * @param timedOut our own deadline fired (the abort then looks like any other abort)
 * @param callerAborted the caller's signal fired (shutdown): not a network fault, but still no answer
 */
export function describeNetworkFailure(
  error: unknown,
  context: { readonly origin: string; readonly timedOut: boolean; readonly callerAborted: boolean },
): NetworkFailure {
  const codes = errorCodesOf(error);
  const { origin } = context;
  if (context.timedOut || codes.some((code) => TIMEOUT_CODES.has(code))) {
    return {
      reason: 'timeout',
      message: `Humand did not answer in time (${origin})`,
      hint: 'Humand is slow or unreachable; the call is retried. If it persists, check the network path or raise HUMAND request timeouts.',
    };
  }
  if (context.callerAborted || codes.includes('ABORTED') || codes.includes('UND_ERR_ABORTED')) {
    return {
      reason: 'aborted',
      message: 'Request to Humand was cancelled before an answer arrived',
      hint: 'Nothing to do: the caller stopped waiting (shutdown).',
    };
  }
  if (codes.some((code) => REFUSED_CODES.has(code))) {
    return {
      reason: 'refused',
      message: `Connection to Humand refused or unreachable (${origin})`,
      hint: 'Check HUMAND_BASE_URL (host and port) and that outbound HTTPS to it is allowed by the firewall/proxy.',
    };
  }
  if (codes.some((code) => DNS_CODES.has(code))) {
    return {
      reason: 'dns',
      message: `Humand host name could not be resolved (${origin})`,
      hint: "Check HUMAND_BASE_URL spelling and this machine's DNS resolver.",
    };
  }
  if (codes.some((code) => code.startsWith('ERR_TLS') || code.includes('CERT') || code.includes('SSL'))) {
    return {
      reason: 'tls',
      message: `TLS handshake with Humand failed (${origin}: ${codes.find((code) => code.startsWith('ERR_TLS') || code.includes('CERT') || code.includes('SSL')) ?? 'tls'})`,
      hint: 'A proxy may be intercepting HTTPS: give its CA certificate to Node (NODE_EXTRA_CA_CERTS) or fix the proxy.',
    };
  }
  if (codes.some((code) => RESET_CODES.has(code))) {
    return {
      reason: 'reset',
      message: `Connection to Humand was closed before the answer arrived (${origin})`,
      hint: 'Usually a network blip; the call is retried. The request may have been processed.',
    };
  }
  const detail = error instanceof Error ? `${error.name}${codes.length > 0 ? ` ${codes.join(',')}` : ''}` : 'unknown error';
  return {
    reason: 'other',
    message: `Network failure talking to Humand (${origin}): ${detail}`,
    hint: 'Check the network path to HUMAND_BASE_URL; the call is retried.',
  };
}
