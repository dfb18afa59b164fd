import type { EntryType } from '../../domain/humand.js';
import type { AlternationPolicy } from '../../config/types.js';

export type AlternationDecision = { readonly send: true } | { readonly send: false; readonly reason: string };

/**
 * Alternation guard: a clock-in while the employee's last entry that working day is a
 * clock-in (or the mirror case) is not sent blindly. `suppress` records it with the reason;
 * `send` lets Humand decide (it rejects it, and the punch ends `rejected` with Humand's word).
 */
export function guardAlternation(proposed: EntryType, lastTypeToday: EntryType | null, policy: AlternationPolicy): AlternationDecision {
  if (lastTypeToday !== proposed || policy === 'send') return { send: true };
  return { send: false, reason: proposed === 'START' ? 'suppressed: consecutive clock-in' : 'suppressed: consecutive clock-out' };
}
