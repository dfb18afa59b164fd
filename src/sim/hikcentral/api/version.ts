import { success, type Envelope } from '../codes.js';

export const SIMULATED_VERSION = 'V2.6.1 build 20250101 (hik2humand simulator)';

/** `GET|POST /artemis/api/common/v1/version`: a cheap, signed connectivity and credential probe. */
export function version(): Envelope {
  return success({ productName: 'HikCentral Professional', softVersion: SIMULATED_VERSION });
}
