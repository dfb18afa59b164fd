import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { AccessEvent } from '../src/domain/access-event.js';
import type { HumandUser } from '../src/domain/humand.js';
import type { IngestItem, PunchOutcome, PunchUpdate } from '../src/store/punch.js';
import { SqliteLedgerStore } from '../src/store/index.js';

/**
 * Fills a SQLite ledger with the history a site accumulates: days of door events (about 90% at
 * doors that are not time clocks, `ignored`), the time-clock punches delivered, debounced or
 * left unmapped (contractors without a Humand user), and a backlog of punches still awaiting
 * delivery (`queued`, as a backfill leaves them). Written through the store's own `ingest` and
 * `updatePunches`, in large batches with synchronous=NORMAL so that a million rows take
 * seconds; the App then opens the file as usual.
 */
export interface FillPlan {
  /** Punches in the ledger, the awaiting ones included. */
  readonly punches: number;
  /** Of those, queued for delivery: the newest days, a clock-in and a clock-out per employee and day. */
  readonly awaiting: number;
  readonly employees: number;
}

export interface FillResult {
  readonly punches: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly ms: number;
  /** A working day of the history (YYYY-MM-DD), for queries by date. */
  readonly sampleDay: string;
}

export const TIME_CLOCK_READERS = [
  { readerIndexCode: '101', readerName: 'Facial Entrada', doorIndexCode: '1', doorName: 'Molinete Reloj Entrada', direction: 'in' as const },
  { readerIndexCode: '201', readerName: 'Facial Salida', doorIndexCode: '2', doorName: 'Molinete Reloj Salida', direction: 'out' as const },
];

const OFFSET_MINUTES = -180;
const DAY_MS = 86_400_000;
/** Local midnight (UTC−3) of the first day of the history. */
const FIRST_DAY_MS = Date.UTC(2026, 0, 1, 3);
const BATCH = 5_000;
const OTHER_DOORS = 28;
const CONTRACTORS = 200;

export function employeeIdOf(index: number): string {
  return `E${String(index).padStart(5, '0')}`;
}

/** The Humand users of the filled site (also the simulator's). */
export function benchUsers(employees: number): HumandUser[] {
  return Array.from({ length: employees }, (_, i) => ({
    id: 1000 + i,
    employeeInternalId: employeeIdOf(i),
    email: `${employeeIdOf(i).toLowerCase()}@example.test`,
    firstName: 'Bench',
    lastName: employeeIdOf(i),
    status: 'ACTIVE',
    fields: {},
  }));
}

/** `2026-01-01T05:00:01-03:00`, as HikCentral writes times (luxon is too slow for a million). */
function siteTime(ms: number): string {
  return `${new Date(ms + OFFSET_MINUTES * 60_000).toISOString().slice(0, 19)}-03:00`;
}

