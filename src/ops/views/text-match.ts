/** Lower case without accents: "Nicolás PÉREZ" → "nicolas perez". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search, folded: "Pérez, Nicolás" → ["perez", "nicolas"]. */
export function searchWords(term: string): string[] {
  return foldText(term)
    .split(/[\s,;]+/)
    .filter((word) => word !== '');
}

/**
 * True when every word of the search is part of one of the fields, in any order, without
 * regard to case or accents: "nicolas" finds "Nicolás Pérez", and so does "perez nico".
 */
export function matchesWords(words: readonly string[], ...fields: (string | null | undefined)[]): boolean {
  if (words.length === 0) return false;
  const haystack = fields
    .filter((f): f is string => typeof f === 'string' && f !== '')
    .map(foldText)
    .join(' ');
  return words.every((word) => haystack.includes(word));
}

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

/** Orders names as a Spanish-speaking reader expects (accents and case do not split groups). */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}
