import { DateTime } from 'luxon';
import type { Clock } from '../../domain/ports.js';

/** One event as the terminal recorded it (true time; the terminal writes it on its own clock). */
export interface TerminalEventInput {
  /** When it really happened (epoch ms, whole seconds). */
  readonly trueMs: number;
  readonly major: number;
  readonly minor: number;
  readonly employeeNo: string | null;
  readonly name: string | null;
  readonly cardNo: string | null;
  readonly cardReaderNo: number | null;
  readonly doorNo: number | null;
  readonly verifyMode: string | null;
  /** checkIn, checkOut, breakIn, breakOut, overtimeIn, overtimeOut, or null (attendance mode off). */
  readonly attendanceStatus: string | null;
}

export interface TerminalEvent extends TerminalEventInput {
  readonly serialNo: number;
}

export interface TerminalOptions {
  readonly clock: Clock;
  /** IANA zone the terminal writes its times in. */
  readonly timezone: string;
  readonly user: string;
  readonly password: string;
  /** Device clock minus true time (a drifting clock), ms. */
  readonly driftMs?: number;
  /** Events the buffer holds; older ones are overwritten. Default 100,000. */
  readonly capacity?: number;
  /** Largest `maxResults` the firmware accepts (capabilities). Default 30, like many face terminals. */
  readonly maxResults?: number;
  /** Failed logins before the terminal locks the user. Default 5. */
  readonly lockoutAfter?: number;
  /** How long a lock lasts. Default 30 min. */
  readonly lockoutMs?: number;
  readonly model?: string;
  readonly serialNumber?: string;
  readonly firmwareVersion?: string;
}

export interface HttpHost {
  readonly id: string;
  readonly url: string;
  readonly protocolType: string;
  readonly ipAddress: string;
  readonly portNo: number;
}

/**
 * What one simulated terminal knows: its event buffer (serialNo in order, finite, wrapping), its
 * drifting clock, its credentials and lockout, whether it is reachable, and its HTTP hosts.
 */
export class TerminalState {
  readonly clock: Clock;
  readonly timezone: string;
  readonly capacity: number;
  readonly maxResults: number;
  driftMs: number;
  offline = false;
  readonly user: string;
  password: string;
  readonly lockoutAfter: number;
  readonly lockoutMs: number;
  readonly info: { model: string; serialNumber: string; firmwareVersion: string };
  /** Every failed login (epoch ms), for the lockout window. */
  private failures: number[] = [];
  lockedUntilMs: number | null = null;
  /** How many times the terminal locked the user: a well-behaved client keeps this at 0. */
  lockouts = 0;
  /** Every request the terminal answered: method, path, status. */
  readonly requests: { method: string; path: string; status: number }[] = [];
  /** Every digest `response=` a client sent (right or wrong), so a test can check none of them reaches a log. */
  readonly digestResponses: string[] = [];
  readonly httpHosts = new Map<string, HttpHost>();
  /** The highest serialNo already pushed to the HTTP hosts. */
  pushedSerial = 0;
  private readonly events: TerminalEvent[] = [];
  private nextSerial = 1;

  constructor(options: TerminalOptions) {
    this.clock = options.clock;
    this.timezone = options.timezone;
    this.driftMs = options.driftMs ?? 0;
    this.capacity = options.capacity ?? 100_000;
    this.maxResults = options.maxResults ?? 30;
    this.user = options.user;
    this.password = options.password;
    this.lockoutAfter = options.lockoutAfter ?? 5;
    this.lockoutMs = options.lockoutMs ?? 30 * 60_000;
    this.info = {
      model: options.model ?? 'DS-K1T341AMF',
      serialNumber: options.serialNumber ?? 'DS-K1T341AMF20260101V031000ENSIM0001',
      firmwareVersion: options.firmwareVersion ?? 'V3.3.10',
    };
  }

  /** Adds events (any order); serial numbers follow true time, as the terminal would have numbered them. */
  addEvents(inputs: readonly TerminalEventInput[]): void {
    const sorted = [...inputs].sort((a, b) => a.trueMs - b.trueMs);
    const last = this.events.at(-1);
    if (last !== undefined && sorted.length > 0 && sorted[0]!.trueMs < last.trueMs)
      throw new Error('events must be added in time order after the ones already there');
    for (const input of sorted) this.events.push({ ...input, serialNo: this.nextSerial++ });
  }

  /** The terminal's own clock. */
  deviceNowMs(): number {
    return this.clock.now() + this.driftMs;
  }

  /** Device time of an event as the terminal writes it: its own clock, its zone's offset, whole seconds. */
  formatTime(ms: number): string {
    return DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone: this.timezone }).toISO({ suppressMilliseconds: true })!;
  }

  deviceTimeOf(event: TerminalEvent): number {
    return Math.floor((event.trueMs + this.driftMs) / 1000) * 1000;
  }

  /** What the buffer holds now: events that have happened, minus those overwritten. */
  buffer(): TerminalEvent[] {
    const now = this.clock.now();
    let end = this.events.length;
    while (end > 0 && this.events[end - 1]!.trueMs > now) end--;
    return this.events.slice(Math.max(0, end - this.capacity), end);
  }

  /** A failed login; returns true when it locked the user. */
  noteFailedLogin(): boolean {
    const now = this.clock.now();
    this.failures = [...this.failures.filter((at) => now - at < this.lockoutMs), now];
    if (this.failures.length >= this.lockoutAfter) {
      this.lockedUntilMs = now + this.lockoutMs;
      this.failures = [];
      this.lockouts++;
      return true;
    }
    return false;
  }

  isLocked(): boolean {
    if (this.lockedUntilMs === null) return false;
    if (this.clock.now() >= this.lockedUntilMs) this.lockedUntilMs = null;
    return this.lockedUntilMs !== null;
  }

  failedLogins(): number {
    return this.failures.length;
  }
}
