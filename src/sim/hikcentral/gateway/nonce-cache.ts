/** Nonces seen within the timestamp tolerance: a second use inside it is a replay. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  /** Records the nonce; false when it was already used and has not expired. */
  remember(nonce: string, nowMs: number): boolean {
    if (this.seen.size > 10_000) this.prune(nowMs);
    const expiresAt = this.seen.get(nonce);
    if (expiresAt !== undefined && expiresAt > nowMs) return false;
    this.seen.set(nonce, nowMs + this.ttlMs);
    return true;
  }

  private prune(nowMs: number): void {
    for (const [nonce, expiresAt] of this.seen) if (expiresAt <= nowMs) this.seen.delete(nonce);
  }
}
