export {
  HikCentralClient,
  DEFAULT_PERSON_NOT_FOUND_CODES,
  type HikCentralClientOptions,
  type HikCentralCounters,
  type HikSubscription,
  type ProbeResult,
  type SubscribeRequest,
} from './client.js';
export { DOOR_LIST_PATH, type HikDoor } from './door-record.js';
export { DoorEventScan, MAX_DOORS_PER_QUERY, MAX_PAGE_SIZE, type DoorEventScanStats, type EventTypeQueryMode } from './door-event-scan.js';
export { HikCentralError, isHikCentralError, type HikFailureReason } from './errors.js';
export { ARTEMIS_CODES } from './artemis-codes.js';
export {
  normalisePushEvent,
  parsePushBody,
  pushBodySchema,
  pushEnvelopeSchema,
  pushEventSchema,
  type ParsedPush,
  type PushBody,
  type PushEvent,
} from './push-event.js';
export { buildStringToSign, createArtemisHeaders, signRequest, type Signature, type SignableRequest } from './signing.js';
export type { ArtemisConnectionOptions } from './transport.js';