function localDate(ms: number): string {
  return new Date(ms + OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

interface Door {
  readonly doorIndexCode: string;
  readonly doorName: string;
  readonly readerIndexCode: string;
  readonly readerName: string;
}

function accessEvent(eventId: string, ms: number, personId: string, personCode: string, door: Door, checkInAndOutType: number): AccessEvent {
  const eventTime = siteTime(ms);
  const raw = {
    eventId,
    eventType: 196893,
    eventTime,
    personId,
    personName: `Bench ${personCode}`,
    cardNo: '',
    doorIndexCode: door.doorIndexCode,
    doorName: door.doorName,
    readerIndexCode: door.readerIndexCode,
    readerName: door.readerName,
    checkInAndOutType,
    inAndOutType: 1,
    picUri: `/pic?${eventId}`,
  };
  return {
    eventId,
    eventCode: 196893,
    eventTime,
    personId,
    personCode,
    personName: raw.personName,
    cardNo: null,
    doorIndexCode: door.doorIndexCode,
    doorName: door.doorName,
    readerIndexCode: door.readerIndexCode,
    readerName: door.readerName,
    checkInAndOutType,
    inAndOutType: 1,
    raw,
  };
}

const otherDoor = (n: number): Door => ({
  doorIndexCode: String(100 + n),
  doorName: `Puerta ${100 + n}`,
  readerIndexCode: `${100 + n}1`,
  readerName: `Lector ${100 + n}`,
});

/** What became of one history punch: index i of the history, k-th time-clock punch when i % 10 === 0. */
function historyPunch(i: number, employees: number): { event: AccessEvent; update: (id: number) => PunchUpdate; delivered: boolean } {
  const perDay = employees * 25;
  const day = Math.floor(i / perDay);
  const ms = FIRST_DAY_MS + day * DAY_MS + Math.floor(((i % perDay) * DAY_MS) / perDay / 1000) * 1000;
  const person = i % employees;
  if (i % 10 !== 0) {
    const event = accessEvent(`h-${i}`, ms, String(person), employeeIdOf(person), otherDoor(i % OTHER_DOORS), 0);
    return { event, update: (id) => ({ id, outcome: 'ignored', reason: 'ignored: not a time-clock door' }), delivered: false };
  }
  const k = i / 10;
  const reader = TIME_CLOCK_READERS[k % 2]!;
  const r = k % 100;
  if (r < 5) {
    const code = `C${String(k % CONTRACTORS).padStart(4, '0')}`;
    const event = accessEvent(`h-${i}`, ms, `c${k % CONTRACTORS}`, code, reader, reader.direction === 'in' ? 1 : 2);
    return {
      event,
      update: (id) => ({ id, outcome: 'unmapped', reason: `unmapped: no Humand user with employeeInternalId ${code} (personCode)`, employeeId: null }),
      delivered: false,
    };
  }
  const employeeId = employeeIdOf(person);
  const event = accessEvent(`h-${i}`, ms, String(person), employeeId, reader, reader.direction === 'in' ? 1 : 2);
  const workingDay = localDate(ms);
  if (r < 12) {
    return {
      event,
      update: (id) => ({ id, outcome: 'debounced', reason: `debounced: double tap 4s from p-${Math.max(1, id - 10)}`, employeeId, workingDay }),
      delivered: false,
    };
  }
  const entryType = reader.direction === 'in' ? ('START' as const) : ('END' as const);
  const request = { employeeId, now: `${event.eventTime.slice(0, 19)}.000-03:00`, comment: reader.readerName };
  return {
    event,
    update: (id) => ({ id, outcome: 'delivered', reason: null, employeeId, workingDay, entryType, request, humandEntryId: String(500_000 + id), attempts: 1 }),
    delivered: true,
  };
}

/** The awaiting backlog: after the history, per day a clock-in then a clock-out for each employee. */
function awaitingPunch(n: number, historyDays: number, employees: number): { event: AccessEvent; update: (id: number) => PunchUpdate } {
  const day = historyDays + Math.floor(n / (2 * employees));
  const employee = n % employees;
  const reader = TIME_CLOCK_READERS[Math.floor(n / employees) % 2]!;
  const hourMs = reader.direction === 'in' ? 8 * 3_600_000 : 17 * 3_600_000;
  const ms = FIRST_DAY_MS + day * DAY_MS + hourMs + employee * 1000;
  const employeeId = employeeIdOf(employee);
  const event = accessEvent(`a-${n}`, ms, String(employee), employeeId, reader, reader.direction === 'in' ? 1 : 2);
  return { event, update: (id) => ({ id, outcome: 'queued', reason: null, employeeId, workingDay: localDate(ms) }) };
}

export async function fillLedger(dbPath: string, plan: FillPlan): Promise<FillResult> {
  const started = performance.now();
  const store = SqliteLedgerStore.open({ path: dbPath, synchronous: 'NORMAL' });
  try {
    const nowMs = Date.now();
    await store.replaceUsers(benchUsers(plan.employees), nowMs);
    const history = Math.max(0, plan.punches - plan.awaiting);
    const historyDays = Math.ceil(history / (plan.employees * 25));
    const write = async (
      count: number,
      source: 'poll' | 'backfill',
      make: (index: number) => { event: AccessEvent; update: (id: number) => PunchUpdate; delivered?: boolean },
    ) => {
      for (let start = 0; start < count; start += BATCH) {
        const made = Array.from({ length: Math.min(BATCH, count - start) }, (_, j) => make(start + j));
        const items: IngestItem[] = made.map(({ event }) => ({ event, eventMs: Date.parse(event.eventTime), utcOffsetMinutes: OFFSET_MINUTES }));
        const result = await store.ingest(items, source, nowMs);
        if (result.newPunchIds.length !== made.length) throw new Error(`fill: ${made.length - result.newPunchIds.length} events collapsed into others`);
        await store.updatePunches(
          made.map((m, j) => m.update(result.newPunchIds[j]!)),
          nowMs,
        );
        for (const [j, m] of made.entries()) {
          if (!m.delivered) continue;
          const id = result.newPunchIds[j]!;
          await store.recordAttempt({
            punchId: id,
            atMs: nowMs,
            kind: 'clock',
            method: 'POST',
            path: '/time-tracking/entries/clockIn',
            requestBody: null,
            status: 201,
            result: 'ok',
            message: null,
          });
        }
      }
    };
    await write(history, 'poll', (i) => historyPunch(i, plan.employees));
    await write(plan.awaiting, 'backfill', (n) => awaitingPunch(n, historyDays, plan.employees));
    const byOutcome = Object.fromEntries(Object.entries(await store.countsByOutcome()).filter(([, n]) => n > 0)) as Partial<Record<PunchOutcome, number>>;
    const punches = Object.values(byOutcome).reduce((sum, n) => sum + n, 0);
    return {
      punches,
      byOutcome,
      ms: Math.round(performance.now() - started),
      sampleDay: localDate(FIRST_DAY_MS + Math.max(0, historyDays - 1) * DAY_MS),
    };
  } finally {
    await store.close();
  }
}

/** Size of the ledger with its WAL, in MB. */
export function ledgerFileMb(dbPath: string): number {
  const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
  return Math.round((size(dbPath) + size(`${dbPath}-wal`)) / 1e6);
}
