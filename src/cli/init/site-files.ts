import fs from 'node:fs';
import path from 'node:path';
import type { Direction, MappingStrategy } from '../../config/types.js';
import type { CliLanguage } from '../i18n/language.js';
import { INIT_EN, type InitWords } from './init-words.js';

export interface ChosenClock {
  /** The reader's name as HikCentral spells it (what the config matches). */
  readonly reader: string;
  readonly readerIndexCode: string | null;
  readonly doorName: string | null;
  readonly direction: Direction | null;
  readonly passages: number;
}

export interface SiteAnswers {
  readonly hikHost: string;
  readonly hikAppKey: string;
  readonly hikSecret: string;
  /** Relative to the site folder, when the certificate was pinned. */
  readonly hikCaCert: string | null;
  readonly humandBaseUrl: string;
  readonly humandAuth: string;
  readonly timezone: string;
  readonly clocks: readonly ChosenClock[];
  readonly mapping: { readonly strategy: MappingStrategy; readonly customField: string | null };
  /** What the coverage check found, written as a comment. */
  readonly mappingNote: string;
  /** The language init spoke: the CLI's and the alerts' from then on. */
  readonly language: CliLanguage;
}

/** dotenv value: quoted when it holds anything dotenv would read differently. */
function envValue(value: string): string {
  return /^[\w./:@+=-]*$/.test(value) ? value : `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** .env: the secrets and connection settings only (everything else lives in hik2humand.yaml), commented in init's language. */
export function envFileText(answers: SiteAnswers, now: Date, w: InitWords = INIT_EN): string {
  return [
    ...w.envFileHeader(now.toISOString()),
    '',
    w.envHik,
    `HIKVISION_HOST=${envValue(answers.hikHost)}`,
    `HIK_APP_KEY=${envValue(answers.hikAppKey)}`,
    `HIK_SECRET=${envValue(answers.hikSecret)}`,
    ...(answers.hikCaCert ? [w.envCaCert, `HIK_CA_CERT=${envValue(answers.hikCaCert)}`] : []),
    '',
    w.envHumand,
    `HUMAND_BASE_URL=${envValue(answers.humandBaseUrl)}`,
    `HUMAND_AUTH=${envValue(answers.humandAuth)}`,
    '',
    `SITE_TIMEZONE=${envValue(answers.timezone)}`,
    'CONFIG_FILE=./hik2humand.yaml',
    'DATABASE_PATH=./data/hik2humand.db',
    w.envLanguage,
    `HIK2HUMAND_LANG=${answers.language}`,
    `ALERT_LANGUAGE=${answers.language}`,
    w.envDryRun,
    'DRY_RUN=false',
    '',
  ].join('\n');
}

/** hik2humand.yaml with the chosen time clocks and mapping, commented for the next person. */
export function configFileText(answers: SiteAnswers, now: Date, w: InitWords = INIT_EN): string {
  const clocks = answers.clocks.map((clock) => {
    const lines = [`  - reader: ${yamlString(clock.reader)}   # ${w.clockSeen(clock.readerIndexCode, clock.doorName, clock.passages)}`];
    if (clock.direction) lines.push(`    direction: ${clock.direction}`);
    else lines.push(`    mode: alternate          ${w.yamlAlternate}`);
    return lines.join('\n');
  });
  const mapping = [`  strategy: ${answers.mapping.strategy}`];
  if (answers.mapping.customField) mapping.push(`  customField: ${yamlString(answers.mapping.customField)}`);
  return [
    ...w.yamlHeader(now.toISOString()),
    '',
    ...w.yamlTimeClocks,
    'timeClocks:',
    ...clocks,
    '',
    `${w.yamlWho} ${answers.mappingNote}`,
    'mapping:',
    ...mapping,
    '',
    `debounce: 60s                     ${w.yamlDebounce}`,
    `dayBoundaryHour: 4                ${w.yamlDayBoundary}`,
    `alternation: suppress             ${w.yamlAlternation}`,
    '',
  ].join('\n');
}

/** Writes a file atomically with the given mode (the mode applies from the first byte: secrets never readable by others). */
export function writeSiteFile(file: string, text: string, mode: number): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, text, { mode });
  fs.chmodSync(temp, mode);
  fs.renameSync(temp, file);
}
