import type { EntryType } from '../../domain/humand.js';
import type { EntryTime } from './entry-time.js';
import type { SimEntry, SimRejectionWording, SimUser } from './types.js';

export type RuleReason = 'SAME_TYPE_IN_A_ROW' | 'END_WITHOUT_START' | 'FUTURE_ENTRY' | 'UNKNOWN_EMPLOYEE' | 'INACTIVE_EMPLOYEE';

export interface RuleViolation {
  readonly reason: RuleReason;
  /** Worded by us: Humand's exact texts for these rejections are not published. */
  readonly message: string;
}

export function checkEmployee(user: SimUser | undefined): RuleViolation | null {
  if (!user) return { reason: 'UNKNOWN_EMPLOYEE', message: 'User not found for the given employeeId' };
  if (user.status === 'DEACTIVATED') {
    return { reason: 'INACTIVE_EMPLOYEE', message: 'The user is deactivated and cannot register time tracking entries' };
  }
  return null;
}

export function checkNotFuture(at: EntryTime, nowMs: number, toleranceMs: number): RuleViolation | null {
  return at.instantMs > nowMs + toleranceMs ? { reason: 'FUTURE_ENTRY', message: 'The entry time cannot be in the future' } : null;
}

/**
 * Humand's alternation rules against an employee's timeline (sorted by instant):
 * - the neighbours of the new entry on the same day must not have its type (no START,START / END,END);
 * - an END needs the entry just before it (any day: night shifts) to be a START.
 */
export function checkSequence(timeline: readonly SimEntry[], type: EntryType, at: EntryTime): RuleViolation | null {
  let previous: SimEntry | undefined;
  let next: SimEntry | undefined;
  for (const entry of timeline) {
    if (entry.instantMs <= at.instantMs) previous = entry;
    else {
      next = entry;
      break;
    }
  }
  const sameDayTwin = [previous, next].some((entry) => entry?.type === type && entry.referenceDate === at.referenceDate);
  if (sameDayTwin) {
    return { reason: 'SAME_TYPE_IN_A_ROW', message: `Cannot register two consecutive ${type} entries on the same day` };
  }
  if (type === 'END' && previous?.type !== 'START') {
    return { reason: 'END_WITHOUT_START', message: 'Cannot clock out without an open clock in' };
  }
  return null;
}

/** The same violation in another tenant's words (see {@link SimRejectionWording}). */
export function wordViolation(violation: RuleViolation, type: EntryType, wording: SimRejectionWording): string {
  if (wording === 'plain') return violation.message;
  const spanish = wording === 'spanish';
  switch (violation.reason) {
    case 'SAME_TYPE_IN_A_ROW':
      if (type === 'START')
        return spanish ? 'El colaborador ya tiene una entrada abierta para este día' : 'The employee already has an open clock-in for this day';
      return spanish ? 'El colaborador ya registró una salida para este día' : 'The employee has already clocked out for this day';
    case 'END_WITHOUT_START':
      return spanish ? 'No se puede registrar una salida sin una entrada abierta' : 'The employee has no open clock-in to close';
    case 'FUTURE_ENTRY':
      return spanish ? 'No se puede registrar una marcación en el futuro' : violation.message;
    default:
      return violation.message;
  }
}
