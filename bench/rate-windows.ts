/** One window of a fixed-window rate limiter and what arrived in it. */
export interface RateWindow<T> {
  readonly startMs: number;
  readonly requests: T[];
}

/**
 * Replays a fixed-window rate limiter aligned on the first request of each window (as the
 * Humand simulator counts): a window opens with the first request at or after the previous
 * window's end.
 */
export function fixedWindows<T extends { readonly at: number }>(requests: readonly T[], windowMs: number): RateWindow<T>[] {
  const windows: RateWindow<T>[] = [];
  for (const request of [...requests].sort((a, b) => a.at - b.at)) {
    const current = windows.at(-1);
    if (current === undefined || request.at >= current.startMs + windowMs) windows.push({ startMs: request.at, requests: [request] });
    else current.requests.push(request);
  }
  return windows;
}

/** How many requests fell into each window, in order. */
export function requestsPerWindow(arrivalsMs: readonly number[], windowMs: number): number[] {
  return fixedWindows(
    arrivalsMs.map((at) => ({ at })),
    windowMs,
  ).map((w) => w.requests.length);
}

/** The shortest a drain of `requests` can take: the last request opens the last window. */
export function minimumDrainMs(requests: number, limit: number, windowMs: number): number {
  return Math.max(0, Math.ceil(requests / limit) - 1) * windowMs;
}
