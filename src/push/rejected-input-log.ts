import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../domain/ports.js';
import type { RejectedInputRecorder } from './ports.js';

/** One pushed event the receiver could not read, as kept for an operator. */
export interface RejectedInputEntry {
  /** ISO time it was received. */
  readonly at: string;
  readonly source: 'push';
  readonly reason: string;
  /** The event exactly as pushed. */
  readonly raw: unknown;
}

export interface RejectedInputLogOptions {
  /** JSON-lines file; its directory is created. Conventionally beside the ledger: `rejected-input.jsonl`. */
  readonly path: string;
  readonly clock: Clock;
  /** When the file grows past this, it is renamed to `<path>.1` (replacing the previous one). Default 10 MiB. */
  readonly maxBytes?: number;
}

export function rejectedInputPathBeside(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'rejected-input.jsonl');
}

/**
 * A durable record of pushed events that failed validation (the ledger keeps only events it
 * can read). Each entry is appended and fsynced before the push is answered, so "recorded as
 * rejected" survives a crash just as the good events of the same batch do. Appends are serialised.
 */
export function createRejectedInputLog(options: RejectedInputLogOptions): RejectedInputRecorder {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  let queue: Promise<void> = Promise.resolve();
  let prepared = false;

  const append = async (line: string): Promise<void> => {
    if (!prepared) {
      await fs.promises.mkdir(path.dirname(path.resolve(options.path)), { recursive: true });
      prepared = true;
    }
    const size = await fs.promises.stat(options.path).then((stat) => stat.size, () => 0);
    if (size > 0 && size + Buffer.byteLength(line) > maxBytes) await fs.promises.rename(options.path, `${options.path}.1`);
    const handle = await fs.promises.open(options.path, 'a', 0o600);
    try {
      await handle.appendFile(line, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };

  return (raw, reason) => {
    const entry: RejectedInputEntry = { at: new Date(options.clock.now()).toISOString(), source: 'push', reason, raw };
    const line = `${JSON.stringify(entry)}\n`;
    const result = queue.then(() => append(line));
    queue = result.catch(() => undefined);
    return result;
  };
}

/** The most recent entries, newest last (for `doctor`, the dashboard or a person with a terminal). */
export async function readRejectedInput(file: string, limit = 100): Promise<RejectedInputEntry[]> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: RejectedInputEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as RejectedInputEntry);
    } catch {
      // a line torn by a crash mid-append: skip it
    }
  }
  return entries.slice(-limit);
}
