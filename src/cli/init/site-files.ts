import fs from 'node:fs';
import path from 'node:path';
import type { Direction, MappingStrategy } from '../../config/types.js';

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
}

/** dotenv value: quoted when it holds anything dotenv would read differently. */
function envValue(value: string): string {
  return /^[\w./:@+=-]*$/.test(value) ? value : `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** .env: the secrets and connection settings only (everything else lives in hik2humand.yaml). */
export function envFileText(answers: SiteAnswers, now: Date): string {
  return [
    `# hik2humand settings, written by \`hik2humand init\` on ${now.toISOString()}.`,
    '# Secrets live here only: keep this file mode 600 (owner read/write), never commit or mail it.',
    '# Every setting: docs/configuration.md. Check after any change: hik2humand doctor',
    '',
    '# HikCentral Professional (System > Open API: the partner app key and secret)',
    `HIKVISION_HOST=${envValue(answers.hikHost)}`,
    `HIK_APP_KEY=${envValue(answers.hikAppKey)}`,
    `HIK_SECRET=${envValue(answers.hikSecret)}`,
    ...(answers.hikCaCert ? ["# HikCentral's own (self-signed) certificate, fetched and pinned by init", `HIK_CA_CERT=${envValue(answers.hikCaCert)}`] : []),
    '',
    '# Humand API key',
    `HUMAND_BASE_URL=${envValue(answers.humandBaseUrl)}`,
    `HUMAND_AUTH=${envValue(answers.humandAuth)}`,
    '',
    `SITE_TIMEZONE=${envValue(answers.timezone)}`,
    'CONFIG_FILE=./hik2humand.yaml',
    'DATABASE_PATH=./data/hik2humand.db',
    '# true: decide and log every punch without sending it (to watch the first passes); false: send to Humand.',
    'DRY_RUN=false',
    '',
  ].join('\n');
}

/** hik2humand.yaml with the chosen time clocks and mapping, commented for the next person. */
export function configFileText(answers: SiteAnswers, now: Date): string {
  const clocks = answers.clocks.map((clock) => {
    const seen = [
      clock.readerIndexCode ? `reader ${clock.readerIndexCode}` : null,
      clock.doorName ? `door "${clock.doorName}"` : null,
      `${clock.passages} passage(s) when init looked`,
    ]
      .filter(Boolean)
      .join(', ');
    const lines = [`  - reader: ${yamlString(clock.reader)}   # ${seen}`];
    if (clock.direction) lines.push(`    direction: ${clock.direction}`);
    else lines.push('    mode: alternate          # no direction in the name: clock-in, clock-out, ... per employee and day');
    return lines.join('\n');
  });
  const mapping = [`  strategy: ${answers.mapping.strategy}`];
  if (answers.mapping.customField) mapping.push(`  customField: ${yamlString(answers.mapping.customField)}`);
  return [
    `# hik2humand site rules, written by \`hik2humand init\` on ${now.toISOString()}.`,
    '# Reference with every option: config.example.yaml and docs/configuration.md.',
    '',
    '# Time clocks: the readers whose passages are clock entries, matched by the reader name exactly',
    '# as HikCentral spells it. Every other door is recorded as "ignored: not a time-clock door".',
    'timeClocks:',
    ...clocks,
    '',
    `# Who is it? ${answers.mappingNote}`,
    'mapping:',
    ...mapping,
    '',
    'debounce: 60s                     # double taps within this merge into the first',
    'dayBoundaryHour: 4                # a working day starts at 04:00 site time (night shifts)',
    'alternation: suppress             # two clock-ins in a row in a working day: the second is not sent',
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
