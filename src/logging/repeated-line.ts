/**
 * Groups a line that would repeat every interval (a host down for an hour): the first one is
 * logged, identical ones after it only once per `everyMs` with how many there were, and the
 * end of the run is said once. Keys are what makes two lines "the same" (e.g. reason + path).
 */
export class RepeatedLine {
  private run: { key: string; count: number; firstMs: number; loggedMs: number } | null = null;

  constructor(private readonly everyMs = 5 * 60_000) {}

  /** Whether to log this occurrence at its normal level, and how many there have been in a row. */
  note(key: string, nowMs: number): { readonly log: boolean; readonly count: number; readonly sinceMs: number } {
    const run = this.run;
    if (run === null || run.key !== key) {
      this.run = { key, count: 1, firstMs: nowMs, loggedMs: nowMs };
      return { log: true, count: 1, sinceMs: nowMs };
    }
    run.count++;
    const log = nowMs - run.loggedMs >= this.everyMs;
    if (log) run.loggedMs = nowMs;
    return { log, count: run.count, sinceMs: run.firstMs };
  }

  /** The run of repeats is over (the thing works again): how long it was, null when there was none. */
  end(): { readonly count: number; readonly sinceMs: number } | null {
    const run = this.run;
    this.run = null;
    return run === null ? null : { count: run.count, sinceMs: run.firstMs };
  }
}
