import type { Direction, MappingStrategy } from '../../config/types.js';
import { ConfigurationError } from '../../domain/errors.js';
import type { HikPerson } from '../../domain/hik-person.js';
import type { HumandUser } from '../../domain/humand.js';
import { closestNames } from '../closest-names.js';
import type { CliIo } from '../io.js';
import { mappingCoverage, type StrategyCoverage } from './mapping-coverage.js';
import type { Prompter } from './prompter.js';
import { describeReader, proposeReader, type SeenReader } from './readers.js';
import type { ChosenClock } from './site-files.js';
import { INIT_EN, type InitWords } from './init-words.js';

type ClockChoice = Direction | 'alternate' | 'none';

function chosen(reader: SeenReader, choice: Exclude<ClockChoice, 'none'>): ChosenClock {
  return {
    reader: reader.readerName ?? reader.readerIndexCode ?? '',
    readerIndexCode: reader.readerIndexCode,
    doorName: reader.doorName,
    direction: choice === 'alternate' ? null : choice,
    passages: reader.passages,
  };
}

/** `--time-clock "Facial Entrada=in"`: name (or index code) of a reader HikCentral reported, and in/out/alternate. */
export function clocksFromFlags(values: readonly string[], readers: readonly SeenReader[], w: InitWords = INIT_EN): ChosenClock[] {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    const name = (at > 0 ? value.slice(0, at) : value).trim();
    const mode = (at > 0 ? value.slice(at + 1) : 'alternate').trim().toLowerCase();
    if (!['in', 'out', 'alternate'].includes(mode)) throw new ConfigurationError(w.badDirection(value), { code: 'INIT_TIME_CLOCK', hint: w.badDirectionHint });
    const reader = readers.find((r) => r.readerName === name || r.readerIndexCode === name);
    if (reader === undefined) {
      const seen = readers.flatMap((r) => (r.readerName === null ? [] : [r.readerName]));
      throw new ConfigurationError(w.noSuchReader(name), { code: 'INIT_TIME_CLOCK', hint: w.noSuchReaderHint(closestNames(name, seen), seen) });
    }
    return chosen(reader, mode as Exclude<ClockChoice, 'none'>);
  });
}

/** Shows every reader with its passages and the proposal, and lets the person confirm or decide reader by reader. */
export async function chooseTimeClocks(
  readers: readonly SeenReader[],
  flagged: readonly string[] | undefined,
  prompter: Prompter | null,
  io: CliIo,
  days: number,
  w: InitWords = INIT_EN,
): Promise<ChosenClock[]> {
  if (readers.length === 0) {
    throw new ConfigurationError(w.noEvents(days), { code: 'INIT_NO_EVENTS', hint: w.noEventsHint });
  }
  const proposals = readers.map((reader) => proposeReader(reader, w));
  io.out(w.readersHeader(days));
  for (const p of proposals) io.out(`  ${describeReader(p.reader, w)}  → ${w.proposal(p.timeClock, p.direction, p.why)}`);
  if (flagged !== undefined && flagged.length > 0) {
    try {
      return clocksFromFlags(flagged, readers, w);
    } catch (error) {
      if (prompter === null) throw error;
      io.out(`✗ ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const proposed = proposals.filter((p) => p.timeClock).map((p) => chosen(p.reader, p.direction ?? 'alternate'));
  if (prompter === null) {
    if (proposed.length === 0) throw new ConfigurationError(w.noProposal, { code: 'INIT_TIME_CLOCK', hint: w.noProposalHint });
    return proposed;
  }
  if (proposed.length > 0 && (await prompter.confirm(w.useProposed(proposed), true))) return proposed;
  const clocks: ChosenClock[] = [];
  for (const p of proposals) {
    const choice = await prompter.choose<ClockChoice>(
      w.isTimeClock(describeReader(p.reader, w)),
      [
        { name: w.choiceDoor, value: 'none' },
        { name: w.choiceIn, value: 'in' },
        { name: w.choiceOut, value: 'out' },
        { name: w.choiceAlternate, value: 'alternate' },
      ],
      p.timeClock ? (p.direction ?? 'alternate') : 'none',
    );
    if (choice !== 'none') clocks.push(chosen(p.reader, choice));
  }
  if (clocks.length === 0) throw new ConfigurationError(w.noneChosen, { code: 'INIT_TIME_CLOCK', hint: w.noneChosenHint });
  return clocks;
}

export interface ChosenMapping {
  readonly strategy: MappingStrategy;
  readonly customField: string | null;
  readonly note: string;
}

/** `--mapping personCode | cardNo | customField:<name>`. */
function mappingFromFlag(value: string, coverage: readonly StrategyCoverage[], w: InitWords): StrategyCoverage {
  const [strategy = '', field = null] = value.split(':', 2);
  const found = coverage.find((c) => c.strategy === strategy && (strategy !== 'customField' || c.customField === field));
  if (found === undefined) {
    throw new ConfigurationError(w.notStrategy(value), {
      code: 'INIT_MAPPING',
      hint: w.strategyHint(coverage.map((c) => (c.customField ? `customField:${c.customField}` : c.strategy))),
    });
  }
  return found;
}

/** Tries every mapping against the real persons and users, shows the coverage of each and proposes the best. */
export async function chooseMapping(
  persons: readonly HikPerson[],
  users: readonly HumandUser[],
  flag: string | undefined,
  prompter: Prompter | null,
  io: CliIo,
  w: InitWords = INIT_EN,
): Promise<ChosenMapping> {
  const coverage = mappingCoverage(persons, users, w);
  io.out(w.mappingHeader(persons.length, users.filter((u) => u.status === 'ACTIVE').length));
  for (const c of coverage) io.out(`  ${c.label}`);
  let pick = coverage[0]!;
  if (flag !== undefined) {
    try {
      pick = mappingFromFlag(flag, coverage, w);
    } catch (error) {
      if (prompter === null) throw error;
      io.out(`✗ ${error instanceof Error ? error.message : String(error)}`);
      pick = await prompter.choose(
        w.mappingQuestion,
        coverage.map((c) => ({ name: c.label, value: c })),
        coverage[0],
      );
    }
  } else if (prompter !== null) {
    pick = await prompter.choose(
      w.mappingQuestion,
      coverage.map((c, i) => ({ name: `${c.label}${i === 0 ? w.best : ''}`, value: c })),
      coverage[0],
    );
  }
  if (pick.matchedEmployees === 0) io.out(w.noMatchWarning);
  return { strategy: pick.strategy, customField: pick.customField, note: w.mappingNote(pick.label) };
}
