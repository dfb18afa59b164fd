import type { MappingCoverage } from '../../app/types.js';
import type { TimeClockRule } from '../../config/types.js';
import { closestNames } from '../closest-names.js';
import { describeReader, proposeReader, type SeenReader } from '../init/readers.js';
import { findTimeClock } from '../../pipeline/decisions/passage.js';
import type { CheckResult } from './checks.js';
import type { SiteScan } from './site-scan.js';
import { DOCTOR_EN, type DoctorWords } from './doctor-words.js';

const quoted = (names: readonly string[], or = ' or ') => names.map((n) => `"${n}"`).join(or);
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
export function timeClockChecks(clocks: readonly TimeClockRule[], scan: SiteScan, w: DoctorWords = DOCTOR_EN): CheckResult[] {
  const t = w.site;
  const where = t.lastDays(scan.days);
  return clocks.map((clock, index): CheckResult => {
    const name = w.name.timeClock(clockName(clock));
    const configured = [clock.door !== null ? `door: "${clock.door}"` : null, clock.reader !== null ? `reader: "${clock.reader}"` : null]
      .filter(Boolean)
      .join(', ');
    if (clock.door !== null && !doorKnown(clock.door, scan)) {
      const near = closestNames(clock.door, doorCandidates(scan));
      const listed = scan.doors !== null ? t.doorList(scan.doors.length) : t.doorsWithEvents(where, scan.doorListError);
      return {
        name,
        status: 'fail',
        message: t.noDoor(configured, listed),
        fix: t.doorFix(near.length > 0 ? t.didYouMean(quoted(near.slice(0, 2), t.or)) : t.doorsAre(quoted(doorCandidates(scan).slice(0, 8), t.or) || t.none)),
      };
    }
    if (clock.reader !== null && !scan.readers.some((r) => readerMatches(r, clock.reader!))) {
      const readerNames = names(scan.readers.map((r) => r.readerName));
      const near = closestNames(clock.reader, [...readerNames, ...names(scan.readers.map((r) => r.readerIndexCode))]);
      return {
        name,
        status: 'fail',
        message: t.noReader(configured, where),
        fix: t.readerFix(near.length > 0 ? t.didYouMean(quoted(near.slice(0, 2), t.or)) : t.readersSeen(quoted(readerNames.slice(0, 8), t.or) || t.none)),
      };
    }
    const passages = scan.clockPassages[index] ?? 0;
    if (passages === 0) {
      return {
        name,
        status: 'warn',
        message: t.noPassages(configured, where),
        fix: clock.door !== null && clock.reader !== null ? t.bothMustMatchFix : t.whichReaderFix,
      };
    }
    return { name, status: 'ok', message: t.passagesOk(configured, passages, where), fix: null };
  });
}

/** Which readers saw passages in the last days, busiest first, so IT sees the real time clocks; a reader that looks like one but is not configured is a warning. */
export function passagesCheck(clocks: readonly TimeClockRule[], scan: SiteScan, w: DoctorWords = DOCTOR_EN): CheckResult {
  const t = w.site;
  const busy = scan.readers.filter((r) => r.passages > 0);
  if (busy.length === 0) return { name: w.name.passages, status: 'warn', message: t.noneGranted(scan.events, scan.days), fix: t.noneGrantedFix };
  const isClock = (r: SeenReader) =>
    findTimeClock(
      { eventCode: 0, personId: null, doorIndexCode: r.doorIndexCode, doorName: r.doorName, readerIndexCode: r.readerIndexCode, readerName: r.readerName },
      clocks,
    ) !== null;
  // The busiest few, and every configured time clock wherever it ranks.
  const shown = busy.filter((r, rank) => rank < 6 || isClock(r)).map((r) => `${describeReader(r, t)}${isClock(r) ? t.timeClockMark : ''}`);
  const more = busy.length > shown.length ? t.more(busy.length - shown.length) : '';
  const message = t.busiest(scan.days, shown.join('; '), more);
  const overlooked = busy.filter((r) => !isClock(r) && proposeReader(r).timeClock).map((r) => r.readerName ?? r.readerIndexCode ?? '?');
  if (overlooked.length > 0) {
    return { name: w.name.passages, status: 'warn', message: t.overlooked(message, quoted(overlooked, t.or), overlooked.length), fix: t.overlookedFix };
  }
  return { name: w.name.passages, status: 'ok', message, fix: null };
}

/** Of the persons who passed a time clock in the last days, how many would be unmapped under the configured strategy: their punches would park. */
export function clockPersonsMappingCheck(scan: SiteScan, coverage: MappingCoverage, strategy: string, w: DoctorWords = DOCTOR_EN): CheckResult {
  const t = w.site;
  const name = w.name.clockMapping;
  const passed = scan.clockPersons.size;
  const where = t.inLastDays(scan.days);
  if (passed === 0) return { name, status: 'skip', message: t.nobodyPassed(where), fix: null };
  const unmapped = coverage.unmappedPersons.filter((p) => scan.clockPersons.has(p.personId));
  if (unmapped.length === 0) return { name, status: 'ok', message: t.allMapped(passed, where, strategy), fix: null };
  const examples = unmapped.slice(0, 3).map((p) => `${[p.personCode ?? p.personId, p.personName].filter(Boolean).join(' ')} — ${p.reason}`);
  return {
    name,
    status: unmapped.length === passed ? 'fail' : 'warn',
    message: t.wouldBeUnmapped(unmapped.length, passed, where, strategy, examples.join('; ')),
    fix: t.unmappedFix,
  };
}
