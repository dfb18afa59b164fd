import { CODE } from '../scenario/event-codes.js';
import type { HikScenario, SimEvent, TimeClockReader } from '../scenario/types.js';
import type { TerminalEventInput } from './terminal-state.js';

/** Where a generated door sits on a terminal: the terminal and the door's number there. */
export interface TerminalLayout {
  readonly name: string;
  /** Door index codes of the generated site, in the terminal's door order (doorNo 1, 2, …). */
  readonly doors: readonly string[];
}

/** HikCentral event code of the generated day → the terminal's major 5 minor (HCNetSDK MINOR_*), and how it was verified. */
const MINOR_OF: Readonly<Record<number, { minor: number; verifyMode: string | null }>> = {
  [CODE.faceAuthenticated]: { minor: 0x4b, verifyMode: 'face' },
  [CODE.validCard]: { minor: 0x01, verifyMode: 'card' },
  [CODE.fingerprint]: { minor: 0x26, verifyMode: 'fingerPrint' },
  [CODE.faceAndCard]: { minor: 0x3c, verifyMode: 'cardAndFace' },
  [CODE.faceFailed]: { minor: 0x4c, verifyMode: 'face' },
  197161: { minor: 0x50, verifyMode: 'face' }, // liveness failed → face not recognised
  [CODE.cardUnknown]: { minor: 0x09, verifyMode: 'card' },
  [CODE.noPermission]: { minor: 0x06, verifyMode: 'card' },
  [CODE.doorOpened]: { minor: 0x19, verifyMode: null },
  [CODE.doorOpenedByButton]: { minor: 0x17, verifyMode: null },
  [CODE.doorOpenedRemotely]: { minor: 0x15, verifyMode: null }, // a remote open shows as the lock opening
  [CODE.doorForced]: { minor: 0x1b, verifyMode: null },
};

/** The generated site's doors on three terminals: the entry time clock with the canteen and sanitary filter, the exit with the offices, the plant doors. */
export const SITE_TERMINALS: readonly TerminalLayout[] = [
  { name: 'entrada', doors: ['1', '3', '4'] },
  { name: 'salida', doors: ['2', '5'] },
  { name: 'planta', doors: ['6', '7'] },
];

const STATUS_OF: Readonly<Record<number, string>> = { 1: 'checkIn', 2: 'checkOut', 3: 'breakOut', 4: 'breakIn', 5: 'overtimeIn', 6: 'overtimeOut' };

export interface TerminalDay {
  /** Terminal name → its events (true times). */
  readonly events: ReadonlyMap<string, TerminalEventInput[]>;
  /** Generated reader code → the terminal and cardReaderNo it became. */
  readonly readers: ReadonlyMap<string, { terminal: string; cardReaderNo: number }>;
}

/**
 * Spreads a generated working day over terminals: each door becomes a door of one terminal,
 * its readers the terminal's readers 2·(doorNo−1)+1 and +2 (as on a DS-K2600 controller), the
 * person their employee number, the event code a major 5 minor, the device status an
 * attendanceStatus.
 */
export function scenarioOnTerminals(scenario: HikScenario, layout: readonly TerminalLayout[]): TerminalDay {
  const place = new Map<string, { terminal: string; doorNo: number }>();
  for (const terminal of layout) terminal.doors.forEach((door, index) => place.set(door, { terminal: terminal.name, doorNo: index + 1 }));
  const readers = new Map<string, { terminal: string; cardReaderNo: number }>();
  for (const door of scenario.doors) {
    const where = place.get(door.doorIndexCode);
    if (where === undefined) throw new Error(`door ${door.doorIndexCode} is on no terminal`);
    door.readers.forEach((reader, index) =>
      readers.set(reader.readerIndexCode, { terminal: where.terminal, cardReaderNo: 2 * (where.doorNo - 1) + index + 1 }),
    );
  }
  const persons = new Map(scenario.persons.map((p) => [p.personId, p]));
  const events = new Map<string, TerminalEventInput[]>(layout.map((t) => [t.name, []]));
  for (const event of scenario.events) {
    const where = place.get(event.doorIndexCode)!;
    events
      .get(where.terminal)!
      .push(toTerminalEvent(event, where.doorNo, event.readerIndexCode === null ? null : readers.get(event.readerIndexCode)!.cardReaderNo, persons));
  }
  return { events, readers };
}

function toTerminalEvent(
  event: SimEvent,
  doorNo: number,
  cardReaderNo: number | null,
  persons: ReadonlyMap<string, HikScenario['persons'][number]>,
): TerminalEventInput {
  const code = MINOR_OF[event.eventType];
  if (code === undefined) throw new Error(`no terminal minor for event code ${event.eventType}`);
  const person = event.personId === null ? undefined : persons.get(event.personId);
  return {
    trueMs: event.eventTime,
    major: 5,
    minor: code.minor,
    employeeNo: person?.personCode ?? null,
    name: person === undefined ? null : `${person.personGivenName} ${person.personFamilyName}`,
    cardNo: event.cardNo,
    cardReaderNo,
    doorNo,
    verifyMode: code.verifyMode,
    attendanceStatus: cardReaderNo === null ? null : (STATUS_OF[event.checkInAndOutType] ?? null),
  };
}

/** Time-clock readers of the generated day as they sit on the terminals. */
export function terminalClocks(
  day: TerminalDay,
  clocks: readonly TimeClockReader[],
): { terminal: string; cardReaderNo: number; direction: 'in' | 'out'; readerIndexCode: string }[] {
  return clocks.map((clock) => ({ ...day.readers.get(clock.readerIndexCode)!, direction: clock.direction, readerIndexCode: clock.readerIndexCode }));
}
