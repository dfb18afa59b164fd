/** Types of reasons.js (plain JavaScript: the browser loads it as it is). */
export declare function translateText<T extends string | null | undefined>(text: T, lang: 'en' | 'es' | string): T;
export declare function translateWord<T extends string | null | undefined>(word: T, lang: 'en' | 'es' | string): T;
