import { randomUUID } from 'node:crypto';
import type { EntryType } from '../../domain/humand.js';
import type { Clock } from '../../domain/ports.js';
import { checkEmployee, checkNotFuture, checkSequence, type RuleViolation } from './clock-rules.js';
import { endOfDay, parseEntryTime, type EntryTime } from './entry-time.js';
import type { SimEntry, SimEntrySource, SimReadRefusals, SimRequestRecord, SimUser, SimUserInput, SimUserStatus } from './types.js';

export interface HumandSimStateOptions {
  readonly clock: Clock;
  readonly futureToleranceMs: number;
  readonly autoCloseOpenDays: boolean;
}

export type ClockOutcome =
  | { readonly ok: true; readonly entry: SimEntry }
  | { readonly ok: false; readonly kind: 'invalid-time'; readonly message: string }
  | { readonly ok: false; readonly kind: 'rule'; readonly violation: RuleViolation };

export interface AppEntryInput {
  readonly employeeInternalId: string;
  /** ISO 8601 with an explicit offset, kept as is. */
  readonly time: string;
  readonly type: EntryType;
  readonly comment?: string;
  /** Default APP. */
  readonly source?: Exclude<SimEntrySource, 'INTEGRATION'> | 'INTEGRATION';
  /** Apply Humand's rules (default false: other writers can leave any state behind). */
  readonly enforceRules?: boolean;
}

/**
 * Everything the Humand simulator knows: the user directory, every employee's timeline,
 * every request received. Tests read and change it directly.
 */
export class HumandSimState {
  readonly #clock: Clock;
  readonly #futureToleranceMs: number;
  readonly #autoClose: boolean;
  readonly #users = new Map<string, SimUser>();
  readonly #timelines = new Map<string, SimEntry[]>();
  readonly #requests: SimRequestRecord[] = [];
  #nextUserId = 1001;
  #nextEntryId = 1;
  #forbidden = false;
  #readRefusals: Required<SimReadRefusals> = { entries: false, daySummaries: false };

  constructor(options: HumandSimStateOptions) {
    this.#clock = options.clock;
    this.#futureToleranceMs = options.futureToleranceMs;
    this.#autoClose = options.autoCloseOpenDays;
  }

  // ── users ────────────────────────────────────────────────────────────────

