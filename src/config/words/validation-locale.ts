import { z } from 'zod';
import type { ConfigLanguage } from './config-words.js';

/** Parse options giving the validation library's own messages (an unknown key, a wrong type) in `language`. */
export function validationLocale(language: ConfigLanguage): { readonly error: z.core.$ZodErrorMap } | undefined {
  return language === 'es' ? { error: z.locales.es().localeError } : undefined;
}
