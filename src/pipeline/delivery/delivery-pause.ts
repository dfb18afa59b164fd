import { META_KEYS } from '../../store/meta-keys.js';
import type { PipelineContext } from '../context.js';

export interface PauseState {
  readonly reason: string;
  readonly hint: string;
  readonly sinceMs: number;
}

/**
 * Delivery paused because Humand refused the key (401/403): saved in the ledger so that
 * `status` in another process and the next start see it, and probed — one punch tried every
 * probe interval — until a request gets through.
 */
export class DeliveryPause {
  private current: PauseState | null = null;
  private loaded = false;
  /** When a punch was last tried while paused; 0: one may be tried at once. */
  private lastProbeMs = 0;

  constructor(
    private readonly context: PipelineContext,
    private readonly probeIntervalMs: number,
  ) {}

  get state(): PauseState | null {
    return this.current;
  }

  /** Reads the saved pause once (a previous process may have paused). */
  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const saved = await this.context.store.getMeta(META_KEYS.deliveryPaused);
    if (saved === null) return;
    try {
      this.current = JSON.parse(saved) as PauseState;
    } catch {
      this.current = null;
    }
  }

  /** Humand refused the key: pause (or stay paused, since the first refusal) and count this as a probe. */
  async pause(reason: string, hint: string): Promise<void> {
    await this.load();
    const now = this.context.clock.now();
    await this.save({ reason, hint, sinceMs: this.current?.sinceMs ?? now });
    this.lastProbeMs = now;
  }

  /** A request got through: resume if paused. */
  async lift(): Promise<void> {
    await this.load();
    if (this.current !== null) await this.save(null);
  }

  /** Cleared by hand (`dead-letters retry` after fixing the key), and the next punch tried at once. */
  async clear(): Promise<void> {
    await this.load();
    await this.save(null);
    this.lastProbeMs = 0;
  }

  /** Lets the next punch be tried at once even while paused (start of a sync pass). */
  probeNow(): void {
    this.lastProbeMs = 0;
  }

  /** A punch is being tried while paused. */
  probing(nowMs: number): void {
    this.lastProbeMs = nowMs;
  }

  /** A probe has been made since the pause began (a sync pass stops after one). */
  get probed(): boolean {
    return this.lastProbeMs !== 0;
  }

  /** While paused: when the next probe may start, or null when it may start now. */
  nextProbeAt(nowMs: number): number | null {
    if (this.lastProbeMs === 0 || nowMs - this.lastProbeMs >= this.probeIntervalMs) return null;
    return this.lastProbeMs + this.probeIntervalMs;
  }

  private async save(pause: PauseState | null): Promise<void> {
    const was = this.current;
    this.current = pause;
    await this.context.store.setMeta(META_KEYS.deliveryPaused, pause === null ? null : JSON.stringify(pause));
    if (pause !== null && was === null) {
      this.context.logger.error({ reason: pause.reason, hint: pause.hint }, 'delivery paused: Humand refused the API key');
      this.context.events.emit({ type: 'delivery-paused', reason: pause.reason, hint: pause.hint });
    } else if (pause === null && was !== null) {
      this.context.logger.info({ pausedSinceMs: was.sinceMs }, 'delivery resumed: Humand accepts the key again');
      this.context.events.emit({ type: 'delivery-resumed' });
    }
  }
}
