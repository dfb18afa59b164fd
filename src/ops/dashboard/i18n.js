// @ts-check
/* global localStorage, document */
// Labels in English and Spanish (the first users are in Argentina). Keys are stable ids.
import { EN } from './i18n-en.js';
import { ES } from './i18n-es.js';
import { MORE_LABELS } from './i18n-hr.js';

const LABELS = { en: EN, es: ES };

let current = pickInitial();

function pickInitial() {
  const saved = localStorage.getItem('hik2humand.lang');
  if (saved === 'en' || saved === 'es') return saved;
  return document.documentElement.lang === 'es' ? 'es' : 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = lang === 'es' ? 'es' : 'en';
  localStorage.setItem('hik2humand.lang', current);
  document.documentElement.lang = current;
}

/** The label for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = LABELS[current][key] ?? MORE_LABELS[current][key] ?? LABELS.en[key] ?? MORE_LABELS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] === undefined ? `{${name}}` : String(vars[name])));
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('unit.s', { n: s });
  if (s < 3600) return t('unit.min', { n: Math.round(s / 60) });
  if (s < 86400) return t('unit.h', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  return t('unit.d', { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) });
}
