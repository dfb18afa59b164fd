import type { EntryType } from '../../domain/humand.js';

export type SimUserStatus = 'ACTIVE' | 'DEACTIVATED' | 'UNCLAIMED';

export type SimFieldValue = string | number | readonly string[] | readonly number[];

export interface SimUserInput {
  readonly employeeInternalId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly status?: SimUserStatus;
  /** Custom profile fields, name → value (served as Humand's `[{id, name, value}]`). */
  readonly fields?: Readonly<Record<string, SimFieldValue>>;
}

export interface SimUser {
  readonly id: number;
  readonly employeeInternalId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | undefined;
  status: SimUserStatus;
  readonly fields: ReadonlyArray<{ readonly id: string; readonly name: string; readonly value: SimFieldValue }>;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

/**
 * Who wrote an entry. `INTEGRATION` is what the API endpoints record (the spec lists no `API` source);
 * the spec names APP, KIOSK, MANUAL, INTEGRATION, DAY_CHANGE, AUTO_CLOSE, and integrations report QR,
 * FACE_ID, GPS, BEACON and NFC as well (docs/reference/humand.md).
 */
export type SimEntrySource = 'INTEGRATION' | 'APP' | 'KIOSK' | 'MANUAL' | 'DAY_CHANGE' | 'AUTO_CLOSE' | 'QR' | 'FACE_ID' | 'GPS' | 'BEACON' | 'NFC';

/**
 * How the simulator words its rule rejections (Humand's exact texts are not published):
 * `plain` (ours), `open-clock-in` (the "already has an open clock-in for this day" family
 * reported by integrators), `spanish` (a Spanish-speaking tenant).
 */
export type SimRejectionWording = 'plain' | 'open-clock-in' | 'spanish';

/** Read paths a tenant may refuse (one integrator saw `GET /time-tracking/entries` answer 400). */
export interface SimReadRefusals {
  /** GET /time-tracking/entries answers 400 INVALID_DATA. */
  readonly entries?: boolean;
  /** GET /time-tracking/day-summaries answers 400 INVALID_DATA. */
  readonly daySummaries?: boolean;
}

export interface SimEntry {
  readonly id: number;
  readonly userId: number;
  readonly employeeInternalId: string;
  /** Exactly as the writer sent it, offset kept. */
  readonly time: string;
  readonly instantMs: number;
  /** Minutes east of UTC of `time`. */
  readonly offsetMinutes: number;
  /** YYYY-MM-DD of `time` in its own offset. */
  readonly referenceDate: string;
  readonly type: EntryType;
  readonly source: SimEntrySource;
  readonly comment: string | undefined;
  readonly createdAtMs: number;
}

/** What happened to a request, from the client's point of view. */
export type SimRequestOutcome = 'answered' | 'reset' | 'lost-answer' | 'dropped';

export interface SimRequestRecord {
  readonly seq: number;
  /** Simulator clock (epoch ms) when the request arrived. */
  readonly at: number;
  readonly method: string;
  /** Path without the query string, e.g. /public/api/v1/time-tracking/entries/clockIn */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined. */
  body: unknown;
  /** HTTP status answered (also for a lost answer: what would have been sent); null when nothing was decided. */
  status: number | null;
  outcome: SimRequestOutcome;
}

export interface HumandErrorBody {
  readonly message: string;
  readonly code: string;
  readonly metadata: Record<string, unknown>;
}
