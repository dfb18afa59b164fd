import { NO_EVALUATION, type EvaluationSummary } from '../pipeline/evaluator.js';
import type { ScanSummary } from '../pipeline/poller.js';

/** A backfill reads HikCentral a day at a time, so that delivery starts after the first day. */
export const BACKFILL_SLICE_MS = 24 * 3_600_000;

/** [fromMs, toMs) cut into consecutive slices of at most `sliceMs`, oldest first. */
export function timeSlices(fromMs: number, toMs: number, sliceMs = BACKFILL_SLICE_MS): Array<{ fromMs: number; toMs: number }> {
  const slices: Array<{ fromMs: number; toMs: number }> = [];
  for (let start = fromMs; start < toMs; start += sliceMs) slices.push({ fromMs: start, toMs: Math.min(toMs, start + sliceMs) });
  return slices.length > 0 ? slices : [{ fromMs, toMs }];
}

/** Two passes' scans and decisions added up (a range read in slices). */
export function addScans(total: ScanSummary, part: ScanSummary): ScanSummary {
  return { ...total, events: total.events + part.events, fresh: total.fresh + part.fresh, duplicates: total.duplicates + part.duplicates };
}

export function addEvaluations(total: EvaluationSummary, part: EvaluationSummary): EvaluationSummary {
  return {
    evaluated: total.evaluated + part.evaluated,
    queued: total.queued + part.queued,
    ignored: total.ignored + part.ignored,
    unmapped: total.unmapped + part.unmapped,
    held: total.held + part.held,
  };
}

export interface SliceSteps {
  scan(fromMs: number, toMs: number, onProgress: (done: ScanSummary) => void): Promise<ScanSummary>;
  evaluate(): Promise<EvaluationSummary>;
  /** After a slice is decided: start delivering (first slice) or wake the delivery already running. */
  deliverWhatIsDecided(): void;
  onProgress?: (progress: BackfillProgress) => void;
}

/** What a backfill has read so far: the counts, and up to when the range has been read. */
export interface BackfillProgress extends ScanSummary {
  readonly readToMs: number;
}

/**
 * Reads and decides a range slice by slice, oldest first. A slice is decided once it is
 * recorded: what a later slice holds is later in time, so it cannot change how an earlier
 * passage reads (late uploads are what the poll's look-back is for, as in live polling).
 */
export async function scanInSlices(fromMs: number, toMs: number, steps: SliceSteps): Promise<{ scan: ScanSummary; evaluation: EvaluationSummary }> {
  let scan: ScanSummary = { fromMs, toMs, events: 0, fresh: 0, duplicates: 0 };
  let evaluation: EvaluationSummary = NO_EVALUATION;
  for (const slice of timeSlices(fromMs, toMs)) {
    const before = scan;
    const done = await steps.scan(slice.fromMs, slice.toMs, (progress) => steps.onProgress?.({ ...addScans(before, progress), readToMs: slice.fromMs }));
    scan = addScans(scan, done);
    steps.onProgress?.({ ...scan, readToMs: slice.toMs });
    evaluation = addEvaluations(evaluation, await steps.evaluate());
    steps.deliverWhatIsDecided();
  }
  return { scan, evaluation };
}

export interface DeliveryRun {
  readonly steps: number;
  readonly paused: { readonly reason: string; readonly hint: string | null } | null;
}

/**
 * Delivery running beside a backfill's reading: `kick()` after each decided slice starts a
 * drain when none runs (a drain returns once it runs out of work); `finish()` waits for it and
 * delivers what the last slices queued. A drain's failure is kept and thrown by `finish()`.
 */
export class DeliveryAlongside<Run extends DeliveryRun> {
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;
  private steps = 0;
  private last: Run | null = null;

  constructor(private readonly deliver: () => Promise<Run>) {}

  kick(): void {
    if (this.running !== null) return;
    const run: Promise<void> = this.deliver()
      .then(
        (result) => {
          this.steps += result.steps;
          this.last = result;
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
  }

  async finish(): Promise<{ steps: number; paused: Run['paused'] }> {
    await this.running;
    if (this.failure === null && (this.last === null || this.last.paused === null)) {
      this.kick();
      await this.running;
    }
    if (this.failure !== null) throw (this.failure as { error: unknown }).error;
    return { steps: this.steps, paused: this.last?.paused ?? null };
  }
}
