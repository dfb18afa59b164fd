/** HikCentral access-control event codes (docs/reference/artemis.md). Defaults, overridable in the config file. */
import { ISAPI_DOOR_STATE_EVENT_CODES, ISAPI_GRANTED_EVENT_CODES, ISAPI_REFUSED_EVENT_CODES } from './isapi-event-codes.js';

/** "This person passed": the only codes that can become a clock entry. */
export const DEFAULT_GRANTED_EVENT_CODES: readonly number[] = [
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
  ...ISAPI_GRANTED_EVENT_CODES, // terminals read directly (src/config/isapi-event-codes.ts)
];

/** Refusals that look like passages: recorded as `ignored: refused access`, never a clock entry. */
export const DEFAULT_REFUSED_EVENT_CODES: readonly number[] = [
  197151,
  197160,
  197161,
  197128,
  197633,
  197634,
  197635,
  197377,
  197383,
  ...ISAPI_REFUSED_EVENT_CODES,
];

/** Door-state events (opened, by button, remotely, forced): nobody passed. */
export const DEFAULT_DOOR_STATE_EVENT_CODES: readonly number[] = [198913, 198916, 198919, 198657, ...ISAPI_DOOR_STATE_EVENT_CODES];
