/** The languages the product writes in (the CLI's, the alerts', the configuration problems'). */
export type Language = 'en' | 'es';

/** Picks a word's singular or plural form for a count, as the language's own plural rules say. */
export type Plural = (n: number, one: string, other: string) => string;

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-AR' };

export function pluralOf(language: Language): Plural {
  const rules = new Intl.PluralRules(LOCALES[language]);
  return (n, one, other) => (rules.select(n) === 'one' ? one : other);
}
