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

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private refused = 0;

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  recordRefusedConnection(): void {
    this.refused += 1;
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  counts(): RequestCounts {
    const byPath: Record<string, number> = {};
    const byCode: Record<string, number> = {};
    for (const entry of this.entries) {
      byPath[entry.path] = (byPath[entry.path] ?? 0) + 1;
      byCode[entry.code] = (byCode[entry.code] ?? 0) + 1;
    }
    return { total: this.entries.length, byPath, byCode, refusedConnections: this.refused };
  }

  reset(): void {
    this.entries = [];
    this.refused = 0;
  }
}
