export type CliLanguage = 'en' | 'es';

const LANGUAGES: readonly CliLanguage[] = ['en', 'es'];

function languageOf(tag: string | undefined): CliLanguage | null {
  const prefix = tag?.trim().toLowerCase().slice(0, 2);
  return LANGUAGES.find((language) => language === prefix) ?? null;
}

/**
 * The language of what the CLI prints: HIK2HUMAND_LANG (en or es), else the POSIX locale
 * (LC_ALL, LC_MESSAGES, LANG: `es_AR.UTF-8` → es), else the system's own locale as Node's ICU
 * sees it (on Windows there is no LANG; a Spanish Windows gives es), else English.
 */
export function cliLanguage(env: Readonly<Record<string, string | undefined>>, systemLocale = Intl.DateTimeFormat().resolvedOptions().locale): CliLanguage {
  const chosen = languageOf(env.HIK2HUMAND_LANG);
  if (chosen !== null) return chosen;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    // "C" and "POSIX" say nothing about a language; keep looking.
    if (value === undefined || value === '' || value === 'C' || value === 'POSIX' || value.startsWith('C.')) continue;
    return languageOf(value) ?? 'en';
  }
  return languageOf(systemLocale) ?? 'en';
}
