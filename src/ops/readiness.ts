import type { OpsDataSource, OpsStatus } from './data-source.js';

export interface ReadinessCheck {
  readonly name: 'store' | 'poll' | 'humand';
  readonly ok: boolean;
  readonly detail: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: readonly ReadinessCheck[];
}

export interface ReadinessOptions {
  /** The last successful poll may be at most this old. */
  readonly maxPollAgeMs: number;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`;
}

async function storeCheck(data: OpsDataSource): Promise<ReadinessCheck> {
  try {
    await data.probeStoreWritable();
    return { name: 'store', ok: true, detail: 'ledger accepts writes' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name: 'store', ok: false, detail: `ledger cannot commit a write: ${message}` };
  }
}

export function pollCheck(status: OpsStatus, nowMs: number, options: ReadinessOptions): ReadinessCheck {
  const { poll } = status;
  if (!poll.enabled) return { name: 'poll', ok: true, detail: 'polling is off (push only)' };
  const limit = seconds(options.maxPollAgeMs);
  if (poll.lastSuccessMs === null) {
    const up = nowMs - status.startedMs;
    if (up <= options.maxPollAgeMs) return { name: 'poll', ok: true, detail: `no poll has completed yet (started ${seconds(up)} ago, allowed ${limit})` };
    const why = poll.lastError ? `: ${poll.lastError}` : '';
    return { name: 'poll', ok: false, detail: `no successful poll since start ${seconds(up)} ago${why}` };
  }
  const age = nowMs - poll.lastSuccessMs;
  if (poll.lastError && poll.lastAttemptMs !== null && poll.lastAttemptMs > poll.lastSuccessMs) {
    // Said at the first failed poll, not once the last good one is too old.
    return { name: 'poll', ok: false, detail: `the last poll failed (last successful poll ${seconds(age)} ago): ${poll.lastError}` };
  }
  if (age <= options.maxPollAgeMs) return { name: 'poll', ok: true, detail: `last successful poll ${seconds(age)} ago` };
  const why = poll.lastError ? `; last error: ${poll.lastError}` : '';
  return { name: 'poll', ok: false, detail: `last successful poll ${seconds(age)} ago (allowed ${limit})${why}` };
}

export function humandCheck(status: OpsStatus): ReadinessCheck {
  const { delivery } = status;
  switch (delivery.state) {
    case 'paused':
      return {
        name: 'humand',
        ok: false,
        detail: `delivery paused: ${delivery.reason ?? 'Humand refused the key'}${delivery.hint ? ` (${delivery.hint})` : ''}`,
      };
    case 'dry-run':
      return { name: 'humand', ok: true, detail: 'dry run: nothing is sent to Humand' };
    case 'stopped':
      return { name: 'humand', ok: true, detail: `delivery is not running${delivery.reason ? `: ${delivery.reason}` : ''}` };
    case 'running': {
      const humand = status.humand ?? null;
      if (humand !== null && humand.failingSinceMs !== null) {
        return {
          name: 'humand',
          ok: false,
          detail: `Humand has not answered since ${new Date(humand.failingSinceMs).toISOString()} (${humand.failures} ${humand.failures === 1 ? 'request' : 'requests'} without an answer): ${humand.lastError ?? 'no answer'}; punches are kept`,
        };
      }
      return { name: 'humand', ok: true, detail: humand?.lastOkMs != null ? 'delivery running; Humand answers' : 'delivery running' };
    }
  }
}

/** /readyz: the ledger takes writes, polling is recent, and Humand is not refusing us. */
export async function checkReadiness(data: OpsDataSource, nowMs: number, options: ReadinessOptions): Promise<Readiness> {
  const store = await storeCheck(data);
  let status: OpsStatus;
  try {
    status = await data.status();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ready: false, checks: [store, { name: 'poll', ok: false, detail: `status unreadable: ${message}` }] };
  }
  const checks = [store, pollCheck(status, nowMs, options), humandCheck(status)];
  return { ready: checks.every((c) => c.ok), checks };
}
