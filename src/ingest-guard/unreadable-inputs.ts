import { META_KEYS } from '../store/meta-keys.js';
import type { Logger } from 'pino';
import type { Clock } from '../domain/ports.js';
import type { LedgerStore } from '../store/store.js';
import { boundJson } from './bound-json.js';

/** Meta keys (kept from the earlier unbounded list, so an existing ledger's entries still show). */
export const UNREADABLE_META = { list: META_KEYS.unreadableList, total: META_KEYS.unreadableTotal } as const;

export interface UnreadableInput {
  readonly atMs: number;
  readonly source: string;
  readonly reason: string;
  /** The input as received, or its first `maxEntryBytes` of JSON (`truncated`). */
  readonly raw: unknown;
  readonly truncated?: true;
  /** How often the same input was refused (a poll re-reads its look-back window). */
  readonly seen?: number;
}

export interface UnreadableInputSummary {
  /** Every input refused since the ledger was created (the list keeps only the newest). */
  readonly total: number;
  readonly lastMs: number | null;
  readonly recent: readonly UnreadableInput[];
}

export interface UnreadableInputCaps {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  /** At most one warn line per this interval; the lines in between are counted into the next. */
  readonly logEveryMs: number;
}

export const DEFAULT_UNREADABLE_CAPS: UnreadableInputCaps = { maxEntries: 100, maxEntryBytes: 2048, maxTotalBytes: 128 * 1024, logEveryMs: 10_000 };

type MetaStore = Pick<LedgerStore, 'getMeta' | 'setMeta'>;

/**
 * Inputs that could not become punches (unreadable pushed events, impossible times), newest
 * first, bounded by count and bytes with the oldest dropped. One read and one write per batch,
 * however many inputs it refused, and one grouped log line.
 */
export class UnreadableInputLog {
  #chain: Promise<void> = Promise.resolve();
  #lastLogMs = Number.NEGATIVE_INFINITY;
  #unlogged = 0;

  constructor(
    private readonly store: MetaStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly caps: UnreadableInputCaps = DEFAULT_UNREADABLE_CAPS,
  ) {}

  /** Records a batch; calls are serialised (each reads, prepends and writes the list). */
  record(inputs: readonly { readonly raw: unknown; readonly reason: string }[], source: string): Promise<void> {
    if (inputs.length === 0) return Promise.resolve();
    const next = this.#chain.then(() => this.#write(inputs, source));
    this.#chain = next.catch(() => undefined);
    return next;
  }

  async summary(): Promise<UnreadableInputSummary> {
    const recent = await this.#read();
    const total = Number((await this.store.getMeta(UNREADABLE_META.total)) ?? recent.length);
    return { total: Number.isFinite(total) ? total : recent.length, lastMs: recent[0]?.atMs ?? null, recent };
  }

  async #read(): Promise<UnreadableInput[]> {
    const text = await this.store.getMeta(UNREADABLE_META.list);
    if (text === null) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? (parsed as UnreadableInput[]) : [];
    } catch {
      return [];
    }
  }

  async #write(inputs: readonly { readonly raw: unknown; readonly reason: string }[], source: string): Promise<void> {
    const atMs = this.clock.now();
    const fresh = new Map<string, UnreadableInput>();
    for (const input of inputs) {
      const earlier = fresh.get(input.reason);
      fresh.set(input.reason, { atMs, source, reason: input.reason, ...this.#capRaw(input.raw), ...(earlier ? { seen: (earlier.seen ?? 1) + 1 } : {}) });
    }
    const kept: UnreadableInput[] = [];
    for (const old of await this.#read()) {
      const again = fresh.get(old.reason);
      if (again) fresh.set(old.reason, { ...again, seen: (again.seen ?? 1) + (old.seen ?? 1) });
      else kept.push(old);
    }
    const list: UnreadableInput[] = [];
    let bytes = 2;
    for (const entry of [...fresh.values(), ...kept]) {
      const size = JSON.stringify(entry).length + 1;
      if (list.length >= this.caps.maxEntries || bytes + size > this.caps.maxTotalBytes) break;
      list.push(entry);
      bytes += size;
    }
    const total = Number((await this.store.getMeta(UNREADABLE_META.total)) ?? '0');
    await this.store.setMeta(UNREADABLE_META.list, JSON.stringify(list));
    await this.store.setMeta(UNREADABLE_META.total, String((Number.isFinite(total) ? total : 0) + inputs.length));
    this.#log(inputs, source, atMs);
  }

  #capRaw(raw: unknown): { raw: unknown; truncated?: true } {
    const bounded = boundJson(raw, 16, this.caps.maxEntryBytes).value;
    const text = JSON.stringify(bounded) ?? 'null';
    if (text.length <= this.caps.maxEntryBytes) return { raw: bounded };
    return { raw: text.slice(0, this.caps.maxEntryBytes), truncated: true };
  }

  #log(inputs: readonly { readonly reason: string }[], source: string, atMs: number): void {
    this.#unlogged += inputs.length;
    if (atMs - this.#lastLogMs < this.caps.logEveryMs) return;
    const reasons = [...new Set(inputs.map((input) => input.reason))].slice(0, 3);
    this.logger.warn({ source, refused: this.#unlogged, reasons }, 'input that cannot become a punch was set aside (see status / the Problems page)');
    this.#lastLogMs = atMs;
    this.#unlogged = 0;
  }
}
