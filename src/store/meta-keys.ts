/**
 * Every key of the ledger's meta table, in one place: what the service keeps besides punches
 * (bookkeeping that `status` in another process reads, and decisions' inputs). A key renamed
 * here is a key renamed for every ledger already installed: add, never rename.
 */
export const META_KEYS = {
  pollLastAttempt: 'poll_last_attempt_ms',
  pollLastSuccess: 'poll_last_success_ms',
  pollLastError: 'poll_last_error',
  lastPush: 'last_push_ms',
  /** Written by the Ingestor, only when events new to the ledger arrive. */
  lastNewEvent: 'last_event_ms',
  lastRateLimit: 'last_rate_limit',
  recentErrors: 'recent_errors',
  /** Written by `run` every heartbeat: whether a service is running on this ledger, and where. */
  serviceHeartbeat: 'service_heartbeat',
  /** The pause after Humand refused the key (401/403), so `status` elsewhere sees it. */
  deliveryPaused: 'delivery_paused',
  /** Whether Humand answers, from every response. */
  humandReachability: 'humand_reachability',
  /** The digest of the decision rules the ledger was last decided under. */
  rulesDigest: 'decision_rules_digest',
  /** Unreadable inputs: the bounded list and the count ever. */
  unreadableList: 'rejected_inputs',
  unreadableTotal: 'rejected_inputs_total',
  /** When the cached directories were last replaced (written with them, in one commit). */
  personsRefreshed: 'persons_refreshed_ms',
  usersRefreshed: 'users_refreshed_ms',
  /** How many Humand users the last listing had (a sudden drop is logged). */
  usersCount: 'users_count',
  /** Written by /readyz's store probe. */
  storeProbe: 'store_probe_ms',
  /** The day the daily HR summary was last sent. */
  hrSummaryLastSent: 'hr_summary_last_sent',
} as const;

/** A terminal read directly (ISAPI): its last read, clock drift, errors. */
export const terminalStatusKey = (device: string): string => `isapi_status:${device}`;
