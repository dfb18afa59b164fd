import type { ConfigLanguage } from './config-words.js';
import { SETTINGS_EN } from './settings-words-en.js';
import { SETTINGS_ES } from './settings-words-es.js';

/** What the admin server's, the alerts' and push's settings say when one is wrong, in English and Spanish. */
export interface SettingsWords {
  readonly language: ConfigLanguage;
  invalid(name: string, message: string): string;
  atLeast(characters: number): string;
  readonly hostNames: string;
  readonly adminHint: string;
  readonly passwordAndToken: string;
  readonly onlyOne: string;
  openToNetwork(host: string): string;
  readonly openToNetworkHint: string;
  readonly hrWithoutAdmin: string;
  readonly hrWithoutAdminHint: string;
  hrSameUser(user: string): string;
  readonly hrSameUserHint: string;

  readonly alertHint: string;
  readonly minimumSecond: string;
  readonly smtpUrlFormat: string;
  readonly smtpFromFormat: string;
  readonly summaryNowhere: string;
  readonly summaryNowhereHint: string;
  notEmail(addresses: readonly string[]): string;
  readonly noEmail: string;
  readonly noSmtpUrl: string;
  readonly noSmtpFrom: string;
  readonly emailHint: string;

  readonly httpUrl: string;
  readonly slashPath: string;
  readonly tokenLength: string;
  readonly minimumMinute: string;
  pushUnreadable(variable: string, path: string): string;
  pushUnreadableHint(variable: string): string;
  pushInvalidHint(variable: string): string;
  readonly tokenMissing: string;
  readonly tokenMissingHint: string;
  readonly portMissing: string;
  readonly portMissingHint: string;
  readonly tlsPair: string;
  readonly tlsPairHint: string;
  ipRule(rule: string, why: string): string;
  readonly ipRuleHint: string;
  readonly ipShape: string;
  readonly ipNotAddress: string;
  readonly ipPrefixNotNumber: string;
  ipPrefixRange(max: number): string;
}

export function settingsWords(language: ConfigLanguage): SettingsWords {
  return language === 'es' ? SETTINGS_ES : SETTINGS_EN;
}

export { SETTINGS_EN };
