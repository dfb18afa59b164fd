import type { Logger } from 'pino';
import type { Clock } from '../domain/ports.js';
import type { RulesConfig } from '../config/types.js';
import type { LedgerStore } from '../store/store.js';
import type { PunchRecord, PunchUpdate } from '../store/punch.js';
import type { PipelineEvents } from './events.js';

/** What every pipeline part shares. */
export interface PipelineContext {
  readonly store: LedgerStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: PipelineEvents;
  readonly rules: RulesConfig;
  readonly siteTimezone: string;
  /** Everything runs, nothing is POSTed; would-be requests are logged and punches marked `dry-run`. */
  readonly dryRun: boolean;
}

/** A logger for one punch: its correlation id is on every line. */
export function punchLogger(context: PipelineContext, punch: PunchRecord): Logger {
  return context.logger.child({ punch: punch.correlationId, eventId: punch.eventId, employee: punch.employeeId ?? undefined });
}

/** Tells subscribers about a punch's new outcome. */
export function announce(context: PipelineContext, punch: PunchRecord, update: PunchUpdate): void {
  context.events.emit({
    type: 'punch-outcome',
    punchId: punch.id,
    correlationId: punch.correlationId,
    outcome: update.outcome,
    reason: update.reason === undefined ? punch.reason : update.reason,
    source: punch.source,
    employeeId: update.employeeId === undefined ? punch.employeeId : update.employeeId,
  });
}
