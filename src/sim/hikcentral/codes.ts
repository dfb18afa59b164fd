/**
 * Result codes the simulated gateway answers with (always HTTP 200, code in the body).
 * "Reference" codes are in docs/reference/artemis.md; the others are NOT known from any public
 * source and were chosen here — a client must treat them as "some non-'0' code", never rely on
 * their exact value.
 */
export const SIM_CODES = {
  success: '0',
  // Reference.
  appKeyMissing: '0x02401000',
  appKeyUnknown: '0x02401001',
  signatureMissing: '0x02401002',
  signatureInvalid: '0x02401003',
  userIdMissing: '0x02401010',
  plainHttpRefused: '0x0240103c',
  parameterMissing: '0x00072001',
  // Chosen here (guessed): a parameter present but out of range / malformed.
  parameterInvalid: '0x00072002',
  // Chosen here: x-ca-timestamp further than the tolerance from the gateway's clock.
  timestampOutOfRange: '0x02401408',
  // Chosen here: an x-ca-nonce already used within the tolerance (replay).
  nonceReplayed: '0x02401409',
  // Chosen here: no API at this path (or not with this method).
  apiNotFound: '0x02401404',
  // Chosen here: person asked for by personId / personCode does not exist.
  personNotFound: '0x00072404',
} as const;

export interface Envelope {
  readonly code: string;
  readonly msg: string;
  readonly data?: unknown;
}

export function success(data: unknown): Envelope {
  return { code: SIM_CODES.success, msg: 'Success', data };
}

export function failure(code: string, msg: string): Envelope {
  return { code, msg };
}
