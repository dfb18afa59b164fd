import { generate } from 'selfsigned';

export interface TlsMaterial {
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * A self-signed certificate for 127.0.0.1 / ::1 / localhost, like the one an HCP server usually
 * has. It is its own CA: a client trusts it by passing the PEM as its CA.
 */
export async function generateSelfSignedTls(): Promise<TlsMaterial> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'HikCentral simulator (hik2humand)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 24 * 60 * 60 * 1000),
    notAfterDate: new Date(now + 2 * 365 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}
