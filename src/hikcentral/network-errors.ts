import { errorCodesOf } from '../domain/error-codes.js';
import { HikCentralError } from './errors.js';

const UNTRUSTED_CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
/** How undici reports a connection the other side closed before any answer. */
const CLOSED_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

function hostnameOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return baseUrl;
  }
}

/** Turns a socket / TLS / timeout failure into a typed error with a hint a person can act on. */
export function classifyNetworkError(error: unknown, context: { path: string; timedOut: boolean; baseUrl: string }): HikCentralError {
  const codes = errorCodesOf(error);
  const { path, baseUrl } = context;
  const detail = error instanceof Error ? error.message : String(error);

  const tlsCode = codes.find((code) => UNTRUSTED_CERTIFICATE_CODES.has(code));
  if (tlsCode !== undefined) {
    return new HikCentralError(`The HikCentral certificate at ${baseUrl} is not trusted (${tlsCode})`, {
      reason: 'tls-untrusted',
      path,
      detailCode: tlsCode,
      hint: 'Set HIK_CA_CERT to a PEM file with the CA (or the self-signed certificate) of the HikCentral server. Export it from HikCentral or with: openssl s_client -showcerts -connect HOST:PORT',
      cause: error,
    });
  }
  if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return new HikCentralError(`The HikCentral certificate does not name the host in HIKVISION_HOST (${baseUrl})`, {
      reason: 'tls-hostname-mismatch',
      path,
      detailCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
      hint: 'Use in HIKVISION_HOST the host name or IP the certificate was issued for, or reissue the HikCentral certificate with this address in its subject alternative names.',
      cause: error,
    });
  }
  const dnsCode = codes.find((code) => DNS_CODES.has(code));
  if (dnsCode !== undefined) {
    const name = hostnameOf(baseUrl);
    return new HikCentralError(`The name ${name} in HIKVISION_HOST cannot be resolved to an address (DNS: ${dnsCode})`, {
      reason: 'dns-unresolved',
      path,
      detailCode: dnsCode,
      hint: `Check the spelling of HIKVISION_HOST, or use the HikCentral server's IP address; if the name is right, this machine's DNS server does not know it (try: nslookup ${name}). This is retried.`,
      cause: error,
    });
  }
  // Plain HTTP to HikCentral's TLS port: the server drops the connection without an answer.
  if (baseUrl.startsWith('http:') && codes.some((code) => CLOSED_CODES.has(code))) {
    return new HikCentralError(`HikCentral closed the connection at ${baseUrl} without answering: its OpenAPI speaks HTTPS`, {
      reason: 'https-expected',
      path,
      hint: `Write https:// in HIKVISION_HOST (e.g. ${baseUrl.replace(/^http:/, 'https:')}); add HIK_CA_CERT if the server's certificate is self-signed.`,
      cause: error,
    });
  }
  if (codes.includes('ECONNREFUSED')) {
    return new HikCentralError(`HikCentral refused the connection at ${baseUrl}`, {
      reason: 'connection-refused',
      path,
      hint: 'Check that HikCentral is running and that HIKVISION_HOST has the right host and port (the OpenAPI gateway usually listens on 443).',
      cause: error,
    });
  }
  if (context.timedOut || codes.some((code) => TIMEOUT_CODES.has(code))) {
    return new HikCentralError(`HikCentral did not answer ${path} in time`, {
      reason: 'timeout',
      path,
      hint: 'The platform is slow or unreachable; this is retried. If it persists, check the network path to HIKVISION_HOST or raise HIK_TIMEOUT / HIK_CONNECT_TIMEOUT.',
      cause: error,
    });
  }
  return new HikCentralError(`Network failure talking to HikCentral at ${baseUrl}: ${detail}`, {
    reason: 'network',
    path,
    hint: 'Check the network path to HIKVISION_HOST (DNS, routing, firewall); this is retried.',
    cause: error,
  });
}
