/**
 * A HikCentral access event, normalised from either the poll API (`door/events`)
 * or a push (`OnEventNotify`). The HikCentral client and the webhook receiver
 * produce these; the pipeline consumes them. No HTTP detail leaks past here.
 */
export type EventSource = 'poll' | 'push' | 'backfill';

export interface AccessEvent {
  /** HikCentral's eventId. Not a stable identity: re-pushes carry new ids. */
  readonly eventId: string;
  /** HikCentral event type code (e.g. 196893 face authenticated). */
  readonly eventCode: number;
  /**
   * Event time exactly as the source gave it (ISO 8601). Usually carries an offset
   * (kept as is); when it does not, the pipeline applies SITE_TIMEZONE.
   */
  readonly eventTime: string;
  /** HikCentral personId; null when the event names nobody (door-state events, unknown cards). */
  readonly personId: string | null;
  /** personCode (employee number) when the source carries it (push does, poll does not). */
  readonly personCode: string | null;
  readonly personName: string | null;
  readonly cardNo: string | null;
  readonly doorIndexCode: string | null;
  readonly doorName: string | null;
  readonly readerIndexCode: string | null;
  readonly readerName: string | null;
  /** Device attendance status: 0 unknown, 1 check-in, 2 check-out, 3 break-out, 4 break-in, 5 OT-in, 6 OT-out. */
  readonly checkInAndOutType: number | null;
  /** [ISC] door direction: 1 in, 0 out, -1 unknown. */
  readonly inAndOutType: number | null;
  /** The record as received, for the ledger (never interpreted downstream). */
  readonly raw: unknown;
}
