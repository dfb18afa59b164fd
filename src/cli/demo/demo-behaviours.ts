import type { DayBehaviours } from '../../sim/scenario/index.js';

/**
 * The demo's day has what real plants have: taps on the wrong time clock just before the right
 * one (decided as corrected), forgotten clock-outs (open days for HR), and re-taps. A share of
 * each, so that a 40-person day shows a few of every kind.
 */
export const DEMO_BEHAVIOURS: DayBehaviours = {
  wrongReaderRate: 0.1,
  forgottenClockOutRate: 0.06,
  reTapRate: 0.05,
};
