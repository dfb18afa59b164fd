import { DateTime } from 'luxon';
import type { PunchOutcome } from '../../store/punch.js';
import { duration } from '../format/time.js';
import { pluralOf } from '../../domain/plural.js';
import type { CliLanguage } from './language.js';
import { EN, ES, type Message, type MessageKey } from './messages.js';

type Vars = Readonly<Record<string, string | number>>;

/** The CLI's words, numbers and dates in one language. */
export interface CliText {
  readonly language: CliLanguage;
  /** A message with `{name}`s filled in (a plural message takes its `other` form). */
  t(key: MessageKey, vars?: Vars): string;
  /** A plural message in the form `n` takes in this language, `{n}` filled in. */
  count(key: MessageKey, n: number, vars?: Vars): string;
  outcome(outcome: PunchOutcome): string;
  /** Counts by outcome as one list: `3 dead, 1 rejected` / `fallida: 3, rechazada: 1`; empty when there are none. */
  tally(counts: Readonly<Partial<Record<PunchOutcome, number>>>): string;
  /** `2026-01-27 08:02:13` in English, `27/01/2026 08:02:13` in Spanish, in the site's zone. */
  localTime(ms: number | null, zone: string): string;
  /** The same with how long ago: `(3 min ago)` / `(hace 3 min)`; never/nunca for null. */
  localTimeAgo(ms: number | null, zone: string, nowMs: number): string;
  /** `2026-01-27` as the language writes a day. */
  day(isoDay: string): string;
}

const CATALOGS: Readonly<Record<CliLanguage, Readonly<Record<MessageKey, Message>>>> = { en: EN, es: ES };
const TIME_FORMATS: Readonly<Record<CliLanguage, string>> = { en: 'yyyy-LL-dd HH:mm:ss', es: 'dd/LL/yyyy HH:mm:ss' };

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function cliText(language: CliLanguage): CliText {
  const catalog = CATALOGS[language];
  const plural = pluralOf(language);
  const localTime = (ms: number | null, zone: string): string =>
    ms === null || !Number.isFinite(ms) ? '—' : DateTime.fromMillis(ms, { zone }).toFormat(TIME_FORMATS[language]);
  const text: CliText = {
    language,
    t(key, vars = {}) {
      const message = catalog[key];
      return fill(typeof message === 'string' ? message : message.other, vars);
    },
    count(key, n, vars = {}) {
      const message = catalog[key];
      const form = typeof message === 'string' ? message : plural(n, message.one, message.other);
      return fill(form, { n, ...vars });
    },
    outcome: (outcome) => text.t(`outcome.${outcome}`),
    tally: (counts) =>
      Object.entries(counts)
        .map(([outcome, n]) => text.t('outcome.tally', { n: n ?? 0, outcome, label: text.outcome(outcome as PunchOutcome) }))
        .join(', '),
    localTime,
    localTimeAgo(ms, zone, nowMs) {
      if (ms === null || !Number.isFinite(ms)) return text.t('time.never');
      const delta = nowMs - ms;
      const relative = delta >= 0 ? text.t('time.ago', { time: duration(delta) }) : text.t('time.in', { time: duration(-delta) });
      return `${localTime(ms, zone)} (${relative})`;
    },
    day(isoDay) {
      if (language === 'en') return isoDay;
      const [year, month, day] = isoDay.split('-');
      return `${day}/${month}/${year}`;
    },
  };
  return text;
}
