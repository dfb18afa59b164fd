import { META_KEYS } from '../store/meta-keys.js';
import type { LedgerStore } from '../store/store.js';
import { pushRecentError, readJson } from './ops-meta.js';

/** Whether Humand answers, from every response the service got (not from punches dying). */
export interface HumandReachability {
  /** First failed request of the current run of failures; null while Humand answers. */
  readonly failingSinceMs: number | null;
  /** Requests that got no usable answer (network error, timeout, 5xx) since then. */
  readonly failures: number;
  readonly lastFailureMs: number | null;
  readonly lastError: string | null;
  readonly lastOkMs: number | null;
}

export const HUMAND_REACHABILITY_META = META_KEYS.humandReachability;
/** While failing, the saved copy (for `status` in another process) is refreshed at most this often. */
const SAVE_EVERY_MS = 5_000;

const NOTHING_YET: HumandReachability = { failingSinceMs: null, failures: 0, lastFailureMs: null, lastError: null, lastOkMs: null };

/**
 * Follows Humand's answers: the first request without a usable answer marks Humand failing at
 * once (banner, /readyz, status and the recent errors say so), the next answer clears it.
 * An answer that refuses something (4xx) is an answer: Humand is reachable.
 */
export class HumandHealth {
  private state: HumandReachability = NOTHING_YET;
  private savedMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly store: LedgerStore) {}

  get current(): HumandReachability {
    return this.state;
  }

  /** The copy a previous or other process saved. */
  static saved(store: LedgerStore): Promise<HumandReachability | null> {
    return readJson<HumandReachability | null>(store, HUMAND_REACHABILITY_META, null);
  }

  /** One response: `reached` false for a transient failure (no answer, timeout, 5xx). Resolves when saved. */
  async observe(reached: boolean, message: string | null, nowMs: number): Promise<void> {
    const was = this.state;
    if (reached) {
      this.state = { ...NOTHING_YET, lastOkMs: nowMs };
      if (was.failingSinceMs !== null || was.lastOkMs === null || nowMs - this.savedMs >= SAVE_EVERY_MS) await this.save(nowMs);
      return;
    }
    const startsFailing = was.failingSinceMs === null;
    this.state = { failingSinceMs: was.failingSinceMs ?? nowMs, failures: was.failures + 1, lastFailureMs: nowMs, lastError: message, lastOkMs: was.lastOkMs };
    if (startsFailing) {
      await pushRecentError(this.store, {
        atMs: nowMs,
        message: `Humand did not answer: ${message ?? 'no answer'}`,
        hint: 'punches are kept and sent when Humand answers again; check the network to Humand (HUMAND_BASE_URL, proxy, firewall)',
        code: 'HUMAND_UNREACHABLE',
      });
    }
    if (startsFailing || nowMs - this.savedMs >= SAVE_EVERY_MS) await this.save(nowMs);
  }

  private async save(nowMs: number): Promise<void> {
    this.savedMs = nowMs;
    await this.store.setMeta(HUMAND_REACHABILITY_META, JSON.stringify(this.state));
  }
}
