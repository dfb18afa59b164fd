const MIN_MARGIN_MS = 50;
/**
 * After a reset Humand announced: its `reset` is rounded up and counted from before we read
 * the answer, so that instant is never early on our clock; this only absorbs timer jitter.
 */
const ANNOUNCED_RESET_MARGIN_MS = 10;
const MAX_MEASURED_MARGIN_MS = 5_000;
const ROUND_TRIPS_KEPT = 50;

/**
 * The wait after our idea of a window's reset before its budget is spent. Our idea is the
 * earliest of: the grant of the window's first request + the window (early by that
 * request's way to Humand), and each answer's `reset` (Humand rounds it up: never early).
 * So the margin is the slowest recent permit-to-answer time (which bounds that way) plus
 * 25 ms, from 50 ms; 1 s until the first answers are measured; and 1 s more for good if
 * Humand refuses a request sent right after a window opened (a `reset` that was early).
 * At Humand's 60 s window the old fixed 1 s cost ~2% of the drain; on short windows far more.
 */
export class ResetMargin {
  private readonly recentRoundTrips: number[] = [];
  private earlyAllowanceMs = 0;

  /** `fixedMs`: a margin set by hand (tests with short windows); null: measured. */
  constructor(private readonly fixedMs: number | null) {}

  /** `announced`: the reset is the one Humand's answer gave, not our own guess. */
  ms(announced: boolean): number {
    if (this.fixedMs !== null) return this.fixedMs;
    if (announced) return ANNOUNCED_RESET_MARGIN_MS + this.earlyAllowanceMs;
    if (this.recentRoundTrips.length === 0) return 1_000 + this.earlyAllowanceMs;
    return Math.min(MAX_MEASURED_MARGIN_MS, Math.max(MIN_MARGIN_MS, Math.max(...this.recentRoundTrips) + 25)) + this.earlyAllowanceMs;
  }

  /** One permit-to-answer time. */
  measure(roundTripMs: number): void {
    this.recentRoundTrips.push(Math.max(0, roundTripMs));
    if (this.recentRoundTrips.length > ROUND_TRIPS_KEPT) this.recentRoundTrips.shift();
  }

  /** Humand refused a request sent right after a window opened: its reset was early; wait 1 s more from now on. */
  resetWasEarly(): void {
    this.earlyAllowanceMs = 1_000;
  }
}
