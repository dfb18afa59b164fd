import type { CliLanguage } from '../i18n/language.js';
import { INIT_EN } from './init-words-en.js';
import { INIT_ES } from './init-words-es.js';

/** A reader as the wizard names it: "Facial Entrada (reader 101, door Molinete Reloj Entrada): 412 passages". */
export interface ReaderLabel {
  readonly name: string;
  readonly readerIndexCode: string | null;
  readonly doorName: string | null;
  readonly passages: number;
}

/** Why a reader was (not) proposed as a time clock. */
export type ProposalReason =
  | { readonly kind: 'no-clock-word' }
  | { readonly kind: 'no-passages'; readonly word: string }
  | { readonly kind: 'clock'; readonly word: string; readonly direction: 'in' | 'out' | null };

export interface CertificateShown {
  readonly subject: string;
  readonly issuer: string;
  readonly selfSigned: boolean;
  readonly validTo: string;
  readonly fingerprint256: string;
}

/**
 * Everything `init` says and asks, and the comments of the files it writes, in English and
 * Spanish. What HikCentral, Humand or the system answered is quoted in their words.
 */
export interface InitWords {
  readonly fix: string;
  readonly required: string;
  readonly yes: string;
  readonly no: string;
  readonly keysHelp: string;
  /** Inquirer's yes/no prompt reads y/n only: other languages ask yes/no as a two-choice list. */
  readonly confirmAsList: boolean;
  readonly noTerminal: string;
  readonly noTerminalHint: string;

  notDuration(flag: string, value: string): string;
  durationExample(flag: string): string;
  readonly zonePrompt: string;
  zoneOk(zone: string, thisMachines: boolean): string;
  zoneInvalid(zone: string): string;
  zoneFlagInvalid(zone: string): string;
  readonly zoneFlagHint: string;
  replacePrompt(files: readonly string[]): string;
  filesExist(files: readonly string[]): string;
  readonly filesExistHint: string;
  reading(days: number): string;
  readCounts(events: number, persons: number, seconds: string): string;
  usersUnreadable(message: string): string;
  readonly usersUnreadableHint: string;
  zoneAgrees(offsets: string, zone: string): string;
  zoneDisagrees(disagree: number, total: number, offsets: string, zone: string): string;
  wrote(envFile: string, configFile: string, caFile: string | null): string;
  readonly next: string;
  /** `tally`: the counts by outcome, worded (empty: no events). */
  previewSummary(hours: number, tally: string): string;
  wouldSend(clockOut: boolean, employee: string, at: string, who: string, where: string): string;
  andMore(n: number): string;
  attention(line: string): string;

  readonly urlScheme: string;
  readonly urlExample: string;
  flagRequired(flag: string): string;
  flagRequiredHint(flag: string): string;
  readonly hikHostPrompt: string;
  readonly hikAppKeyPrompt: string;
  readonly hikSecretPrompt: string;
  hikAccepted(url: string, ms: number, pinned: boolean): string;
  certUnreadable(error: string): string;
  certificate(cert: CertificateShown): string;
  readonly trustPrompt: string;
  certUntrusted(fingerprint: string): string;
  readonly certUntrustedHint: string;
  stillRefuses(system: string, attempts: number, message: string): string;
  readonly humandKeyPrompt: string;
  readonly humandKeyHint: string;
  forbiddenAllowlist(explained: string): string;
  forbiddenUnread(error: string | null): string;
  readonly forbiddenFixThenAgain: string;
  allowlist(ips: readonly string[], refused: boolean): string;

  badDirection(value: string): string;
  readonly badDirectionHint: string;
  noSuchReader(name: string): string;
  noSuchReaderHint(near: readonly string[], seen: readonly string[]): string;
  noEvents(days: number): string;
  readonly noEventsHint: string;
  readersHeader(days: number): string;
  proposal(timeClock: boolean, direction: 'in' | 'out' | null, why: string): string;
  why(reason: ProposalReason): string;
  reader(label: ReaderLabel): string;
  readonly noProposal: string;
  readonly noProposalHint: string;
  useProposed(clocks: readonly { readonly reader: string; readonly direction: 'in' | 'out' | null }[]): string;
  isTimeClock(reader: string): string;
  readonly choiceDoor: string;
  readonly choiceIn: string;
  readonly choiceOut: string;
  readonly choiceAlternate: string;
  readonly noneChosen: string;
  readonly noneChosenHint: string;
  notStrategy(value: string): string;
  strategyHint(strategies: readonly string[]): string;
  mappingHeader(persons: number, active: number): string;
  coverage(strategy: string, customField: string | null, matched: number, active: number): string;
  readonly mappingQuestion: string;
  readonly best: string;
  readonly noMatchWarning: string;
  mappingNote(coverage: string): string;

  envFileHeader(when: string): readonly string[];
  readonly envHik: string;
  readonly envCaCert: string;
  readonly envHumand: string;
  readonly envLanguage: string;
  readonly envDryRun: string;
  yamlHeader(when: string): readonly string[];
  readonly yamlTimeClocks: readonly string[];
  clockSeen(readerIndexCode: string | null, doorName: string | null, passages: number): string;
  readonly yamlAlternate: string;
  readonly yamlWho: string;
  readonly yamlDebounce: string;
  readonly yamlDayBoundary: string;
  readonly yamlAlternation: string;
}

export function initWords(language: CliLanguage): InitWords {
  return language === 'es' ? INIT_ES : INIT_EN;
}

export { INIT_EN };
