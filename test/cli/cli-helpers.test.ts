import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncExitCode } from '../../src/cli/commands/sync.js';
import { parseDay, parseInstant } from '../../src/cli/dates.js';
import { acquireLedgerLock, LedgerBusyError } from '../../src/cli/service/ledger-lock.js';
import { stopOnSignals } from '../../src/cli/service/stop-signals.js';
import { ConfigProblems } from '../../src/cli/settings.js';

describe('command-line instants', () => {
  it('reads a date as the whole day in the site zone (the end bound includes that day), across a DST change', () => {
    const zone = 'America/New_York';
    expect(new Date(parseInstant('--from', '2026-03-08', zone, 'start')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    // The 8th of March 2026 is 23 hours long there: the next day starts at 04:00 UTC.
    expect(new Date(parseInstant('--to', '2026-03-08', zone, 'end')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('takes ISO date-times with an offset as they are, and without one in the site zone', () => {
    expect(parseInstant('--from', '2026-01-27T06:00:00-03:00', 'UTC', 'start')).toBe(Date.UTC(2026, 0, 27, 9));
    expect(parseInstant('--from', '2026-01-27T06:00', 'America/Argentina/Buenos_Aires', 'start')).toBe(Date.UTC(2026, 0, 27, 9));
  });

  it('reads today/yesterday (hoy/ayer) in the site zone and day-first dates as a person at the plant types them', () => {
    const zone = 'America/Argentina/Buenos_Aires';
    // 01:30 UTC on the 2nd is still the 1st in Buenos Aires (UTC-3).
    const now = Date.UTC(2026, 11, 2, 1, 30);
    expect(parseDay('--date', 'yesterday', zone, now)).toBe('2026-11-30');
    expect(parseDay('--date', 'Ayer', zone, now)).toBe('2026-11-30');
    expect(parseDay('--date', 'hoy', zone, now)).toBe('2026-12-01');
    expect(parseDay('--date', '01/12/2026', zone, now)).toBe('2026-12-01');
    expect(parseDay('--date', '7/3/2026', zone, now)).toBe('2026-03-07');
    expect(new Date(parseInstant('--from', 'yesterday', zone, 'start', now)).toISOString()).toBe('2026-11-30T03:00:00.000Z');
    expect(new Date(parseInstant('--to', '30/11/2026', zone, 'end', now)).toISOString()).toBe('2026-12-01T03:00:00.000Z');
  });

  it('names the option and shows examples when the value is not a date', () => {
    expect(() => parseInstant('--from', 'last week', 'UTC', 'start')).toThrow(ConfigProblems);
    expect(() => parseInstant('--from', 'last week', 'UTC', 'start')).toThrow(
      /--from: "last week" is not a date or date-time — use e\.g\. --from 2026-01-27, --from 27\/01\/2026, --from yesterday/,
    );
    expect(() => parseDay('--date', '31/02/2026', 'UTC')).toThrow(/--date: "31\/02\/2026" is not a date/);
  });
});

describe('sync exit codes', () => {
  const pause = { reason: 'Humand answered 403', hint: 'ask Humand', sinceMs: 0 };
  it.each([
    [{ paused: null, pollError: null, needsPerson: false }, 0],
    [{ paused: null, pollError: null, needsPerson: true }, 4],
    [{ paused: null, pollError: 'refused', needsPerson: true }, 5],
    [{ paused: pause, pollError: 'refused', needsPerson: true }, 3],
  ])('%o → %i (the most urgent wins)', (summary, code) => {
    expect(syncExitCode(summary)).toBe(code);
  });
});

describe('the ledger lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function otherProcess(): Promise<{ pid: number; exited: Promise<void>; kill(): void }> {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    return new Promise((resolve, reject) => {
      child.on('spawn', () => resolve({ pid: child.pid!, exited, kill: () => child.kill('SIGKILL') }));
      child.on('error', reject);
    });
  }

  function writeLock(ledger: string, pid: number): void {
    fs.writeFileSync(`${ledger}.lock`, JSON.stringify({ pid, host: os.hostname(), command: 'run', sinceMs: Date.now() }));
  }

  it('is refused while another live process holds it, naming that process', async () => {
    const ledger = path.join(dir, 'ledger.db');
    const other = await otherProcess();
    try {
      writeLock(ledger, other.pid);
      expect(() => acquireLedgerLock(ledger, 'sync')).toThrow(LedgerBusyError);
      expect(() => acquireLedgerLock(ledger, 'sync')).toThrow(new RegExp(`\`run\` \\(pid ${other.pid} on `));
    } finally {
      other.kill();
      await other.exited;
    }
  });

  it('takes over a lock whose process is gone, and removes it on release', async () => {
    const ledger = path.join(dir, 'ledger.db');
    const gone = await otherProcess();
    gone.kill();
    await gone.exited;
    writeLock(ledger, gone.pid);
    const lock = acquireLedgerLock(ledger, 'sync');
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'sync' });
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });
});

describe('stopping on signals', () => {
  it('stops gracefully on the first signal, ignores the copies npm/tsx relay with it, and forces only when a person insists', () => {
    let nowMs = 1_000_000;
    const forced: string[] = [];
    const stop = stopOnSignals(
      null,
      'the test',
      (signal) => forced.push(signal),
      () => nowMs,
    );
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(stop.signal.aborted).toBe(true);
      expect(stop.received()).toBe('SIGTERM');
      nowMs += 50;
      process.emit('SIGINT', 'SIGINT'); // a relayed copy
      expect(forced).toEqual([]);
      nowMs += 5_000;
      process.emit('SIGINT', 'SIGINT'); // Ctrl-C again, seconds later
      expect(forced).toEqual(['SIGINT']);
    } finally {
      stop.dispose();
    }
  });
});
