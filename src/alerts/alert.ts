/**
 * What an alert is, independent of how it is delivered. The monitor decides which kinds
 * are firing; the book turns state changes into at most one message each; the notifier
 * shapes and posts them.
 */
export type AlertKind = 'delivery-paused' | 'dead-letters' | 'no-events';

export const ALERT_KINDS: readonly AlertKind[] = ['delivery-paused', 'dead-letters', 'no-events'];

/** `firing` opens an alert, `resolved` is the one "recovered" message that closes it. */
export type AlertState = 'firing' | 'resolved';

export type AlertSeverity = 'critical' | 'warning' | 'info';

export type AlertFacts = Readonly<Record<string, string | number | boolean | null>>;

/** What a message is about: an alert, or the daily HR summary (src/alerts/daily-summary.ts). */
export type MessageKind = AlertKind | 'daily-summary';

export interface AlertMessage {
  readonly kind: MessageKind;
  readonly state: AlertState;
  readonly severity: AlertSeverity;
  readonly title: string;
  readonly text: string;
  /** What a person can do about it. */
  readonly hint: string | null;
  readonly atMs: number;
  /** Machine-readable facts (counts, reasons) for receivers that route on them. */
  readonly facts: AlertFacts;
  /** Where to look, when the dashboard's public address is configured. */
  readonly dashboardUrl: string | null;
}

/** Delivers one alert message; throws when it could not (the book retries later). */
export interface AlertNotifier {
  send(message: AlertMessage): Promise<void>;
}
