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
export function clocksFromFlags(values: readonly string[], readers: readonly SeenReader[]): ChosenClock[] {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    const name = (at > 0 ? value.slice(0, at) : value).trim();
    const mode = (at > 0 ? value.slice(at + 1) : 'alternate').trim().toLowerCase();
    if (!['in', 'out', 'alternate'].includes(mode))
      throw new ConfigurationError(`--time-clock "${value}": the direction must be in, out or alternate`, {
        code: 'INIT_TIME_CLOCK',
        hint: 'e.g. --time-clock "Facial Entrada=in"',
      });
    const reader = readers.find((r) => r.readerName === name || r.readerIndexCode === name);
    if (reader === undefined) {
      const near = closestNames(
        name,
        readers.flatMap((r) => (r.readerName === null ? [] : [r.readerName])),
      ).map((n) => `"${n}"`);
      throw new ConfigurationError(
        `--time-clock "${name}": no reader of that name had any event in the scanned days, so its passages would all be "not a time-clock door"`,
        {
          code: 'INIT_TIME_CLOCK',
          hint: `Use the name exactly as HikCentral spells it${near.length > 0 ? ` — did you mean ${near.join(' or ')}?` : ''} (readers seen: ${readers.map((r) => `"${r.readerName}"`).join(', ')})`,
        },
      );
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
): Promise<ChosenClock[]> {
  if (readers.length === 0) {
    throw new ConfigurationError(`HikCentral reported no door events in the last ${days} day(s), so there is nothing to choose time clocks from`, {
      code: 'INIT_NO_EVENTS',
      hint: 'Scan further back with --days 30, or pass the readers with --time-clock "Reader name=in".',
    });
  }
  const proposals = readers.map(proposeReader);
  io.out(`\nReaders with events in the last ${days} day(s), busiest first (→ proposed):`);
  for (const p of proposals) {
    const verdict = p.timeClock ? `time clock, ${p.direction ?? 'alternate in/out'}` : 'not a time clock';
    io.out(`  ${describeReader(p.reader)}  → ${verdict} (${p.why})`);
  }
  if (flagged !== undefined && flagged.length > 0) {
    try {
      return clocksFromFlags(flagged, readers);
    } catch (error) {
      if (prompter === null) throw error;
      io.out(`✗ ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const proposed = proposals.filter((p) => p.timeClock).map((p) => chosen(p.reader, p.direction ?? 'alternate'));
  if (prompter === null) {
    if (proposed.length === 0)
      throw new ConfigurationError('no reader name looks like a time clock (reloj, molinete, fichada, clock)', {
        code: 'INIT_TIME_CLOCK',
        hint: 'Name them with --time-clock "Reader name=in" (one per time clock).',
      });
    return proposed;
  }
  if (
    proposed.length > 0 &&
    (await prompter.confirm(
      `Use the ${proposed.length} proposed time clock(s): ${proposed.map((c) => `${c.reader} (${c.direction ?? 'alternate'})`).join(', ')}?`,
      true,
    ))
  )
    return proposed;
  const clocks: ChosenClock[] = [];
  for (const p of proposals) {
    const choice = await prompter.choose<ClockChoice>(
      `${describeReader(p.reader)} — is it a time clock?`,
      [
        { name: 'no, an ordinary door', value: 'none' },
        { name: 'yes, clock-in', value: 'in' },
        { name: 'yes, clock-out', value: 'out' },
        { name: 'yes, alternate clock-in / clock-out per employee', value: 'alternate' },
      ],
      p.timeClock ? (p.direction ?? 'alternate') : 'none',
    );
    if (choice !== 'none') clocks.push(chosen(p.reader, choice));
  }
  if (clocks.length === 0)
    throw new ConfigurationError('no time clock chosen: every passage would be ignored', {
      code: 'INIT_TIME_CLOCK',
      hint: 'Run init again and mark at least one reader as a time clock.',
    });
  return clocks;
}

export interface ChosenMapping {
  readonly strategy: MappingStrategy;
  readonly customField: string | null;
  readonly note: string;
}

/** `--mapping personCode | cardNo | customField:<name>`. */
function mappingFromFlag(value: string, coverage: readonly StrategyCoverage[]): StrategyCoverage {
  const [strategy = '', field = null] = value.split(':', 2);
  const found = coverage.find((c) => c.strategy === strategy && (strategy !== 'customField' || c.customField === field));
  if (found === undefined) {
    throw new ConfigurationError(`--mapping "${value}" is not one of the strategies tried here`, {
      code: 'INIT_MAPPING',
      hint: `Use one of: ${coverage.map((c) => (c.customField ? `customField:${c.customField}` : c.strategy)).join(', ')} (a CSV mapping file is set by hand: docs/configuration.md)`,
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
): Promise<ChosenMapping> {
  const coverage = mappingCoverage(persons, users);
  io.out(
    `\nMapping HikCentral persons (${persons.length}) to Humand employees (${users.filter((u) => u.status === 'ACTIVE').length} active), by employeeInternalId:`,
  );
  for (const c of coverage) io.out(`  ${c.label}`);
  let pick = coverage[0]!;
  if (flag !== undefined) {
    try {
      pick = mappingFromFlag(flag, coverage);
    } catch (error) {
      if (prompter === null) throw error;
      io.out(`✗ ${error instanceof Error ? error.message : String(error)}`);
      pick = await prompter.choose(
        'How do HikCentral persons map to Humand employees?',
        coverage.map((c) => ({ name: c.label, value: c })),
        coverage[0],
      );
    }
  } else if (prompter !== null) {
    pick = await prompter.choose(
      'How do HikCentral persons map to Humand employees?',
      coverage.map((c, i) => ({ name: `${c.label}${i === 0 ? ' (best)' : ''}`, value: c })),
      coverage[0],
    );
  }
  if (pick.matchedEmployees === 0)
    io.out('  warning: this mapping matches no active employee; doctor will fail until HikCentral or Humand records agree (docs/configuration.md, mapping).');
  return { strategy: pick.strategy, customField: pick.customField, note: `When init looked: ${pick.label}.` };
}
