// @ts-check
// (Intl is a browser and Node global.)
// Numbers, dates and plurals in the page's language: "1.050" and "01/12/2026" in Spanish,
// "1,050" and "2026-12-01" in English.
import { language, t } from './i18n.js';

const locale = () => (language() === 'es' ? 'es-AR' : 'en-US');

export function number(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

/** `key.one` / `key.other` (as Intl.PluralRules picks for `n`), with `{n}` filled in. */
export function plural(key, n, vars = {}) {
  const form = new Intl.PluralRules(locale()).select(n);
  const text = t(`${key}.${form}`, { n: number(n), ...vars });
  return text === `${key}.${form}` ? t(`${key}.other`, { n: number(n), ...vars }) : text;
}

/** An outcome's name as it reads under a count ("13 entregadas"). */
export function outcomeName(outcome, n) {
  const key = `outcomes.${outcome}`;
  const form = new Intl.PluralRules(locale()).select(n);
  const text = t(`${key}.${form}`);
  return text.startsWith(key) ? t(`outcome.${outcome}`) : text;
}

/** "2026-12-01" → "01/12/2026" in Spanish, unchanged in English. */
export function day(iso) {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return language() === 'es' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

/** A short weekday and day for column headers: "lun 01/12" / "Mon 12-01". */
export function dayHeader(iso) {
  const date = new Date(`${iso}T12:00:00Z`);
  const weekday = new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(date);
  const [, m, d] = iso.split('-');
  return language() === 'es' ? `${weekday} ${d}/${m}` : `${weekday} ${m}-${d}`;
}

/** An ISO time in the site's zone ("2026-12-01T08:12:45-03:00") as "01/12/2026 08:12:45". */
export function dateTime(iso) {
  if (!iso) return t('never');
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2})?)/.exec(iso);
  return match ? `${day(match[1])} ${match[2]}` : iso;
}

/** Minutes as "8 h 05 min". */
export function hours(minutes) {
  const m = Math.max(0, Math.round(minutes));
  return t('hours', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') });
}
