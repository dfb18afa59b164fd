import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';

export interface ServerCertificate {
  /** The certificate to trust: the top of the chain the server sent (its own, when self-signed). */
  readonly pem: string;
  readonly subject: string;
  readonly issuer: string;
  readonly fingerprint256: string;
  readonly validTo: string;
  readonly selfSigned: boolean;
}

function toPem(raw: Buffer): string {
  const base64 =
    raw
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

/**
 * Reads the certificate chain HikCentral presents, without trusting it (that is the point: the
 * person compares the fingerprint and decides). Returns the last certificate of the chain.
 */
export function fetchServerCertificate(baseUrl: string, timeoutMs = 10_000): Promise<ServerCertificate> {
  const url = new URL(baseUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }), rejectUnauthorized: false, timeout: timeoutMs }, () => {
      let cert = socket.getPeerCertificate(true);
      socket.end();
      if (!cert || !cert.raw) {
        reject(new Error(`${host}:${port} presented no certificate`));
        return;
      }
      const seen = new Set<string>();
      while (cert.issuerCertificate && cert.issuerCertificate.raw && !seen.has(cert.fingerprint256)) {
        seen.add(cert.fingerprint256);
        if (cert.issuerCertificate.fingerprint256 === cert.fingerprint256) break;
        cert = cert.issuerCertificate;
      }
      const x509 = new X509Certificate(cert.raw);
      resolve({
        pem: toPem(cert.raw),
        subject: x509.subject.replaceAll('\n', ', '),
        issuer: x509.issuer.replaceAll('\n', ', '),
        fingerprint256: x509.fingerprint256,
        validTo: x509.validTo,
        selfSigned: x509.subject === x509.issuer,
      });
    });
    socket.on('timeout', () => socket.destroy(new Error(`no TLS answer from ${host}:${port} within ${timeoutMs} ms`)));
    socket.on('error', reject);
  });
}
