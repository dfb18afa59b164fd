import { terminalStatusKey } from '../store/meta-keys.js';
import { z } from 'zod';
import type { DevicePollSummary } from './device-poller.js';

/** What `status` shows of one terminal, kept in the ledger's meta so another process (the CLI) sees it. */
export interface TerminalStatus {
  readonly device: string;
  readonly lastAttemptMs: number | null;
  readonly lastSuccessMs: number | null;
  readonly lastError: string | null;
  /** Read up to here, on the device's clock. */
  readonly cursorMs: number | null;
  /** Device clock minus ours at the last read. */
  readonly driftMs: number | null;
  /** The last time the buffer wrapped past our cursor: which serials were lost, and when it was seen. */
  readonly lastLoss: { readonly fromSerial: number; readonly toSerial: number; readonly seenMs: number } | null;
}

export interface TerminalStatusStore {
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string | null): Promise<void>;
}

const key = terminalStatusKey;

const storedSchema = z.object({
  lastAttemptMs: z.number().nullable(),
  lastSuccessMs: z.number().nullable(),
  lastError: z.string().nullable(),
  cursorMs: z.number().nullable(),
  driftMs: z.number().nullable(),
  lastLoss: z.object({ fromSerial: z.number(), toSerial: z.number(), seenMs: z.number() }).nullable(),
});

export async function readTerminalStatus(store: TerminalStatusStore, device: string): Promise<TerminalStatus> {
  const text = await store.getMeta(key(device));
  let parsed: z.output<typeof storedSchema> | null = null;
  try {
    const result = storedSchema.safeParse(text === null ? null : JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    parsed = null;
  }
  return { device, ...(parsed ?? { lastAttemptMs: null, lastSuccessMs: null, lastError: null, cursorMs: null, driftMs: null, lastLoss: null }) };
}

/** Notes one read of a terminal: its summary, or the error that stopped it. */
export async function noteTerminalRead(
  store: TerminalStatusStore,
  device: string,
  nowMs: number,
  outcome: { readonly summary: DevicePollSummary } | { readonly error: string },
): Promise<void> {
  const previous = await readTerminalStatus(store, device);
  const next: Omit<TerminalStatus, 'device'> =
    'summary' in outcome
      ? {
          lastAttemptMs: nowMs,
          lastSuccessMs: nowMs,
          lastError: null,
          cursorMs: outcome.summary.toMs,
          driftMs: outcome.summary.driftMs,
          lastLoss: outcome.summary.lost === null ? previous.lastLoss : { ...outcome.summary.lost, seenMs: nowMs },
        }
      : { ...previous, lastAttemptMs: nowMs, lastError: outcome.error };
  await store.setMeta(key(device), JSON.stringify(next));
}
