/** What became of one step on a punch, for the engine. */
export type StepResult =
  | { readonly kind: 'done' }
  /** Try this punch again later (backoff, or rate limited). */
  | { readonly kind: 'later' }
  /** Humand refused the key (401/403): stop all delivery until a probe succeeds. */
  | { readonly kind: 'paused'; readonly reason: string; readonly hint: string };

/** A step that could not finish: as for the engine, or Humand's day could not be read (retried with backoff). */
export type InterruptedStep = StepResult | { readonly kind: 'unread'; readonly why: string };
