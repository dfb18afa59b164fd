import type { MappingCoverage } from '../../app/types.js';
import type { TimeClockRule } from '../../config/types.js';
import { closestNames } from '../closest-names.js';
import { describeReader, proposeReader, type SeenReader } from '../init/readers.js';
import { findTimeClock } from '../../pipeline/decisions/passage.js';
import type { CheckResult } from './checks.js';
import type { SiteScan } from './site-scan.js';

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(' or ');
const names = (values: readonly (string | null)[]) => values.filter((v): v is string => v !== null && v !== '');

function clockName(clock: TimeClockRule): string {
  return clock.label ?? clock.reader ?? clock.door ?? '?';
}

function readerMatches(reader: SeenReader, selector: string): boolean {
  return reader.readerIndexCode === selector || reader.readerName === selector;
}

/** A door selector is known when HikCentral's door list (or, without it, an event) names it by code or name. */
function doorKnown(selector: string, scan: SiteScan): boolean {
  if (scan.doors !== null) return scan.doors.some((d) => d.doorIndexCode === selector || d.doorName === selector);
  return scan.readers.some((r) => r.doorIndexCode === selector || r.doorName === selector);
}

function doorCandidates(scan: SiteScan): string[] {
  return scan.doors !== null ? names(scan.doors.map((d) => d.doorName)) : names(scan.readers.map((r) => r.doorName));
}

/** One line per configured time clock: it exists in HikCentral, and it saw passages. A typo fails, naming the closest existing name. */
export function timeClockChecks(clocks: readonly TimeClockRule[], scan: SiteScan): CheckResult[] {
  const where = `the last ${scan.days} day(s)`;
  return clocks.map((clock, index): CheckResult => {
    const name = `time clock ${clockName(clock)}`;
    const configured = [clock.door !== null ? `door: "${clock.door}"` : null, clock.reader !== null ? `reader: "${clock.reader}"` : null].filter(Boolean).join(', ');
    if (clock.door !== null && !doorKnown(clock.door, scan)) {
      const near = closestNames(clock.door, doorCandidates(scan));
      const listed = scan.doors !== null ? `HikCentral's door list (${scan.doors.length} door(s))` : `the doors with events in ${where} (HikCentral's door list did not answer: ${scan.doorListError})`;
      return {
        name,
        status: 'fail',
        message: `${configured}: no door of that name or index code in ${listed}, so its passages would all be "not a time-clock door"`,
        fix: `In the config file (timeClocks), write the door exactly as HikCentral spells it${near.length > 0 ? ` — did you mean ${quoted(near.slice(0, 2))}?` : ` (doors: ${quoted(doorCandidates(scan).slice(0, 8)) || 'none'})`}`,
      };
    }
    if (clock.reader !== null && !scan.readers.some((r) => readerMatches(r, clock.reader!))) {
      const readerNames = names(scan.readers.map((r) => r.readerName));
      const near = closestNames(clock.reader, [...readerNames, ...names(scan.readers.map((r) => r.readerIndexCode))]);
      return {
        name,
        status: 'fail',
        message: `${configured}: no reader of that name or index code had any event in ${where} (HikCentral lists doors, not readers: readers are known from their events)`,
        fix: `In the config file (timeClocks), write the reader exactly as HikCentral spells it${near.length > 0 ? ` — did you mean ${quoted(near.slice(0, 2))}?` : ` (readers seen: ${quoted(readerNames.slice(0, 8)) || 'none'})`}`,
      };
    }
    const passages = scan.clockPassages[index] ?? 0;
    if (passages === 0) {
      return {
        name,
        status: 'warn',
        message: `${configured} exists but had no access-granted passage of a person in ${where}`,
        fix: clock.door !== null && clock.reader !== null ? 'Check that the reader belongs to that door (both must match), or that the time clock is in use.' : 'Check that this is the reader employees clock at (the "passages" line lists the busy ones).',
      };
    }
    return { name, status: 'ok', message: `${configured}: ${passages} passage(s) in ${where}`, fix: null };
  });
}

/** Which readers saw passages in the last days, busiest first, so IT sees the real time clocks; a reader that looks like one but is not configured is a warning. */
export function passagesCheck(clocks: readonly TimeClockRule[], scan: SiteScan): CheckResult {
  const busy = scan.readers.filter((r) => r.passages > 0);
  if (busy.length === 0) {
    return { name: 'passages', status: 'warn', message: `HikCentral reported ${scan.events} door event(s) and no access-granted passage of a person in the last ${scan.days} day(s)`, fix: 'Check that HIK_USER_ID (if set) may see the doors\' events, and that the devices upload to HikCentral.' };
  }
  const isClock = (r: SeenReader) => findTimeClock({ eventCode: 0, personId: null, doorIndexCode: r.doorIndexCode, doorName: r.doorName, readerIndexCode: r.readerIndexCode, readerName: r.readerName }, clocks) !== null;
  // The busiest few, and every configured time clock wherever it ranks.
  const shown = busy.filter((r, rank) => rank < 6 || isClock(r)).map((r) => `${describeReader(r)}${isClock(r) ? ' [time clock]' : ''}`);
  const more = busy.length > shown.length ? `; ${busy.length - shown.length} more` : '';
  const message = `readers with passages in the last ${scan.days} day(s), busiest first: ${shown.join('; ')}${more}`;
  const overlooked = busy.filter((r) => !isClock(r) && proposeReader(r).timeClock).map((r) => r.readerName ?? r.readerIndexCode ?? '?');
  if (overlooked.length > 0) {
    return { name: 'passages', status: 'warn', message: `${message}; ${quoted(overlooked)} look(s) like a time clock but is not configured`, fix: 'If employees clock there, add it to timeClocks in the config file (hik2humand init proposes the direction); otherwise ignore this.' };
  }
  return { name: 'passages', status: 'ok', message, fix: null };
}

/** Of the persons who passed a time clock in the last days, how many would be unmapped under the configured strategy: their punches would park. */
export function clockPersonsMappingCheck(scan: SiteScan, coverage: MappingCoverage, strategy: string): CheckResult {
  const name = 'mapping at time clocks';
  const passed = scan.clockPersons.size;
  const where = `in the last ${scan.days} day(s)`;
  if (passed === 0) return { name, status: 'skip', message: `nobody passed a configured time clock ${where}`, fix: null };
  const unmapped = coverage.unmappedPersons.filter((p) => scan.clockPersons.has(p.personId));
  if (unmapped.length === 0) return { name, status: 'ok', message: `all ${passed} person(s) who passed a time clock ${where} map to an active Humand user (mapping by ${strategy})`, fix: null };
  const examples = unmapped.slice(0, 3).map((p) => `${[p.personCode ?? p.personId, p.personName].filter(Boolean).join(' ')} — ${p.reason}`);
  return {
    name,
    status: unmapped.length === passed ? 'fail' : 'warn',
    message: `${unmapped.length} of ${passed} person(s) who passed a time clock ${where} would be unmapped (mapping by ${strategy}; their punches wait as "unmapped"): ${examples.join('; ')}`,
    fix: 'Give each employee a Humand user whose employeeInternalId is their key, or fix the key in their HikCentral record (the dashboard\'s Mapping page lists them); if none maps, mapping.strategy is wrong (docs/configuration.md).',
  };
}
