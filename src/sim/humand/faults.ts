export interface HumandFaultSettings {
  /** The next N requests answer 500 UNKNOWN_ERROR (after auth and rate limiting; not processed). */
  readonly fail5xxNext?: number;
  /** Delay every request (or the next `slowNext`) by this long before handling it; the request is still processed. */
  readonly slowMs?: number;
  /** How many requests `slowMs` applies to; unset = all until cleared. */
  readonly slowNext?: number;
  /** The next N requests have their connection destroyed on arrival (not processed, not counted). */
  readonly resetNext?: number;
  /** The next N requests that reach a handler are processed (an entry IS created), then the connection is destroyed instead of answering. */
  readonly loseAnswerNext?: number;
  /** Clock-ins and clock-outs of this employee answer 500 (not processed) until set to null. */
  readonly failClocksOf?: string | null;
}

/** Run-time switchable faults; each `…Next` counter is consumed one request at a time. */
export class HumandFaults {
  #fail5xx = 0;
  #slowMs = 0;
  #slowRemaining: number | null = null;
  #reset = 0;
  #loseAnswer = 0;
  #failClocksOf: string | null = null;

  /** Sets the given faults (others unchanged). */
  set(settings: HumandFaultSettings): void {
    if (settings.fail5xxNext !== undefined) this.#fail5xx = wholeCount(settings.fail5xxNext, 'fail5xxNext');
    if (settings.resetNext !== undefined) this.#reset = wholeCount(settings.resetNext, 'resetNext');
    if (settings.loseAnswerNext !== undefined) this.#loseAnswer = wholeCount(settings.loseAnswerNext, 'loseAnswerNext');
    if (settings.failClocksOf !== undefined) this.#failClocksOf = settings.failClocksOf;
    if (settings.slowMs !== undefined) {
      this.#slowMs = Math.max(0, settings.slowMs);
      this.#slowRemaining = settings.slowNext === undefined ? null : wholeCount(settings.slowNext, 'slowNext');
    } else if (settings.slowNext !== undefined) {
      this.#slowRemaining = wholeCount(settings.slowNext, 'slowNext');
    }
  }

  clear(): void {
    this.#fail5xx = 0;
    this.#slowMs = 0;
    this.#slowRemaining = null;
    this.#reset = 0;
    this.#loseAnswer = 0;
    this.#failClocksOf = null;
  }

  /** What is still armed. */
  get pending(): Required<Omit<HumandFaultSettings, 'slowNext'>> & { readonly slowNext: number | null } {
    return {
      fail5xxNext: this.#fail5xx,
      slowMs: this.#slowMs,
      slowNext: this.#slowRemaining,
      resetNext: this.#reset,
      loseAnswerNext: this.#loseAnswer,
      failClocksOf: this.#failClocksOf,
    };
  }

  takeReset(): boolean {
    if (this.#reset <= 0) return false;
    this.#reset -= 1;
    return true;
  }

  takeFail5xx(): boolean {
    if (this.#fail5xx <= 0) return false;
    this.#fail5xx -= 1;
    return true;
  }

  /** A clock request (its body) for the employee whose clocks fail. */
  failsClockOf(body: unknown): boolean {
    if (this.#failClocksOf === null || typeof body !== 'object' || body === null) return false;
    return (body as { employeeId?: unknown }).employeeId === this.#failClocksOf;
  }

  takeLoseAnswer(): boolean {
    if (this.#loseAnswer <= 0) return false;
    this.#loseAnswer -= 1;
    return true;
  }

  /** Milliseconds to delay this request (0 = none). */
  takeSlow(): number {
    if (this.#slowMs <= 0) return 0;
    if (this.#slowRemaining === null) return this.#slowMs;
    if (this.#slowRemaining <= 0) return 0;
    this.#slowRemaining -= 1;
    return this.#slowMs;
  }
}

function wholeCount(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  return value;
}
