/**
 * ISAPI access-control events (major 5 = "event") as event codes of the ledger:
 * code = major × 100000 + minor, e.g. 500075 = major 5, minor 75 (0x4b) face verified.
 * The minors are the MINOR_* constants of Hikvision's public device SDK headers (HCNetSDK),
 * which ISAPI's AcsEvent `major`/`minor` use; sources in docs/reference/isapi-event-codes.md.
 * No ISAPI code collides with a HikCentral one (196608–199000).
 */
export function isapiEventCode(major: number, minor: number): number {
  return major * 100_000 + minor;
}

const event = (minor: number) => isapiEventCode(5, minor);

/** "This person passed" on a terminal: card, fingerprint, face and their combinations, employee no. + password. */
export const ISAPI_GRANTED_EVENT_CODES: readonly number[] = [
  0x01, // valid card
  0x02, // card and password
  0x10, // multi-verification passed
  0x26, // fingerprint
  0x28, // card and fingerprint
  0x2b, // card, fingerprint and password
  0x2e, // fingerprint and password
  0x36, // face and fingerprint
  0x39, // face and password
  0x3c, // face and card
  0x3f, // face, password and fingerprint
  0x42, // face, card and fingerprint
  0x45, // employee no. and fingerprint
  0x48, // employee no., fingerprint and password
  0x4b, // face
  0x4d, // employee no. and face
  0x65, // employee no. and password
].map(event);

/** Refusals at a terminal: recorded as `ignored: refused access`. */
export const ISAPI_REFUSED_EVENT_CODES: readonly number[] = [
  0x03,
  0x04,
  0x05, // card and password failed / timed out
  0x06, // card without permission
  0x07, // card outside its valid period
  0x08, // card expired
  0x09, // card unknown
  0x0a, // anti-passback
  0x27, // fingerprint not matched
  0x29,
  0x2c,
  0x2f,
  0x31, // fingerprint combinations failed, fingerprint unknown
  0x37,
  0x3a,
  0x3d,
  0x40,
  0x43,
  0x46,
  0x49, // face/employee combinations failed
  0x4c, // face not matched
  0x4e, // employee no. and face failed
  0x50, // face not recognised
  0x66, // employee no. and password failed
].map(event);

/** Door and lock states at a terminal: nobody passed. */
export const ISAPI_DOOR_STATE_EVENT_CODES: readonly number[] = [
  0x15,
  0x16, // lock opened / closed
  0x17,
  0x18, // exit button pressed / released
  0x19,
  0x1a, // door opened / closed normally
  0x1b, // door opened abnormally (forced)
  0x1c, // door open too long
].map(event);
