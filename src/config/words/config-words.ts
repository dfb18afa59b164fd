import { CONFIG_EN } from './config-words-en.js';
import { CONFIG_ES } from './config-words-es.js';

/** The languages configuration problems are written in (the CLI's). */
export type ConfigLanguage = 'en' | 'es';

/**
 * What a configuration problem says, in English and Spanish: each names the setting (its name
 * never changes), what is wrong and an example. Built-in validation messages (an unknown key, a
 * wrong type) come from the validation library's own catalog for the language.
 */
export interface ConfigWords {
  readonly language: ConfigLanguage;
  readonly or: string;
  readonly durationExample: string;
  notDuration(value: string, example: string): string;
  tooShort(value: string, minimum: string, example: string): string;
  notBoolean(value: string): string;
  notTimeZone(value: string): string;
  notInteger(value: string, min: number, max: number, example: string): string;
  notHost(value: string, examples: readonly string[]): string;
  notRate(value: string): string;
  notPostgresUrl(value: string, example: string): string;
  noDatabase(value: string, example: string): string;
  readonly notSchemaName: string;
  readonly notLogLevel: string;

  siteTimezoneFile(value: string): string;
  readonly humandMissingIsapi: string;
  readonly humandMissing: string;
  readonly hikMissing: string;
  readonly hikAppKeyMissing: string;
  readonly hikSecretMissing: string;
  caNotPem(value: string): string;
  caUnreadable(value: string, code: string): string;
  readonly insecureWithCa: string;
  noTimeClocks(configFile: string | null): string;
  readonly invalid: string;
  readonly invalidHint: string;
  configUnreadable(named: string, code: string): string;
  notValidFormat(file: string, format: string, detail: string): string;
  lineReads(line: number, written: string): string;
  likely(cause: string): string;
  readonly yamlCauses: Readonly<Record<string, string>>;
  csvMissing(value: string): string;
  configFilePrefix(name: string): string;

  readonly eventCodePositive: string;
  readonly clockModeEnum: string;
  readonly directionEnum: string;
  readonly needsDoorOrReader: string;
  readonly doorNeedsDirection: string;
  readonly strategyEnum: string;
  readonly customFieldNeeded: string;
  readonly csvNeeded: string;
  readonly alternationEnum: string;
  readonly eventTypesEnum: string;

  readonly isapiModeEnum: string;
  readonly isapiDoorNeedsDirection: string;
  readonly deviceName: string;
  readonly deviceAddress: string;
  readonly deviceUser: string;
  readonly passwordEnvName: string;
  readonly passwordOneOf: string;
  readonly pushPath: string;
  nameTwice(where: string, name: string): string;
  passwordEnvUnset(where: string, variable: string): string;
  deviceCaNotPem(where: string, file: string): string;
  deviceCaUnreadable(where: string, file: string, code: string): string;
  pushFromHost(where: string, host: string): string;
  deviceCaOnHttp(where: string): string;
  readerTwice(where: string, reader: number): string;

  logLevelFlag(value: string, levels: readonly string[]): string;
  notLanguage(value: string): string;
  envFileUnreadable(named: string, code: string): string;
}

export function configWords(language: ConfigLanguage): ConfigWords {
  return language === 'es' ? CONFIG_ES : CONFIG_EN;
}

export { CONFIG_EN };
