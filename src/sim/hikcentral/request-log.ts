export interface LoggedRequest {
  /** Sim time. */
  readonly at: number;
  readonly transport: 'https' | 'http';
  readonly method: string;
  readonly path: string;
  /** The code answered, or "malformed" for a deliberately broken body. */
  readonly code: string;
}

export interface RequestCounts {
  readonly total: number;
  readonly byPath: Readonly<Record<string, number>>;
  readonly byCode: Readonly<Record<string, number>>;
  /** Connections closed by the refuseConnections fault (no HTTP request was read). */
  readonly refusedConnections: number;
}

/** The most recent requests kept for inspection (a long demo run would otherwise grow without end). */
const KEPT_REQUESTS = 50_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private total = 0;
  private byPath = new Map<string, number>();
  private byCode = new Map<string, number>();
  private refused = 0;

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > KEPT_REQUESTS) this.entries.splice(0, this.entries.length - KEPT_REQUESTS);
    this.total += 1;
    this.byPath.set(entry.path, (this.byPath.get(entry.path) ?? 0) + 1);
    this.byCode.set(entry.code, (this.byCode.get(entry.code) ?? 0) + 1);
  }

  recordRefusedConnection(): void {
    this.refused += 1;
  }

  /** The latest requests (up to 50,000), oldest first. */
  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  /** Counts since start (or the last reset), not limited to the kept list. */
  counts(): RequestCounts {
    return { total: this.total, byPath: Object.fromEntries(this.byPath), byCode: Object.fromEntries(this.byCode), refusedConnections: this.refused };
  }

  reset(): void {
    this.entries = [];
    this.total = 0;
    this.byPath = new Map();
    this.byCode = new Map();
    this.refused = 0;
  }
}
