/** Misbehaviour switchable at run time, to prove a client survives a bad day. */
export interface HikFaultSettings {
  /** Close every new connection as soon as it is accepted (the client sees a reset). */
  readonly refuseConnections?: boolean;
  /** Hold every answer this long (wall-clock ms: it exercises the client's real timeouts). */
  readonly delayMs?: number;
  /** Only delay requests to this path. */
  readonly delayPath?: string;
  /** Answer this non-"0" code (HTTP 200, as the platform) — to the next `count` requests, or until cleared. */
  readonly forceCode?: { readonly code: string; readonly msg?: string; readonly count?: number; readonly path?: string };
  /** Answer HTTP 200 with a truncated, unparseable JSON body — to the next `count` requests, or until cleared. */
  readonly malformedJson?: { readonly count?: number; readonly path?: string };
}

export interface HikFaults {
  /** Merges into the current settings (undefined leaves a setting as it is). */
  set(settings: HikFaultSettings): void;
  clear(): void;
  current(): HikFaultSettings;
}

export class FaultSwitchboard implements HikFaults {
  private settings: {
    refuseConnections: boolean;
    delayMs: number;
    delayPath: string | undefined;
    forceCode: { code: string; msg: string | undefined; remaining: number | undefined; path: string | undefined } | undefined;
    malformedJson: { remaining: number | undefined; path: string | undefined } | undefined;
  } = { refuseConnections: false, delayMs: 0, delayPath: undefined, forceCode: undefined, malformedJson: undefined };

  private readonly refuseListeners = new Set<() => void>();

  set(settings: HikFaultSettings): void {
    if (settings.refuseConnections !== undefined) {
      this.settings.refuseConnections = settings.refuseConnections;
      if (settings.refuseConnections) for (const listener of this.refuseListeners) listener();
    }
    if (settings.delayMs !== undefined) this.settings.delayMs = Math.max(0, settings.delayMs);
    if (settings.delayPath !== undefined) this.settings.delayPath = settings.delayPath;
    if (settings.forceCode !== undefined) {
      this.settings.forceCode = {
        code: settings.forceCode.code,
        msg: settings.forceCode.msg,
        remaining: settings.forceCode.count,
        path: settings.forceCode.path,
      };
    }
    if (settings.malformedJson !== undefined) {
      this.settings.malformedJson = { remaining: settings.malformedJson.count, path: settings.malformedJson.path };
    }
  }

  clear(): void {
    this.settings = { refuseConnections: false, delayMs: 0, delayPath: undefined, forceCode: undefined, malformedJson: undefined };
  }

  current(): HikFaultSettings {
    const { refuseConnections, delayMs, delayPath, forceCode, malformedJson } = this.settings;
    return {
      refuseConnections,
      delayMs,
      ...(delayPath === undefined ? {} : { delayPath }),
      ...(forceCode === undefined
        ? {}
        : {
            forceCode: {
              code: forceCode.code,
              ...optional('msg', forceCode.msg),
              ...optional('count', forceCode.remaining),
              ...optional('path', forceCode.path),
            },
          }),
      ...(malformedJson === undefined ? {} : { malformedJson: { ...optional('count', malformedJson.remaining), ...optional('path', malformedJson.path) } }),
    };
  }

  /** Called whenever refuseConnections is switched on; returns an unsubscribe function. */
  onRefuseConnections(listener: () => void): () => void {
    this.refuseListeners.add(listener);
    return () => this.refuseListeners.delete(listener);
  }

  refusesConnections(): boolean {
    return this.settings.refuseConnections;
  }

  delayFor(path: string): number {
    const { delayMs, delayPath } = this.settings;
    return delayPath === undefined || delayPath === path ? delayMs : 0;
  }

  /** The forced answer for this request, if any (consumes one of `count`). */
  takeForcedCode(path: string): { code: string; msg: string } | null {
    const forced = this.settings.forceCode;
    if (!forced || (forced.path !== undefined && forced.path !== path)) return null;
    if (forced.remaining !== undefined) {
      forced.remaining -= 1;
      if (forced.remaining <= 0) this.settings.forceCode = undefined;
    }
    return { code: forced.code, msg: forced.msg ?? 'Simulated platform error' };
  }

  /** Whether this answer is to be malformed (consumes one of `count`). */
  takeMalformed(path: string): boolean {
    const malformed = this.settings.malformedJson;
    if (!malformed || (malformed.path !== undefined && malformed.path !== path)) return false;
    if (malformed.remaining !== undefined) {
      malformed.remaining -= 1;
      if (malformed.remaining <= 0) this.settings.malformedJson = undefined;
    }
    return true;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
