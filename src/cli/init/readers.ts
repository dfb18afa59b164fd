import type { AccessEvent } from '../../domain/access-event.js';
import type { Direction } from '../../config/types.js';
import { INIT_EN, type InitWords, type ProposalReason } from './init-words.js';

/** One reader as seen in HikCentral's door events: names, codes and how many passages it had. */
export interface SeenReader {
  readonly doorIndexCode: string | null;
  readonly doorName: string | null;
  readonly readerIndexCode: string | null;
  readonly readerName: string | null;
  /** Access-granted passages with a person. */
  readonly passages: number;
  readonly lastPassageMs: number | null;
}

/** What init proposes for a reader; the person confirms or changes it. */
export interface ReaderProposal {
  readonly reader: SeenReader;
  /** A time clock? Proposed when the reader's or door's name has a clock word. */
  readonly timeClock: boolean;
  /** `in` / `out` from entrada/ingreso/in vs salida/egreso/out; null: alternate per employee. */
  readonly direction: Direction | null;
  readonly reason: ProposalReason;
  /** The reason in words. */
  readonly why: string;
}

/**
 * Counts, per reader, the access-granted passages of a person (what could become a punch) as
 * events stream by, so that days of a large site's events are never held in memory at once.
 * A reader with refusals only shows 0.
 */
export class ReaderTally {
  readonly #byKey = new Map<string, { reader: Omit<SeenReader, 'passages' | 'lastPassageMs'>; passages: number; last: number | null }>();

  constructor(private readonly grantedCodes: ReadonlySet<number>) {}

  add(event: AccessEvent): void {
    // Door-state events name no reader: there is nothing a time clock could be configured by.
    if (event.readerIndexCode === null && event.readerName === null) return;
    const key = `${event.doorIndexCode ?? ''}|${event.readerIndexCode ?? event.readerName ?? ''}`;
    let entry = this.#byKey.get(key);
    if (entry === undefined) {
      entry = {
        reader: { doorIndexCode: event.doorIndexCode, doorName: event.doorName, readerIndexCode: event.readerIndexCode, readerName: event.readerName },
        passages: 0,
        last: null,
      };
      this.#byKey.set(key, entry);
    }
    if (this.grantedCodes.has(event.eventCode) && event.personId) {
      entry.passages += 1;
      const ms = Date.parse(event.eventTime);
      if (!Number.isNaN(ms) && (entry.last === null || ms > entry.last)) entry.last = ms;
    }
  }

  /** Every reader seen, busiest first. */
  readers(): SeenReader[] {
    return [...this.#byKey.values()]
      .map(({ reader, passages, last }) => ({ ...reader, passages, lastPassageMs: last }))
      .sort((a, b) => b.passages - a.passages || (a.readerName ?? '').localeCompare(b.readerName ?? ''));
  }
}

const CLOCK_WORDS = /\b(reloj|relojes|molinete|molinetes|fichada|fichadas|fichador|fichaje|asistencia|presentismo|clock|time ?clock|attendance|turnstile)\b/;
const IN_WORDS = /\b(entrada|entradas|ingreso|ingresos|in|entry|enter)\b/;
const OUT_WORDS = /\b(salida|salidas|egreso|egresos|out|exit)\b/;

function words(text: string | null): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
}

/**
 * Proposes from names only: a clock word (reloj, molinete, fichada, clock...) in the reader or
 * door name makes it a time clock; entrada/ingreso/in or salida/egreso/out gives the direction
 * (the reader's name first, then the door's). A direction word alone ("Comedor Lector Entrada")
 * is not enough: most doors of a plant have an entry side.
 */
export function proposeReader(reader: SeenReader, w: InitWords = INIT_EN): ReaderProposal {
  const names = [words(reader.readerName), words(reader.doorName)];
  const clockWord = names.map((n) => CLOCK_WORDS.exec(n)?.[0]).find((w) => w !== undefined);
  const direction =
    names
      .map((n): Direction | null => {
        const isIn = IN_WORDS.test(n);
        const isOut = OUT_WORDS.test(n);
        return isIn === isOut ? null : isIn ? 'in' : 'out';
      })
      .find((d) => d !== null) ?? null;
  const reason: ProposalReason =
    clockWord === undefined
      ? { kind: 'no-clock-word' }
      : reader.passages === 0
        ? { kind: 'no-passages', word: clockWord }
        : { kind: 'clock', word: clockWord, direction };
  return { reader, timeClock: reason.kind === 'clock', direction, reason, why: w.why(reason) };
}

/** "Facial Entrada (reader 101, door Molinete Reloj Entrada): 412 passages". */
export function describeReader(reader: SeenReader, w: Pick<InitWords, 'reader'> = INIT_EN): string {
  return w.reader({
    name: reader.readerName ?? reader.readerIndexCode ?? '?',
    readerIndexCode: reader.readerIndexCode,
    doorName: reader.doorName,
    passages: reader.passages,
  });
}
