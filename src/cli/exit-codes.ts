/**
 * Exit codes of every command, so cron, Windows Task Scheduler and scripts can tell what
 * needs doing without reading the output. Documented in docs/cli.md; never renumber.
 */
export const EXIT = {
  /** Everything went as it should. */
  ok: 0,
  /** Something nobody planned for (a bug, or a failure without a known cause). */
  unexpected: 1,
  /** The configuration (environment, .env, config file, command-line options) is not valid or incomplete. */
  configuration: 2,
  /** Humand refuses the API key (401/403): delivery is paused, punches are kept. */
  humandPaused: 3,
  /** Punches need a person: unmapped, rejected by Humand, or dead after retries. */
  needsPerson: 4,
  /** HikCentral could not be read (unreachable, certificate, credentials). */
  hikUnreadable: 5,
  /** `doctor` found a problem. */
  doctorFailed: 6,
  /** Another hik2humand process is delivering from the same ledger. */
  ledgerBusy: 7,
  /** Stopped by Ctrl-C before a one-shot command finished. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
