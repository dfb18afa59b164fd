/** HikCentral access-control event codes, as listed in docs/reference/artemis.md. */

/** Codes that mean "this person passed". */
export const ACCESS_GRANTED_CODES: readonly number[] = [
  196893, // face authenticated
  198914, // valid card
  197127, // fingerprint
  196885,
  196886,
  196887,
  196888,
  196889,
  196890,
  196891,
  196892,
  196897,
  198915, // combined modes
  196874, // first card
  196883, // multi-factor authentication passed
];

/** Codes that look like a passage but are refusals. */
export const ACCESS_REFUSED_CODES: readonly number[] = [
  197151, // face authentication failed
  197160, // face recognition failed
  197161, // liveness failed
  197128, // fingerprint failed
  197633, // card expired
  197634, // card unknown
  197635, // card without permission
  197377, // no permission
  197383, // anti-passback failed
];

/** Door-state events: a door did something, no person involved. */
export const DOOR_STATE_CODES: readonly number[] = [
  198913, // door opened
  198916, // opened by exit button
  198919, // opened remotely
  198657, // forced open
];

export const CODE = {
  faceAuthenticated: 196893,
  validCard: 198914,
  fingerprint: 197127,
  faceAndCard: 196887,
  faceFailed: 197151,
  cardUnknown: 197634,
  noPermission: 197377,
  doorOpened: 198913,
  doorOpenedByButton: 198916,
  doorOpenedRemotely: 198919,
  doorForced: 198657,
} as const;

const granted = new Set(ACCESS_GRANTED_CODES);
const doorState = new Set(DOOR_STATE_CODES);

export function isAccessGranted(eventType: number): boolean {
  return granted.has(eventType);
}

export function isDoorState(eventType: number): boolean {
  return doorState.has(eventType);
}