  addUser(input: SimUserInput): SimUser {
    const employeeInternalId = input.employeeInternalId.trim();
    if (employeeInternalId === '') throw new RangeError('employeeInternalId is empty');
    if (this.#users.has(employeeInternalId)) throw new RangeError(`user ${employeeInternalId} already exists`);
    const now = this.#clock.now();
    const user: SimUser = {
      id: this.#nextUserId++,
      employeeInternalId,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      status: input.status ?? 'ACTIVE',
      fields: Object.entries(input.fields ?? {}).map(([name, value]) => ({ id: randomUUID(), name, value })),
      createdAtMs: now,
      updatedAtMs: now,
    };
    this.#users.set(employeeInternalId, user);
    return user;
  }

  setUserStatus(employeeInternalId: string, status: SimUserStatus): void {
    const user = this.#users.get(employeeInternalId);
    if (!user) throw new RangeError(`no user ${employeeInternalId}`);
    user.status = status;
    user.updatedAtMs = this.#clock.now();
  }

  deactivateUser(employeeInternalId: string): void {
    this.setUserStatus(employeeInternalId, 'DEACTIVATED');
  }

  getUser(employeeInternalId: string): SimUser | undefined {
    return this.#users.get(employeeInternalId);
  }

  /** In creation order; `search` matches (case-insensitively) names, email and employeeInternalId. */
  listUsers(search?: string): SimUser[] {
    const users = [...this.#users.values()];
    const term = search?.trim().toLowerCase();
    if (!term) return users;
    return users.filter((user) =>
      [user.firstName, user.lastName, `${user.firstName} ${user.lastName}`, user.email ?? '', user.employeeInternalId].some((text) =>
        text.toLowerCase().includes(term),
      ),
    );
  }

  // ── time tracking ────────────────────────────────────────────────────────

  /** What POST clockIn/clockOut does: checks Humand's rules, then records the entry (source INTEGRATION). */
  clock(type: EntryType, request: { readonly employeeId: string; readonly now: string; readonly comment: string | undefined }): ClockOutcome {
    const at = parseEntryTime(request.now);
    if (!at) {
      return { ok: false, kind: 'invalid-time', message: 'now must be an ISO 8601 date-time with an explicit UTC offset, e.g. 2026-01-27T08:12:45.123-03:00' };
    }
    const user = this.#users.get(request.employeeId);
    const violation =
      checkEmployee(user) ?? checkNotFuture(at, this.#clock.now(), this.#futureToleranceMs) ?? this.#checkTimeline(request.employeeId, type, at);
    if (violation || !user) return { ok: false, kind: 'rule', violation: violation ?? { reason: 'UNKNOWN_EMPLOYEE', message: 'User not found' } };
    return { ok: true, entry: this.#insert(user, type, request.now, at, 'INTEGRATION', request.comment) };
  }

  /** Another writer (the Humand app, a kiosk, an admin) adds an entry; by default no rule is checked. */
  addAppEntry(input: AppEntryInput): SimEntry {
    const user = this.#users.get(input.employeeInternalId);
    if (!user) throw new RangeError(`no user ${input.employeeInternalId}`);
    const at = parseEntryTime(input.time);
    if (!at) throw new RangeError(`time must carry an explicit offset: ${input.time}`);
    if (input.enforceRules === true) {
      const violation = checkEmployee(user) ?? this.#checkTimeline(user.employeeInternalId, input.type, at);
      if (violation) throw new RangeError(violation.message);
    }
    return this.#insert(user, input.type, input.time, at, input.source ?? 'APP', input.comment);
  }

  /** The employee's entries, oldest first. */
  timeline(employeeInternalId: string): readonly SimEntry[] {
    return [...(this.#timelines.get(employeeInternalId) ?? [])];
  }

  /** Entries whose reference date is within [startDate, endDate] (YYYY-MM-DD), oldest first. */
  entriesBetween(employeeInternalId: string, startDate: string, endDate: string): SimEntry[] {
    return this.timeline(employeeInternalId).filter((entry) => entry.referenceDate >= startDate && entry.referenceDate <= endDate);
  }

  /** Every entry of every employee. */
  allEntries(): SimEntry[] {
    return [...this.#timelines.values()].flat().sort((a, b) => a.instantMs - b.instantMs || a.id - b.id);
  }

  /**
   * Humand closing days left open: for every employee whose last entry on `date` is a START,
   * an END with source AUTO_CLOSE at 23:59:59.999 of that day (in the START's offset).
   */
  runAutoClose(date: string): SimEntry[] {
    const created: SimEntry[] = [];
    for (const employeeInternalId of this.#timelines.keys()) {
      const closed = this.#closeDay(employeeInternalId, date);
      if (closed) created.push(closed);
    }
    return created;
  }

  // ── access and inspection ────────────────────────────────────────────────

  get forbidden(): boolean {
    return this.#forbidden;
  }

  /** While true every call answers 403 ACCESS_DENIED (the key's user lacks the permission / IP not allowed). */
  setForbidden(forbidden: boolean): void {
    this.#forbidden = forbidden;
  }

  get readRefusals(): Required<SimReadRefusals> {
    return this.#readRefusals;
  }

  /** Refuse (or accept again) a read path with 400, as some tenants do; the others unchanged. */
  setReadRefusals(refusals: SimReadRefusals): void {
    this.#readRefusals = { ...this.#readRefusals, ...refusals };
  }

  /** Every request received, in arrival order. */
  get requests(): readonly SimRequestRecord[] {
    return this.#requests;
  }

  /** Requests by answered status (`'201'`, `'429'`, …) plus `reset`, `lost-answer` and `dropped`. */
  countsByStatus(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const record of this.#requests) {
      const key = record.outcome === 'answered' ? String(record.status) : record.outcome;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** Used by the server; not for tests. */
  recordRequest(record: Omit<SimRequestRecord, 'seq'>): SimRequestRecord {
    const full: SimRequestRecord = { ...record, seq: this.#requests.length + 1 };
    this.#requests.push(full);
    return full;
  }

  #checkTimeline(employeeInternalId: string, type: EntryType, at: EntryTime): RuleViolation | null {
    if (this.#autoClose) this.#closeDaysBefore(employeeInternalId, at.referenceDate);
    return checkSequence(this.#timelines.get(employeeInternalId) ?? [], type, at);
  }

  #closeDaysBefore(employeeInternalId: string, referenceDate: string): void {
    const days = new Set((this.#timelines.get(employeeInternalId) ?? []).map((entry) => entry.referenceDate).filter((day) => day < referenceDate));
    for (const day of [...days].sort()) this.#closeDay(employeeInternalId, day);
  }

  #closeDay(employeeInternalId: string, date: string): SimEntry | null {
    const user = this.#users.get(employeeInternalId);
    const dayEntries = (this.#timelines.get(employeeInternalId) ?? []).filter((entry) => entry.referenceDate === date);
    const last = dayEntries[dayEntries.length - 1];
    if (!user || last?.type !== 'START') return null;
    const end = endOfDay(date, last.offsetMinutes);
    return this.#insert(user, 'END', end.time, { instantMs: end.instantMs, offsetMinutes: last.offsetMinutes, referenceDate: date }, 'AUTO_CLOSE', undefined);
  }

  #insert(user: SimUser, type: EntryType, time: string, at: EntryTime, source: SimEntrySource, comment: string | undefined): SimEntry {
    const entry: SimEntry = {
      id: this.#nextEntryId++,
      userId: user.id,
      employeeInternalId: user.employeeInternalId,
      time,
      instantMs: at.instantMs,
      offsetMinutes: at.offsetMinutes,
      referenceDate: at.referenceDate,
      type,
      source,
      comment,
      createdAtMs: this.#clock.now(),
    };
    const timeline = this.#timelines.get(user.employeeInternalId) ?? [];
    const index = timeline.findIndex((existing) => existing.instantMs > at.instantMs);
    if (index === -1) timeline.push(entry);
    else timeline.splice(index, 0, entry);
    this.#timelines.set(user.employeeInternalId, timeline);
    return entry;
  }

  // ── the key's IP allowlist (reported, not enforced) ──────────────────────

  #allowedIps: string[] = [];

  /** The key's IP allowlist as GET /api-keys/allowed-ips reports it (empty: any IP). The simulator does not enforce it: setForbidden does. */
  get allowedIps(): readonly string[] {
    return this.#allowedIps;
  }

  setAllowedIps(ips: readonly string[]): void {
    this.#allowedIps = [...ips];
  }
}
